// SPDX-License-Identifier: MIT
#include "core/providers/agora/AgoraToken.h"

#include "core/crypto/Crypto.h"

#include <QRegularExpression>
#include <QtEndian>

#include <zlib.h>

namespace td::agora {
namespace {

constexpr qsizetype kMaxInflated = qsizetype{64} * 1024;

class Writer {
public:
    Writer() { m_bytes.reserve(256); }
    Writer& u16(quint16 v)
    {
        char b[2];
        qToLittleEndian(v, b);
        m_bytes.append(b, 2);
        return *this;
    }
    Writer& u32(quint32 v)
    {
        char b[4];
        qToLittleEndian(v, b);
        m_bytes.append(b, 4);
        return *this;
    }
    Writer& bytes(QByteArrayView v)
    {
        u16(static_cast<quint16>(v.size()));
        m_bytes.append(v);
        return *this;
    }
    Writer& text(const QString& v) { return bytes(v.toUtf8()); }
    Writer& privileges(const QMap<quint16, quint32>& map)
    {
        u16(static_cast<quint16>(map.size()));
        for (auto it = map.begin(); it != map.end(); ++it)
            u16(it.key()).u32(it.value());
        return *this;
    }
    const QByteArray& data() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

/** A bounds-checked reader: every read past the end sets the error and returns zero or empty. */
class Reader {
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}
    bool ok() const { return m_ok; }
    qsizetype position() const { return m_pos; }
    quint16 u16()
    {
        if (!need(2))
            return 0;
        const auto v = qFromLittleEndian<quint16>(m_bytes.data() + m_pos);
        m_pos += 2;
        return v;
    }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const auto v = qFromLittleEndian<quint32>(m_bytes.data() + m_pos);
        m_pos += 4;
        return v;
    }
    QByteArray bytes()
    {
        const quint16 n = u16();
        if (!need(n))
            return {};
        QByteArray v = m_bytes.sliced(m_pos, n).toByteArray();
        m_pos += n;
        return v;
    }
    QString text() { return QString::fromUtf8(bytes()); }
    QMap<quint16, quint32> privileges()
    {
        QMap<quint16, quint32> map;
        const quint16 n = u16();
        for (quint16 i = 0; i < n && m_ok; ++i) {
            const quint16 key = u16();
            map.insert(key, u32());
        }
        return map;
    }

private:
    bool need(qsizetype n)
    {
        if (m_ok && m_bytes.size() - m_pos >= n)
            return true;
        m_ok = false;
        return false;
    }
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

QByteArray le32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

/** The signing key: HMAC(salt, HMAC(issue time, certificate)), as the SDK derives it. The inner HMAC changes once
 *  a second, so each thread keeps the last one (a server minting in a loop derives it once per second). */
QByteArray signingKey(quint32 issueTs, quint32 salt, QByteArrayView certificate)
{
    struct Inner {
        quint32 issueTs = 0;
        QByteArray certificate;
        QByteArray key;
    };
    thread_local Inner last;
    if (last.key.isEmpty() || last.issueTs != issueTs || last.certificate != certificate) {
        last.issueTs = issueTs;
        last.certificate = certificate.toByteArray();
        last.key = crypto::hmac(crypto::HashAlgorithm::Sha256, le32(issueTs), certificate);
    }
    return crypto::hmac(crypto::HashAlgorithm::Sha256, le32(salt), last.key);
}

QByteArray packService(const Service& s)
{
    Writer w;
    w.u16(s.type).privileges(s.privileges);
    switch (static_cast<ServiceType>(s.type)) {
    case ServiceType::Rtc:
    case ServiceType::Streaming:
    case ServiceType::FCdn: w.text(s.channel).text(s.account); break;
    case ServiceType::Rtm:
    case ServiceType::Chat: w.text(s.account); break;
    default: break;
    }
    return w.data();
}

/** Reads one service after its type; false when the type is one this build cannot read. */
bool readService(Reader& r, Service& s)
{
    s.privileges = r.privileges();
    switch (static_cast<ServiceType>(s.type)) {
    case ServiceType::Rtc:
    case ServiceType::Streaming:
    case ServiceType::FCdn:
        s.channel = r.text();
        s.account = r.text();
        return true;
    case ServiceType::Rtm:
    case ServiceType::Chat: s.account = r.text(); return true;
    case ServiceType::Fpa:
    case ServiceType::ConvoAI:
    case ServiceType::Stt: return true;
    case ServiceType::Apaas:
        s.channel = r.text(); // the room's UUID
        s.account = r.text(); // the user's UUID
        r.u16();              // the role
        return true;
    case ServiceType::Rtm2: {
        s.account = r.text();
        const quint16 resourceTypes = r.u16();
        for (quint16 i = 0; i < resourceTypes && r.ok(); ++i) {
            r.u16();
            const quint16 permissions = r.u16();
            for (quint16 j = 0; j < permissions && r.ok(); ++j) {
                r.u16();
                const quint16 resources = r.u16();
                for (quint16 k = 0; k < resources && r.ok(); ++k)
                    r.bytes();
            }
        }
        return true;
    }
    }
    return false;
}

Result<QByteArray> inflate(QByteArrayView compressed)
{
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return fail(ErrorCode::Crypto, QStringLiteral("zlib could not start"));
    QByteArray out(kMaxInflated + 1, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = ::inflate(&z, Z_FINISH);
    const qsizetype produced = out.size() - static_cast<qsizetype>(z.avail_out);
    inflateEnd(&z);
    if (rc != Z_STREAM_END || produced > kMaxInflated)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora token's compressed part is damaged or too large"));
    out.truncate(produced);
    return out;
}

/** A deflate stream kept per thread and reset per token: setting one up allocates and clears some 256 KiB. */
class Deflater {
public:
    Deflater() { m_ok = deflateInit(&m_stream, Z_DEFAULT_COMPRESSION) == Z_OK; }
    ~Deflater()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    /** The zlib stream of `plain` at the default level: what zlib.deflateSync writes with its defaults. */
    Result<QByteArray> compress(QByteArrayView plain)
    {
        if (!m_ok || deflateReset(&m_stream) != Z_OK)
            return fail(ErrorCode::Crypto, QStringLiteral("zlib could not compress the token"));
        QByteArray out(static_cast<qsizetype>(deflateBound(&m_stream, static_cast<uLong>(plain.size()))),
                       Qt::Uninitialized);
        m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
        m_stream.avail_in = static_cast<uInt>(plain.size());
        m_stream.next_out = reinterpret_cast<Bytef*>(out.data());
        m_stream.avail_out = static_cast<uInt>(out.size());
        if (::deflate(&m_stream, Z_FINISH) != Z_STREAM_END)
            return fail(ErrorCode::Crypto, QStringLiteral("zlib could not compress the token"));
        out.truncate(out.size() - static_cast<qsizetype>(m_stream.avail_out));
        return out;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

Result<QByteArray> deflate(QByteArrayView plain)
{
    thread_local Deflater deflater;
    return deflater.compress(plain);
}

} // namespace

bool isHex32(QStringView value)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return hex.match(value.toString()).hasMatch();
}

Result<void> validateChannel(const QString& channel)
{
    if (channel.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the channel name is missing (--channel)"));
    if (channel.toUtf8().size() > kMaxChannelBytes)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the channel name is %1 bytes: Agora allows fewer than 64"),
                    channel.toUtf8().size());
    static const QString punctuation = QStringLiteral(" !#$%&()+-:;<=.>?@[]^_{}|~,");
    const bool allowed = std::all_of(channel.begin(), channel.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || punctuation.contains(c);
    });
    if (!allowed)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the channel name \"%1\" has a character Agora does not allow "
                                                   "(letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~, only)"),
                    channel.left(64));
    return {};
}

