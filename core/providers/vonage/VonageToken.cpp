// SPDX-License-Identifier: MIT
#include "core/providers/vonage/VonageToken.h"

#include "core/Duration.h"

#include <QUrl>
#include <QtEndian>

namespace td::vonage {
namespace {

/** Node's querystring.escape: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is percent-encoded (UTF-8). */
QByteArray escape(const QString& value)
{
    return QUrl::toPercentEncoding(value, QByteArrayLiteral("!~*'()"));
}

/** A nonce as Math.random() prints one: "0." and up to nine digits, the last not 0. */
Result<QString> nonce(const crypto::RandomSource& random)
{
    auto bytes = random ? random(4) : crypto::pooledRandomBytes(4);
    if (!bytes)
        return std::unexpected(bytes.error());
    const quint32 n = qFromLittleEndian<quint32>(bytes->constData()) % 999999999U + 1;
    QString digits = QStringLiteral("%1").arg(n, 9, 10, QLatin1Char('0'));
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QStringLiteral("0.") + digits;
}

} // namespace

const QStringList& roles()
{
    static const QStringList list{QStringLiteral("publisher"), QStringLiteral("subscriber"),
                                  QStringLiteral("moderator"), QStringLiteral("publisheronly")};
    return list;
}

QJsonObject SessionClaims::toJson() const
{
    QJsonObject o{{QStringLiteral("session_id"), sessionId}, {QStringLiteral("role"), role}};
    if (!connectionData.isEmpty())
        o.insert(QStringLiteral("connection_data"), connectionData);
    if (!layoutClasses.isEmpty())
        o.insert(QStringLiteral("initial_layout_class_list"), layoutClasses);
    return o;
}

SessionClaims readClaims(const QJsonObject& o, QList<Finding>& findings)
{
    SessionClaims c;
    for (const auto& [key, target] :
         {std::pair{"session_id", &c.sessionId}, std::pair{"role", &c.role},
          std::pair{"connection_data", &c.connectionData}, std::pair{"initial_layout_class_list", &c.layoutClasses}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            *target = v.toString();
        else if (!v.isUndefined())
            addFinding(findings, Severity::Error, "claim-type", QT_TRANSLATE_NOOP("td::Finding", "%1 must be a string"),
                       QLatin1String(key));
    }
    return c;
}

Result<void> validateClaims(const SessionClaims& c)
{
    if (c.sessionId.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the session ID is missing (--session-id): a token connects to one "
                                                   "session"));
    if (c.sessionId.size() > 512)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the session ID is too long"));
    if (!roles().contains(c.role))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the role \"%1\" is not publisher, subscriber, moderator or "
                                                   "publisheronly"),
                    c.role.left(32));
    if (c.connectionData.size() > kMaxDataLength)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the connection data is %1 characters: the SDKs allow 1024"),
                    c.connectionData.size());
    if (c.layoutClasses.size() > kMaxDataLength)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the layout classes are %1 characters: the SDKs allow 1024"),
                    c.layoutClasses.size());
    return {};
}

QString sessionApiKey(const QString& sessionId)
{
    if (sessionId.size() < 3)
        return {};
    QString body = sessionId.mid(2);
    body.replace(QLatin1Char('-'), QLatin1Char('+')).replace(QLatin1Char('_'), QLatin1Char('/'));
    const QByteArray decoded = QByteArray::fromBase64(body.toLatin1());
    const QList<QByteArray> fields = decoded.split('~');
    return fields.size() > 1 ? QString::fromLatin1(fields.at(1)) : QString();
}

Result<VonageMinter> VonageMinter::create(const QString& applicationId, const crypto::RsaPrivateKey& key)
{
    if (applicationId.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the Vonage application ID is missing "
                                                                            "(--application-id or "
                                                                            "VONAGE_APPLICATION_ID)"));
    if (key.isNull())
        return fail(ErrorCode::EmptyKey, QT_TRANSLATE_NOOP("td::Error", "the Vonage application's private key is "
                                                                        "missing (--private-key or "
                                                                        "VONAGE_PRIVATE_KEY)"));
    return VonageMinter(applicationId, jwt::JwtSigner::rsa(key));
}

