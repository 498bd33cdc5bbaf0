// SPDX-License-Identifier: MIT
#include "core/providers/zego/Token04.h"

#include "core/crypto/Base64.h"
#include "core/crypto/Crypto.h"
#include "core/json/JsonNumber.h"

#include <QJsonDocument>
#include <QtEndian>

namespace td::zego {
namespace {

constexpr QByteArrayView kPrefix("04");
constexpr quint8 kGcmModeByte = 1;

void appendBe16(QByteArray& out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

void appendBe64(QByteArray& out, qint64 v)
{
    char b[8];
    qToBigEndian(v, b);
    out.append(b, 8);
}

/** 16 characters from [0-9a-z], as the Go, Node, C++ and PHP generators make their IV. */
Result<QByteArray> randomAlnumIv(const crypto::RandomSource& random)
{
    static constexpr char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QByteArray iv;
    while (iv.size() < 16) {
        auto bytes = random(32);
        if (!bytes)
            return bytes;
        for (char b : *bytes) {
            const auto u = static_cast<unsigned char>(b);
            if (u < 252 && iv.size() < 16) // 252 = 7 * 36: reject the rest to avoid bias
                iv.append(kChars[u % 36]);
        }
    }
    return iv;
}

Result<qint32> randomNonce(Layout layout, const crypto::RandomSource& random)
{
    auto bytes = random(4);
    if (!bytes)
        return std::unexpected(bytes.error());
    qint32 n = qFromBigEndian<qint32>(bytes->constData());
    // The CBC generators draw from [0, 2^31-1]; the GCM generator uses the whole int32 range.
    if (layout == Layout::Cbc)
        n &= 0x7fffffff;
    return n;
}

} // namespace

QString layoutName(Layout layout)
{
    return layout == Layout::Gcm ? QStringLiteral("gcm") : QStringLiteral("cbc");
}

std::optional<Layout> parseLayout(const QString& name)
{
    if (name.compare(QStringLiteral("gcm"), Qt::CaseInsensitive) == 0)
        return Layout::Gcm;
    if (name.compare(QStringLiteral("cbc"), Qt::CaseInsensitive) == 0)
        return Layout::Cbc;
    return std::nullopt;
}

Result<void> validateRequest(const Token04Request& r)
{
    if (r.appId == 0)
        return fail(ErrorCode::ZegoAppIdInvalid,
                    QT_TRANSLATE_NOOP("td::Error", "the AppID must be a non-zero 32-bit number "
                                                   "(ZEGOCLOUD error 1, appID invalid)"));
    if (r.userId.isEmpty() || r.userId.size() > kMaxUserIdLength)
        return fail(ErrorCode::ZegoUserIdInvalid,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the user ID must be 1 to %1 characters (ZEGOCLOUD error 3, userID invalid)"),
                    kMaxUserIdLength);
    if (r.serverSecret.size() != 32)
        return fail(ErrorCode::ZegoSecretInvalid,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the ServerSecret must be a 32 byte string, this one has %1 characters "
                                      "(ZEGOCLOUD error 5, secret invalid)"),
                    r.serverSecret.size());
    if (r.effectiveSeconds <= 0)
        return fail(ErrorCode::ZegoEffectiveTimeInvalid,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the TTL must be positive (ZEGOCLOUD error 6, effectiveTimeInSeconds invalid)"));
    if (r.iv && r.iv->size() != (r.layout == Layout::Cbc ? 16 : 12))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the injected IV has the wrong length"));
    return {};
}

Result<MintedToken> mintToken04(const Token04Request& r, const Clock& clock)
{
    if (auto ok = validateRequest(r); !ok)
        return std::unexpected(ok.error());
    const crypto::RandomSource random = r.random ? r.random : crypto::RandomSource(crypto::randomBytes);
    const qint64 ctime = clock.nowSeconds();
    const qint64 expire = ctime + r.effectiveSeconds;
    qint32 nonce = 0;
    if (r.nonce) {
        nonce = *r.nonce;
    } else {
        auto n = randomNonce(r.layout, random);
        if (!n)
            return std::unexpected(n.error());
        nonce = *n;
    }

    // Node/Python/C++ member order (spec 2.2).
    OrderedJson plain = OrderedJson::object();
    plain.insert(QStringLiteral("app_id"), static_cast<qint64>(r.appId));
    plain.insert(QStringLiteral("user_id"), r.userId);
    plain.insert(QStringLiteral("nonce"), static_cast<qint64>(nonce));
    plain.insert(QStringLiteral("ctime"), ctime);
    plain.insert(QStringLiteral("expire"), expire);
    plain.insert(QStringLiteral("payload"), r.payload);
    const QByteArray json = plain.serialize();

    QByteArray iv;
    if (r.iv) {
        iv = *r.iv;
    } else {
        auto fresh = r.layout == Layout::Cbc ? randomAlnumIv(random) : random(12);
        if (!fresh)
            return std::unexpected(fresh.error());
        iv = *fresh;
    }
    auto ct = r.layout == Layout::Cbc ? crypto::aes256CbcEncrypt(r.serverSecret, iv, json)
                                      : crypto::aes256GcmEncrypt(r.serverSecret, iv, json);
    if (!ct)
        return std::unexpected(ct.error());
    if (ct->size() > 0xffff)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the payload is too large for a Token04 (64 KiB)"));

    QByteArray buf;
    buf.reserve(8 + 2 + iv.size() + 2 + ct->size() + 1);
    appendBe64(buf, expire);
    appendBe16(buf, static_cast<quint16>(iv.size()));
    buf.append(iv);
    appendBe16(buf, static_cast<quint16>(ct->size()));
    buf.append(*ct);
    if (r.layout == Layout::Gcm)
        buf.append(static_cast<char>(kGcmModeByte));

    OrderedJson header = OrderedJson::object();
    header.insert(QStringLiteral("version"), QStringLiteral("04"));
    header.insert(QStringLiteral("layout"), layoutName(r.layout));
    header.insert(QStringLiteral("expire"), expire);
    return MintedToken{
        QStringLiteral("zego"), kPrefix.toByteArray() + crypto::base64Encode(buf), header, plain, expire, {}};
}

Result<Token04Envelope> parseToken04(QByteArrayView input)
{
    const QByteArrayView token = input.trimmed();
    if (!token.startsWith(kPrefix))
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "a Token04 starts with \"04\""));
    if (token.contains('#'))
        return fail(
            ErrorCode::MalformedToken,
            QT_TRANSLATE_NOOP("td::Error", "this is a Kit Token (Token04 + '#' + room data), not a bare Token04"));
    if (token.size() > qsizetype{4} * 0x10000)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the token is too large to be a Token04"));
    const QByteArrayView b64 = token.sliced(2);
    if (b64.contains('-') || b64.contains('_'))
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "Token04 uses standard base64 ('+', '/'), but this has URL-safe characters"));
    auto buf = crypto::base64Decode(b64);
    if (!buf)
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "the Token04 body is not base64: %1"),
                    buf.error().message);
    const QByteArray& b = *buf;
    const auto truncated = [&](const char* what) {
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Token04 is truncated: %1 runs past its %2 bytes"),
                    QString::fromLatin1(what), b.size());
    };
    if (b.size() < 12)
        return truncated("the header");
    Token04Envelope env;
    env.binarySize = b.size();
    env.expire = qFromBigEndian<qint64>(b.constData());
    qsizetype pos = 8;
    const quint16 ivLen = qFromBigEndian<quint16>(b.constData() + pos);
    pos += 2;
    if (pos + ivLen + 2 > b.size())
        return truncated("the IV");
    env.iv = b.mid(pos, ivLen);
    pos += ivLen;
    const quint16 ctLen = qFromBigEndian<quint16>(b.constData() + pos);
    pos += 2;
    if (pos + ctLen > b.size())
        return truncated("the ciphertext");
    env.ciphertext = b.mid(pos, ctLen);
    pos += ctLen;
    const qsizetype trailing = b.size() - pos;
    if (trailing == 0) {
        env.layout = Layout::Cbc;
        if (ivLen != 16)
            return fail(ErrorCode::MalformedToken,
                        QT_TRANSLATE_NOOP("td::Error", "CBC layout needs a 16-byte IV, this has %1"), ivLen);
        if (ctLen == 0 || ctLen % 16 != 0)
            return fail(ErrorCode::MalformedToken,
                        QT_TRANSLATE_NOOP("td::Error", "CBC ciphertext length %1 is not a positive multiple of 16"),
                        ctLen);
    } else if (trailing == 1 && static_cast<quint8>(b[pos]) == kGcmModeByte) {
        env.layout = Layout::Gcm;
        if (ivLen != 12)
            return fail(ErrorCode::MalformedToken,
                        QT_TRANSLATE_NOOP("td::Error", "GCM layout needs a 12-byte nonce, this has %1"), ivLen);
        if (ctLen < 16)
            return fail(ErrorCode::MalformedToken,
                        QT_TRANSLATE_NOOP("td::Error", "GCM ciphertext is shorter than its 16-byte tag"));
    } else {
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "%1 unexpected byte(s) after the ciphertext (neither the CBC nor the GCM layout)"),
                    trailing);
    }
    return env;
}

