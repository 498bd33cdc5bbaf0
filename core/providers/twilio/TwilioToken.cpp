// SPDX-License-Identifier: MIT
#include "core/providers/twilio/TwilioToken.h"

#include <QRegularExpression>

namespace td::twilio {
namespace {

QString member(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

/** A grant object, or a finding when the member is there but is no object. */
QJsonObject grantObject(const QJsonObject& grants, const char* key, QList<Finding>& findings)
{
    const QJsonValue v = grants.value(QLatin1String(key));
    if (!v.isUndefined() && !v.isObject())
        addFinding(findings, Severity::Error, "grant-type",
                   QT_TRANSLATE_NOOP("td::Finding", "the \"%1\" grant must be an object"), QLatin1String(key));
    return v.toObject();
}

/** The grants the library writes, in its order, as one ordered object. */
OrderedJson orderedGrants(const TwilioGrants& g)
{
    OrderedJson o = OrderedJson::object();
    o.insert(QStringLiteral("identity"), g.identity);
    if (g.video) {
        OrderedJson video = OrderedJson::object();
        if (!g.room.isEmpty())
            video.insert(QStringLiteral("room"), g.room);
        o.insert(QStringLiteral("video"), std::move(video));
    }
    if (!g.chatServiceSid.isEmpty()) {
        OrderedJson chat = OrderedJson::object();
        chat.insert(QStringLiteral("service_sid"), g.chatServiceSid);
        o.insert(QStringLiteral("chat"), std::move(chat));
    }
    if (!g.syncServiceSid.isEmpty()) {
        OrderedJson sync = OrderedJson::object();
        sync.insert(QStringLiteral("service_sid"), g.syncServiceSid);
        o.insert(QStringLiteral("data_sync"), std::move(sync));
    }
    if (g.voiceIncoming || !g.voiceAppSid.isEmpty()) {
        OrderedJson voice = OrderedJson::object();
        if (g.voiceIncoming) {
            OrderedJson incoming = OrderedJson::object();
            incoming.insert(QStringLiteral("allow"), true);
            voice.insert(QStringLiteral("incoming"), std::move(incoming));
        }
        if (!g.voiceAppSid.isEmpty()) {
            OrderedJson outgoing = OrderedJson::object();
            outgoing.insert(QStringLiteral("application_sid"), g.voiceAppSid);
            voice.insert(QStringLiteral("outgoing"), std::move(outgoing));
        }
        o.insert(QStringLiteral("voice"), std::move(voice));
    }
    return o;
}

} // namespace

bool isSid(const QString& sid, QLatin1StringView prefix)
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    return sid.size() == 34 && sid.startsWith(prefix) && hex32.match(QStringView(sid).mid(2)).hasMatch();
}

QJsonObject TwilioGrants::toJson() const
{
    return orderedGrants(*this).toJsonValue().toObject();
}

TwilioGrants readGrants(const QJsonObject& grants, QList<Finding>& findings)
{
    TwilioGrants g;
    const QJsonValue identity = grants.value(QStringLiteral("identity"));
    if (identity.isString())
        g.identity = identity.toString();
    else if (!identity.isUndefined())
        addFinding(findings, Severity::Error, "identity-type",
                   QT_TRANSLATE_NOOP("td::Finding", "grants.identity must be a string"));
    g.video = grants.contains(QStringLiteral("video"));
    g.room = member(grantObject(grants, "video", findings), "room");
    g.chatServiceSid = member(grantObject(grants, "chat", findings), "service_sid");
    g.syncServiceSid = member(grantObject(grants, "data_sync", findings), "service_sid");
    const QJsonObject voice = grantObject(grants, "voice", findings);
    g.voiceIncoming = voice.value(QStringLiteral("incoming")).toObject().value(QStringLiteral("allow")).toBool();
    g.voiceAppSid = member(voice.value(QStringLiteral("outgoing")).toObject(), "application_sid");
    return g;
}

Result<void> validateGrants(const TwilioGrants& g)
{
    if (g.identity.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the identity is missing (--identity): Twilio refuses Video, "
                                                   "Chat and Voice tokens without one"));
    if (g.identity.size() > 256)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the identity is longer than Twilio's 256 characters"));
    if (g.room.size() > 128)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the room name is longer than Twilio's 128 characters"));
    const QPair<const QString*, const char*> sids[] = {
        {&g.chatServiceSid, "IS"}, {&g.syncServiceSid, "IS"}, {&g.voiceAppSid, "AP"}};
    for (const auto& [sid, prefix] : sids) {
        if (!sid->isEmpty() && !isSid(*sid, QLatin1StringView(prefix)))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a Twilio SID: %2 and 32 lowercase hex digits"),
                        sid->left(64), QLatin1String(prefix));
    }
    return {};
}