Result<MintedToken> VonageMinter::mint(const SessionClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                       const crypto::RandomSource& random) const
{
    // The SDK would replace an exp that is not in the future with now + 900 s; TokenDesk refuses such a TTL instead.
    if (ttlSeconds <= 0 || ttlSeconds > kMaxTtlSeconds)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be from 1 second to 30 days"));
    if (auto ok = validateClaims(claims); !ok)
        return std::unexpected(ok.error());
    auto jti = crypto::uuidV4(random);
    if (!jti)
        return std::unexpected(jti.error());
    const qint64 now = clock.nowSeconds();
    jwt::JwtBuilder builder;
    builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    OrderedJson& p = builder.payload();
    p.insert(QStringLiteral("scope"), QStringLiteral("session.connect"));
    p.insert(QStringLiteral("session_id"), claims.sessionId);
    p.insert(QStringLiteral("role"), claims.role);
    p.insert(QStringLiteral("initial_layout_class_list"), claims.layoutClasses);
    p.insert(QStringLiteral("exp"), now + ttlSeconds);
    p.insert(QStringLiteral("sub"), QStringLiteral("video"));
    OrderedJson paths = OrderedJson::object();
    paths.insert(QStringLiteral("/session/**"), OrderedJson::object());
    OrderedJson acl = OrderedJson::object();
    acl.insert(QStringLiteral("paths"), std::move(paths));
    p.insert(QStringLiteral("acl"), std::move(acl));
    if (!claims.connectionData.isEmpty())
        p.insert(QStringLiteral("connection_data"), claims.connectionData);
    p.insert(QStringLiteral("jti"), *jti);
    p.insert(QStringLiteral("iat"), now);
    p.insert(QStringLiteral("application_id"), m_applicationId);
    auto token = builder.sign(m_signer);
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{
        QStringLiteral("vonage"), std::move(*token), builder.header(), std::move(p), now + ttlSeconds, {}};
}

Result<OpenTokMinter> OpenTokMinter::create(const QString& apiKey, QByteArrayView apiSecret)
{
    if (apiKey.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the OpenTok API key is missing (--api-key or OPENTOK_API_KEY)"));
    if (apiSecret.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the OpenTok API secret is missing "
                                                                            "(--api-secret or OPENTOK_API_SECRET)"));
    auto signer = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, apiSecret);
    if (!signer)
        return std::unexpected(signer.error());
    return OpenTokMinter(apiKey, apiSecret.toByteArray(), std::move(*signer));
}

Result<MintedToken> OpenTokMinter::mint(const SessionClaims& claims, qint64 ttlSeconds, OpenTokFormat format,
                                        const Clock& clock, const crypto::RandomSource& random) const
{
    if (ttlSeconds <= 0 || ttlSeconds > kMaxTtlSeconds)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be from 1 second to 30 days"));
    if (auto ok = validateClaims(claims); !ok)
        return std::unexpected(ok.error());
    // As the SDK: a session made with another API key gets no token.
    if (const QString owner = sessionApiKey(claims.sessionId); owner != m_apiKey)
        return fail(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("td::Error", "the session ID belongs to API key \"%1\", not %2: OpenTok "
                                                   "refuses tokens for another project's session"),
                    owner.left(32), m_apiKey);
    auto n = nonce(random);
    if (!n)
        return std::unexpected(n.error());
    const qint64 now = clock.nowSeconds();
    OrderedJson data = OrderedJson::object();
    data.insert(QStringLiteral("session_id"), claims.sessionId);
    data.insert(QStringLiteral("create_time"), now);
    data.insert(QStringLiteral("nonce"), *n);
    data.insert(QStringLiteral("role"), claims.role);
    data.insert(QStringLiteral("expire_time"), now + ttlSeconds);
    if (!claims.connectionData.isEmpty())
        data.insert(QStringLiteral("connection_data"), claims.connectionData);
    data.insert(QStringLiteral("initial_layout_class_list"), claims.layoutClasses);
    data.insert(QStringLiteral("scope"), QStringLiteral("session.connect"));

    if (format == OpenTokFormat::Jwt) {
        jwt::JwtBuilder builder;
        builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
        OrderedJson& p = builder.payload();
        p.insert(QStringLiteral("iss"), m_apiKey);
        p.insert(QStringLiteral("ist"), QStringLiteral("project"));
        p.insert(QStringLiteral("iat"), now);
        p.insert(QStringLiteral("exp"), now + ttlSeconds);
        for (const auto& [key, value] : data.members()) {
            // The nonce is a number in the JWT form (the SDK passes Math.random()'s value).
            p.insert(key,
                     key == QStringLiteral("nonce") ? OrderedJson(value.toJsonValue().toString().toDouble()) : value);
        }
        auto token = builder.sign(m_signer);
        if (!token)
            return std::unexpected(token.error());
        return MintedToken{
            QStringLiteral("opentok"), std::move(*token), builder.header(), std::move(p), now + ttlSeconds, {}};
    }
    QByteArray query;
    for (const auto& [key, value] : data.members()) {
        if (!query.isEmpty())
            query += '&';
        const QJsonValue v = value.toJsonValue();
        query += key.toLatin1() + '=' + escape(v.isString() ? v.toString() : QString::number(v.toInteger()));
    }
    const QByteArray sig = crypto::hmac(crypto::HashAlgorithm::Sha1, m_secret, query).toHex();
    const QByteArray signedText = QByteArrayLiteral("partner_id=") + m_apiKey.toLatin1() + "&sig=" + sig + ':' + query;
    const QByteArray token = QByteArrayLiteral("T1==") + signedText.toBase64();
    OrderedJson header = OrderedJson::object();
    header.insert(QStringLiteral("version"), QStringLiteral("T1"));
    header.insert(QStringLiteral("partner_id"), m_apiKey);
    return MintedToken{QStringLiteral("opentok"), token, std::move(header), std::move(data), now + ttlSeconds, {}};
}

