// SPDX-License-Identifier: MIT
#include "core/providers/hms/HmsToken.h"

#include <QRegularExpression>

namespace td::hms {
namespace {

QString stringClaim(const QJsonObject& payload, const char* key, QList<Finding>& findings)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    if (!v.isUndefined() && !v.isString())
        addFinding(findings, Severity::Error, "claim-type", QT_TRANSLATE_NOOP("td::Finding", "%1 must be a string"),
                   QLatin1String(key));
    return v.toString();
}

} // namespace

QJsonObject HmsClaims::toJson() const
{
    if (management)
        return {{QStringLiteral("type"), QStringLiteral("management")}};
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("app")},
                  {QStringLiteral("room_id"), roomId},
                  {QStringLiteral("role"), role}};
    if (!userId.isEmpty())
        o.insert(QStringLiteral("user_id"), userId);
    return o;
}

HmsClaims readClaims(const QJsonObject& payload, QList<Finding>& findings)
{
    HmsClaims c;
    c.management = payload.value(QStringLiteral("type")).toString() == QStringLiteral("management");
    c.roomId = stringClaim(payload, "room_id", findings);
    c.role = stringClaim(payload, "role", findings);
    c.userId = stringClaim(payload, "user_id", findings);
    return c;
}

Result<void> validateClaims(const HmsClaims& c)
{
    if (c.management)
        return {};
    if (c.roomId.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the room ID is missing (--room-id): an auth token joins one room"));
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!id.match(c.roomId).hasMatch())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a 100ms room ID (the 24-character ID the dashboard "
                                                   "shows, not the room's name)"),
                    c.roomId.left(64));
    if (c.role.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the role is missing (--role): a role of the room's template, such "
                                                   "as host or guest"));
    if (c.userId.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the user ID is missing (--user-id)"));
    return {};
}

Result<HmsMinter> HmsMinter::create(const QString& accessKey, QByteArrayView secret)
{
    if (accessKey.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the 100ms access key is missing "
                                                                            "(--access-key or HMS_ACCESS_KEY)"));
    if (secret.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the 100ms app secret is missing (--secret or HMS_SECRET)"));
    auto signer = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, secret);
    if (!signer)
        return std::unexpected(signer.error());
    return HmsMinter(accessKey, std::move(*signer));
}

Result<MintedToken> HmsMinter::mint(const HmsClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                    const crypto::RandomSource& random) const
{
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    if (auto ok = validateClaims(claims); !ok)
        return std::unexpected(ok.error());
    auto jti = crypto::uuidV4(random);
    if (!jti)
        return std::unexpected(jti.error());
    const qint64 iat = clock.nowSeconds() - kIssuedAtBackdate;
    jwt::JwtBuilder builder;
    builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    OrderedJson& p = builder.payload();
    p.insert(QStringLiteral("access_key"), m_accessKey);
    p.insert(QStringLiteral("type"), claims.management ? QStringLiteral("management") : QStringLiteral("app"));
    p.insert(QStringLiteral("version"), 2);
    p.insert(QStringLiteral("iat"), iat);
    p.insert(QStringLiteral("nbf"), iat);
    p.insert(QStringLiteral("exp"), iat + ttlSeconds);
    if (!claims.management) {
        p.insert(QStringLiteral("room_id"), claims.roomId);
        p.insert(QStringLiteral("role"), claims.role);
        p.insert(QStringLiteral("user_id"), claims.userId);
    }
    p.insert(QStringLiteral("jti"), *jti);
    auto token = builder.sign(m_signer);
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{
        QStringLiteral("100ms"), std::move(*token), builder.header(), std::move(p), iat + ttlSeconds, {}};
}

void lint(const jwt::DecodedJwt& t, QList<Finding>& out)
{
    if (t.algorithm != QStringLiteral("HS256"))
        addFinding(out, Severity::Error, "wrong-alg",
                   QT_TRANSLATE_NOOP("td::Finding", "100ms signs tokens with HS256, this token uses \"%1\""),
                   t.algorithm);
    if (t.payload.value(QStringLiteral("access_key")).toString().isEmpty())
        addFinding(out, Severity::Error, "missing-access-key",
                   QT_TRANSLATE_NOOP("td::Finding", "no access_key: 100ms cannot tell which app secret signed it"));
    const QString type = t.payload.value(QStringLiteral("type")).toString();
    if (type != QStringLiteral("app") && type != QStringLiteral("management"))
        addFinding(out, Severity::Error, "type",
                   QT_TRANSLATE_NOOP("td::Finding", "type is \"%1\", not app (joining a room) or management (the "
                                                    "REST API)"),
                   type.left(32));
    if (t.payload.value(QStringLiteral("version")).toInt() != 2)
        addFinding(out, Severity::Error, "version",
                   QT_TRANSLATE_NOOP("td::Finding", "version is not 2: 100ms reads only version-2 tokens"));
    if (!t.payload.value(QStringLiteral("jti")).isString())
        addFinding(out, Severity::Warning, "no-jti",
                   QT_TRANSLATE_NOOP("td::Finding", "no jti: the SDK gives each token a unique ID"));
    if (!t.payload.contains(QStringLiteral("exp")))
        addFinding(out, Severity::Error, "no-exp", QT_TRANSLATE_NOOP("td::Finding", "no exp: 100ms refuses it"));
    QList<Finding> ignored;
    const HmsClaims c = readClaims(t.payload, ignored);
    if (type == QStringLiteral("app")) {
        if (auto ok = validateClaims(c); !ok)
            addFinding(out, Severity::Error, "auth-claims", ok.error());
    } else if (type == QStringLiteral("management") && (!c.roomId.isEmpty() || !c.role.isEmpty())) {
        addFinding(out, Severity::Warning, "management-room",
                   QT_TRANSLATE_NOOP("td::Finding", "a management token with room_id or role: it is not limited to "
                                                    "that room, it reaches the whole workspace's API"));
    }
}

QStringList explainPermissions(const HmsClaims& c)
{
    if (c.management)
        return {QStringLiteral("Calls the 100ms REST API for the whole workspace (a management token): create and "
                               "end rooms, read sessions and recordings. Keep it on servers; it joins no room.")};
    return {QStringLiteral("Joins the room %1 as \"%2\".").arg(c.roomId, c.userId),
            QStringLiteral("Acts as the role \"%1\": what it may publish, subscribe to and change is set by the "
                           "room's template in the dashboard.")
                .arg(c.role)};
}

QString summary(const HmsClaims& c)
{
    if (c.management)
        return QStringLiteral("management");
    return QStringLiteral("room %1, role %2").arg(c.roomId, c.role);
}

} // namespace td::hms