Result<TwilioMinter> TwilioMinter::create(const QString& accountSid, const QString& apiKeySid, QByteArrayView secret)
{
    if (accountSid.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the Twilio account SID is missing "
                                                                            "(--account-sid or TWILIO_ACCOUNT_SID)"));
    if (!isSid(accountSid, QLatin1StringView("AC")))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the account SID \"%1\" is not AC and 32 lowercase hex digits"),
                    accountSid.left(64));
    if (apiKeySid.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the Twilio API key SID is missing (--api-key or TWILIO_API_KEY)"));
    if (!isSid(apiKeySid, QLatin1StringView("SK")))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the API key \"%1\" is not SK and 32 lowercase hex digits (the "
                                                   "key's SID, not its secret)"),
                    apiKeySid.left(64));
    if (secret.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the Twilio API secret is missing "
                                                                            "(--api-secret or TWILIO_API_SECRET)"));
    auto signer = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, secret);
    if (!signer)
        return std::unexpected(signer.error());
    return TwilioMinter(accountSid, apiKeySid, std::move(*signer));
}

Result<MintedToken> TwilioMinter::mint(const TwilioGrants& grants, qint64 ttlSeconds, const Clock& clock) const
{
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    if (ttlSeconds > kMaxTtlSeconds)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the TTL is over Twilio's 24 hours: Twilio refuses the token"));
    if (auto ok = validateGrants(grants); !ok)
        return std::unexpected(ok.error());
    const qint64 iat = clock.nowSeconds();
    jwt::JwtBuilder builder;
    builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    builder.setHeader(QStringLiteral("cty"), QStringLiteral("twilio-fpa;v=1"));
    OrderedJson& p = builder.payload();
    p.insert(QStringLiteral("jti"), QString(m_apiKeySid + QLatin1Char('-') + QString::number(iat)));
    p.insert(QStringLiteral("grants"), orderedGrants(grants));
    p.insert(QStringLiteral("iat"), iat);
    p.insert(QStringLiteral("exp"), iat + ttlSeconds);
    p.insert(QStringLiteral("iss"), m_apiKeySid);
    p.insert(QStringLiteral("sub"), m_accountSid);
    auto token = builder.sign(m_signer);
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{
        QStringLiteral("twilio"), std::move(*token), builder.header(), std::move(p), iat + ttlSeconds, {}};
}