QString uidText(quint32 uid)
{
    return uid == 0 ? QString() : QString::number(uid);
}

Result<QByteArray> build(const AccessToken2& token, QByteArrayView appCertificate)
{
    if (!isHex32(token.appId))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the app ID is not 32 hex characters (the SDK builds nothing)"));
    if (!isHex32(QString::fromLatin1(appCertificate)))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the app certificate is not 32 hex "
                                                                            "characters (the SDK builds nothing)"));
    if (token.services.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "an Agora token needs a service"));
    QList<Service> services = token.services;
    std::stable_sort(services.begin(), services.end(),
                     [](const Service& a, const Service& b) { return a.type < b.type; });
    Writer info;
    info.text(token.appId)
        .u32(token.issueTs)
        .u32(token.expire)
        .u32(token.salt)
        .u16(static_cast<quint16>(services.size()));
    QByteArray signingInfo = info.data();
    for (const Service& s : services)
        signingInfo += packService(s);
    const QByteArray signature =
        crypto::hmac(crypto::HashAlgorithm::Sha256, signingKey(token.issueTs, token.salt, appCertificate), signingInfo);
    Writer content;
    content.bytes(signature);
    auto compressed = deflate(QByteArray(content.data() + signingInfo));
    if (!compressed)
        return std::unexpected(compressed.error());
    return QByteArrayLiteral("007") + compressed->toBase64();
}

