// SPDX-License-Identifier: MIT
#include "core/providers/stream/StreamToken.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace td::stream {
namespace {

/** "type:id" with both parts made of what Stream's call types and ids use. */
bool isCallCid(const QString& cid)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]+:[A-Za-z0-9_!-]+$"));
    return shape.match(cid).hasMatch();
}

} // namespace

QJsonObject StreamClaims::toJson() const
{
    QJsonObject o{{QStringLiteral("user_id"), userId}};
    if (!callCids.isEmpty())
        o.insert(QStringLiteral("call_cids"), QJsonArray::fromStringList(callCids));
    if (!role.isEmpty())
        o.insert(QStringLiteral("role"), role);
    if (writeValidity)
        o.insert(QStringLiteral("validity_in_seconds"), true);
    return o;
}

StreamClaims readClaims(const QJsonObject& payload, QList<Finding>& findings)
{
    StreamClaims c;
    const QJsonValue user = payload.value(QStringLiteral("user_id"));
    if (user.isString())
        c.userId = user.toString();
    else if (!user.isUndefined())
        addFinding(findings, Severity::Error, "user-id-type",
                   QT_TRANSLATE_NOOP("td::Finding", "user_id must be a string"));
    const QJsonValue cids = payload.value(QStringLiteral("call_cids"));
    if (cids.isArray()) {
        for (const QJsonValue& v : cids.toArray()) {
            if (!v.isString()) {
                addFinding(findings, Severity::Error, "call-cid-type",
                           QT_TRANSLATE_NOOP("td::Finding", "call_cids must list strings such as default:standup"));
                continue;
            }
            c.callCids << v.toString();
        }
    } else if (!cids.isUndefined()) {
        addFinding(findings, Severity::Error, "call-cids-type",
                   QT_TRANSLATE_NOOP("td::Finding", "call_cids must be a list such as [\"default:standup\"]"));
    }
    const QJsonValue role = payload.value(QStringLiteral("role"));
    if (role.isString())
        c.role = role.toString();
    else if (!role.isUndefined())
        addFinding(findings, Severity::Error, "role-type", QT_TRANSLATE_NOOP("td::Finding", "role must be a string"));
    c.writeValidity = payload.contains(QStringLiteral("validity_in_seconds"));
    return c;
}

Result<void> validateClaims(const StreamClaims& claims)
{
    if (claims.userId.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the user ID is missing (--user-id): Stream ties every token to a "
                                                   "user"));
    for (const QString& cid : claims.callCids) {
        if (!isCallCid(cid))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a call cid: write type:id, such as "
                                                       "default:standup"),
                        cid.left(100));
    }
    return {};
}

Result<StreamMinter> StreamMinter::create(QByteArrayView apiSecret)
{
    if (apiSecret.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the Stream API secret is missing (--api-secret or "
                                                   "STREAM_API_SECRET)"));
    auto signer = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, apiSecret);
    if (!signer)
        return std::unexpected(signer.error());
    return StreamMinter(std::move(*signer));
}

Result<MintedToken> StreamMinter::mint(const StreamClaims& claims, qint64 ttlSeconds, const Clock& clock) const
{
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    if (auto ok = validateClaims(claims); !ok)
        return std::unexpected(ok.error());
    const qint64 iat = clock.nowSeconds() - kIssuedAtBackdate;
    jwt::JwtBuilder builder;
    builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    OrderedJson& p = builder.payload();
    p.insert(QStringLiteral("user_id"), claims.userId);
    if (!claims.callCids.isEmpty())
        p.insert(QStringLiteral("call_cids"), OrderedJson::fromJsonValue(QJsonArray::fromStringList(claims.callCids)));
    if (!claims.role.isEmpty())
        p.insert(QStringLiteral("role"), claims.role);
    if (claims.writeValidity)
        p.insert(QStringLiteral("validity_in_seconds"), ttlSeconds);
    p.insert(QStringLiteral("iat"), iat);
    p.insert(QStringLiteral("exp"), iat + ttlSeconds);
    auto token = builder.sign(m_signer);
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{
        QStringLiteral("stream"), std::move(*token), builder.header(), std::move(p), iat + ttlSeconds, {}};
}

void lint(const jwt::DecodedJwt& t, QList<Finding>& out)
{
    if (t.algorithm != QStringLiteral("HS256"))
        addFinding(out, Severity::Error, "wrong-alg",
                   QT_TRANSLATE_NOOP("td::Finding", "Stream signs user tokens with HS256, this token uses \"%1\""),
                   t.algorithm);
    if (t.payload.value(QStringLiteral("user_id")).toString().isEmpty())
        addFinding(out, Severity::Error, "missing-user-id",
                   QT_TRANSLATE_NOOP("td::Finding", "no user_id: Stream ties a token to a user and refuses it"));
    if (!t.payload.contains(QStringLiteral("exp")))
        addFinding(out, Severity::Warning, "no-exp",
                   QT_TRANSLATE_NOOP("td::Finding", "no exp: the token never expires (a permanent user token); "
                                                    "anyone who copies it is that user until the secret changes"));
    if (t.payload.contains(QStringLiteral("role")) && !t.payload.contains(QStringLiteral("call_cids")))
        addFinding(out, Severity::Warning, "role-without-calls",
                   QT_TRANSLATE_NOOP("td::Finding", "role without call_cids: the SDK writes a role only in call "
                                                    "tokens (generateCallToken), for the calls they list"));
    for (const QJsonValue& v : t.payload.value(QStringLiteral("call_cids")).toArray()) {
        if (v.isString() && !isCallCid(v.toString()))
            addFinding(out, Severity::Error, "call-cid",
                       QT_TRANSLATE_NOOP("td::Finding", "\"%1\" in call_cids is not type:id: it matches no call"),
                       v.toString().left(100));
    }
}

QStringList explainPermissions(const StreamClaims& c)
{
    QStringList out;
    out << QStringLiteral("Connects to Stream as the user \"%1\".").arg(c.userId);
    if (c.callCids.isEmpty())
        out << QStringLiteral("Not limited to a call: joins any call the user's own role and the call's settings "
                              "allow.");
    else
        out << QStringLiteral("Limited to %1: other calls refuse it.").arg(c.callCids.join(QStringLiteral(", ")));
    if (c.role.isEmpty())
        out << QStringLiteral("Acts with the user's own role.");
    else if (c.callCids.isEmpty())
        out << QStringLiteral("Carries role \"%1\" without call_cids, which the SDK never writes: a token role "
                              "belongs to the calls it lists.")
                   .arg(c.role);
    else
        out << QStringLiteral("Acts as \"%1\" in those calls (the call role this token assigns).").arg(c.role);
    return out;
}

QString summary(const StreamClaims& c)
{
    QStringList parts;
    parts << (c.callCids.isEmpty() ? QStringLiteral("any call") : c.callCids.join(QLatin1Char('+')));
    if (!c.role.isEmpty())
        parts << QStringLiteral("role ") + c.role;
    return parts.join(QStringLiteral(", "));
}

} // namespace td::stream