void lint(const jwt::DecodedJwt& t, QList<Finding>& out)
{
    if (!QStringList{QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512")}.contains(t.algorithm))
        addFinding(out, Severity::Error, "wrong-alg",
                   QT_TRANSLATE_NOOP("td::Finding", "Twilio accepts HS256, HS384 or HS512, this token uses \"%1\""),
                   t.algorithm);
    if (t.header.value(QStringLiteral("cty")).toString() != QStringLiteral("twilio-fpa;v=1"))
        addFinding(out, Severity::Error, "cty",
                   QT_TRANSLATE_NOOP("td::Finding", "the header's cty is not \"twilio-fpa;v=1\": Twilio does not "
                                                    "read it as an Access Token"));
    const QString iss = t.payload.value(QStringLiteral("iss")).toString();
    if (!isSid(iss, QLatin1StringView("SK")))
        addFinding(out, Severity::Error, "iss-shape",
                   QT_TRANSLATE_NOOP("td::Finding", "iss \"%1\" is not an API key SID (SK and 32 hex digits)"),
                   iss.left(64));
    const QString sub = t.payload.value(QStringLiteral("sub")).toString();
    if (!isSid(sub, QLatin1StringView("AC")))
        addFinding(out, Severity::Error, "sub-shape",
                   QT_TRANSLATE_NOOP("td::Finding", "sub \"%1\" is not an account SID (AC and 32 hex digits)"),
                   sub.left(64));
    const QJsonObject grants = t.payload.value(QStringLiteral("grants")).toObject();
    if (grants.value(QStringLiteral("identity")).toString().isEmpty())
        addFinding(out, Severity::Error, "missing-identity",
                   QT_TRANSLATE_NOOP("td::Finding", "no grants.identity: Twilio Video, Chat and Voice refuse the "
                                                    "token"));
    if (!t.payload.contains(QStringLiteral("exp"))) {
        addFinding(out, Severity::Error, "no-exp",
                   QT_TRANSLATE_NOOP("td::Finding", "no exp: Twilio refuses Access Tokens without an expiry"));
    } else {
        const qint64 exp = t.payload.value(QStringLiteral("exp")).toInteger();
        const qint64 from = t.payload.contains(QStringLiteral("nbf"))
                                ? t.payload.value(QStringLiteral("nbf")).toInteger()
                                : t.payload.value(QStringLiteral("iat")).toInteger();
        if (from > 0 && exp - from > kMaxTtlSeconds)
            addFinding(out, Severity::Error, "ttl-over-day",
                       QT_TRANSLATE_NOOP("td::Finding", "lives %1 s: over Twilio's 24-hour maximum, so Twilio refuses "
                                                        "it"),
                       QString::number(exp - from));
    }
    QList<Finding> ignored;
    if (auto ok = validateGrants(readGrants(grants, ignored)); !ok && ok.error().code != ErrorCode::MissingValue)
        addFinding(out, Severity::Error, "grant-value", ok.error());
}

QStringList explainPermissions(const TwilioGrants& g)
{
    QStringList out;
    out << QStringLiteral("Connects to Twilio as \"%1\".").arg(g.identity);
    if (g.video)
        out << (g.room.isEmpty()
                    ? QStringLiteral("Video: joins any room of the account (no room in the grant), and may create one "
                                     "when the account allows client-side room creation.")
                    : QStringLiteral("Video: joins the room \"%1\" only.").arg(g.room));
    else
        out << QStringLiteral("No Video grant: Twilio Video refuses it.");
    if (!g.chatServiceSid.isEmpty())
        out << QStringLiteral("Conversations/Chat: uses the service %1.").arg(g.chatServiceSid);
    if (!g.syncServiceSid.isEmpty())
        out << QStringLiteral("Sync: uses the service %1.").arg(g.syncServiceSid);
    if (g.voiceIncoming)
        out << QStringLiteral("Voice: receives incoming calls to this identity.");
    if (!g.voiceAppSid.isEmpty())
        out << QStringLiteral("Voice: places outgoing calls through the TwiML app %1.").arg(g.voiceAppSid);
    return out;
}

QString summary(const TwilioGrants& g)
{
    QStringList parts;
    if (g.video)
        parts << (g.room.isEmpty() ? QStringLiteral("video any room") : QStringLiteral("video ") + g.room);
    if (!g.chatServiceSid.isEmpty())
        parts << QStringLiteral("chat");
    if (!g.syncServiceSid.isEmpty())
        parts << QStringLiteral("sync");
    if (g.voiceIncoming || !g.voiceAppSid.isEmpty())
        parts << QStringLiteral("voice");
    return parts.join(QStringLiteral(", "));
}

} // namespace td::twilio