Result<AccessToken2> parse(QByteArrayView token)
{
    if (!token.startsWith("007"))
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "not an Agora AccessToken2: it starts with \"007\""));
    const auto decoded =
        QByteArray::fromBase64Encoding(token.sliced(3).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora token after \"007\" is not base64"));
    auto content = inflate(*decoded);
    if (!content)
        return std::unexpected(content.error());
    Reader r(*content);
    AccessToken2 t;
    t.signature = r.bytes();
    const qsizetype infoStart = r.position();
    t.appId = r.text();
    t.issueTs = r.u32();
    t.expire = r.u32();
    t.salt = r.u32();
    const quint16 count = r.u16();
    for (quint16 i = 0; i < count && r.ok(); ++i) {
        Service s;
        s.type = r.u16();
        if (!r.ok())
            break;
        if (!readService(r, s)) {
            s.understood = false;
            t.services << s;
            break; // the rest cannot be found without knowing this service's layout
        }
        t.services << s;
    }
    if (!r.ok())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora token ends inside a field: it was cut or damaged"));
    t.signingInfo = content->mid(infoStart);
    return t;
}

bool verifySignature(const AccessToken2& token, QByteArrayView appCertificate)
{
    if (token.signature.isEmpty() || token.signingInfo.isEmpty() || !isHex32(QString::fromLatin1(appCertificate)))
        return false;
    const QByteArray expected = crypto::hmac(crypto::HashAlgorithm::Sha256,
                                             signingKey(token.issueTs, token.salt, appCertificate), token.signingInfo);
    return crypto::constantTimeEquals(expected, token.signature);
}

Result<Legacy006> parse006(QByteArrayView token)
{
    if (!token.startsWith("006") || token.size() < 3 + 32)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "not an Agora AccessToken: \"006\" and a 32-character app ID"));
    Legacy006 t;
    t.appId = QString::fromLatin1(token.sliced(3, 32));
    const auto decoded =
        QByteArray::fromBase64Encoding(token.sliced(35).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora token after the app ID is not base64"));
    Reader r(*decoded);
    t.signature = r.bytes();
    t.crcChannel = r.u32();
    t.crcUid = r.u32();
    const QByteArray message = r.bytes();
    Reader m(message);
    t.salt = m.u32();
    t.ts = m.u32();
    t.privileges = m.privileges();
    if (!r.ok() || !m.ok())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora token ends inside a field: it was cut or damaged"));
    return t;
}

QString serviceName(quint16 type)
{
    switch (static_cast<ServiceType>(type)) {
    case ServiceType::Rtc: return QStringLiteral("rtc");
    case ServiceType::Rtm: return QStringLiteral("rtm");
    case ServiceType::Streaming: return QStringLiteral("streaming");
    case ServiceType::Fpa: return QStringLiteral("fpa");
    case ServiceType::Chat: return QStringLiteral("chat");
    case ServiceType::FCdn: return QStringLiteral("fcdn");
    case ServiceType::Apaas: return QStringLiteral("apaas");
    case ServiceType::Rtm2: return QStringLiteral("rtm2");
    case ServiceType::ConvoAI: return QStringLiteral("convoai");
    case ServiceType::Stt: return QStringLiteral("stt");
    }
    return QStringLiteral("service %1").arg(type);
}

QString privilegeName(quint16 serviceType, quint16 privilege)
{
    if (serviceType == static_cast<quint16>(ServiceType::Rtc)) {
        switch (privilege) {
        case JoinChannel: return QStringLiteral("join_channel");
        case PublishAudio: return QStringLiteral("publish_audio");
        case PublishVideo: return QStringLiteral("publish_video");
        case PublishData: return QStringLiteral("publish_data");
        default: break;
        }
    } else if (serviceType == static_cast<quint16>(ServiceType::Chat)) {
        if (privilege == ChatUser)
            return QStringLiteral("user");
        if (privilege == ChatApp)
            return QStringLiteral("app");
    } else if (privilege == 1 && (serviceType == static_cast<quint16>(ServiceType::Rtm) ||
                                  serviceType == static_cast<quint16>(ServiceType::Rtm2) ||
                                  serviceType == static_cast<quint16>(ServiceType::Fpa))) {
        return QStringLiteral("login");
    }
    return QStringLiteral("privilege %1").arg(privilege);
}

} // namespace td::agora