Result<Token04Plaintext> decryptToken04(const Token04Envelope& env, QByteArrayView serverSecret)
{
    if (serverSecret.size() != 32)
        return fail(ErrorCode::ZegoSecretInvalid,
                    QT_TRANSLATE_NOOP("td::Error", "the ServerSecret must be 32 characters, this has %1"),
                    serverSecret.size());
    auto plain = env.layout == Layout::Cbc ? crypto::aes256CbcDecrypt(serverSecret, env.iv, env.ciphertext)
                                           : crypto::aes256GcmDecrypt(serverSecret, env.iv, env.ciphertext);
    if (!plain)
        return fail(ErrorCode::ZegoDecryptFailed,
                    QT_TRANSLATE_NOOP("td::Error", "cannot decrypt with this ServerSecret: %1"), plain.error().message);
    Token04Plaintext out;
    out.json = *plain;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.json, &err);
    if (!doc.isObject())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the decrypted plaintext is not a JSON object"));
    out.object = doc.object();
    const auto number = [&](const char* key) -> std::optional<qint64> {
        const QJsonValue v = out.object.value(QLatin1String(key));
        return json::toInt64(v);
    };
    const auto appId = number("app_id");
    const auto nonce = number("nonce");
    const auto ctime = number("ctime");
    const auto expire = number("expire");
    const QJsonValue user = out.object.value(QStringLiteral("user_id"));
    if (!appId || !nonce || !ctime || !expire || !user.isString())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the plaintext lacks numeric app_id, nonce, ctime, expire or string user_id"));
    out.appId = static_cast<quint32>(*appId);
    out.userId = user.toString();
    out.nonce = *nonce;
    out.ctime = *ctime;
    out.expire = *expire;
    const QJsonValue payload = out.object.value(QStringLiteral("payload"));
    if (payload.isString())
        out.payload = payload.toString();
    else if (!payload.isUndefined())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the plaintext's payload must be a string"));
    return out;
}

} // namespace td::zego