QString T1Token::field(const QString& name) const
{
    for (const auto& [key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

Result<T1Token> parseT1(QByteArrayView token)
{
    if (!token.startsWith("T1=="))
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "not an OpenTok T1 token: it starts with \"T1==\""));
    const auto decoded =
        QByteArray::fromBase64Encoding(token.sliced(4).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the OpenTok token after \"T1==\" is not base64"));
    const QByteArray& text = *decoded;
    const qsizetype colon = text.indexOf(':');
    if (colon < 0 || !text.startsWith("partner_id="))
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the OpenTok token does not read partner_id=…&sig=…:data"));
    T1Token t;
    const QByteArray head = text.left(colon);
    t.data = text.mid(colon + 1);
    for (const QByteArray& part : head.split('&')) {
        if (part.startsWith("partner_id="))
            t.partnerId = QString::fromUtf8(part.mid(11));
        else if (part.startsWith("sig="))
            t.signature = part.mid(4);
    }
    for (const QByteArray& pair : t.data.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        t.fields.append(
            {QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(QByteArray(value).replace('+', ' '))});
    }
    return t;
}

bool verifyT1(const T1Token& token, QByteArrayView apiSecret)
{
    if (apiSecret.isEmpty() || token.signature.isEmpty())
        return false;
    return crypto::constantTimeEquals(crypto::hmac(crypto::HashAlgorithm::Sha1, apiSecret, token.data).toHex(),
                                      token.signature.toLower());
}

void lintSession(const SessionClaims& c, const QString& apiKey, QList<Finding>& out)
{
    if (c.sessionId.isEmpty())
        addFinding(out, Severity::Error, "no-session",
                   QT_TRANSLATE_NOOP("td::Finding", "no session_id: the token connects to no session"));
    else if (!c.sessionId.startsWith(QStringLiteral("1_")) && !c.sessionId.startsWith(QStringLiteral("2_")))
        addFinding(out, Severity::Warning, "session-shape",
                   QT_TRANSLATE_NOOP("td::Finding", "session_id does not start with 1_ or 2_ as the session IDs the "
                                                    "API creates do"));
    if (!roles().contains(c.role))
        addFinding(out, Severity::Error, "role",
                   QT_TRANSLATE_NOOP("td::Finding", "role \"%1\" is not publisher, subscriber, moderator or "
                                                    "publisheronly"),
                   c.role.left(32));
    if (c.connectionData.size() > kMaxDataLength)
        addFinding(out, Severity::Error, "data-length",
                   QT_TRANSLATE_NOOP("td::Finding", "connection_data is %1 characters, over the 1024 the SDKs allow"),
                   c.connectionData.size());
    const QString owner = sessionApiKey(c.sessionId);
    if (!apiKey.isEmpty() && !owner.isEmpty() && owner != apiKey)
        addFinding(out, Severity::Error, "session-api-key",
                   QT_TRANSLATE_NOOP("td::Finding", "the session belongs to API key \"%1\", not %2: OpenTok refuses "
                                                    "the connection"),
                   owner.left(32), apiKey);
}

QStringList explainPermissions(const SessionClaims& c)
{
    QStringList out;
    out << QStringLiteral("Connects to the session %1.").arg(c.sessionId.left(48));
    if (c.role == QStringLiteral("moderator"))
        out << QStringLiteral("Moderator: publishes, subscribes, and may force other clients to disconnect or stop "
                              "publishing.");
    else if (c.role == QStringLiteral("publisher"))
        out << QStringLiteral("Publisher: publishes and subscribes.");
    else if (c.role == QStringLiteral("publisheronly"))
        out << QStringLiteral("Publisher only: publishes, cannot subscribe.");
    else if (c.role == QStringLiteral("subscriber"))
        out << QStringLiteral("Subscriber: subscribes, cannot publish.");
    if (!c.connectionData.isEmpty())
        out << QStringLiteral("Other clients see its connection data: %1").arg(c.connectionData.left(100));
    if (!c.layoutClasses.isEmpty())
        out << QStringLiteral("Its streams start with the layout classes: %1").arg(c.layoutClasses.left(100));
    return out;
}

QString summary(const SessionClaims& c)
{
    return QStringLiteral("session %1, %2").arg(c.sessionId.left(12) + QStringLiteral("…"), c.role);
}

} // namespace td::vonage
