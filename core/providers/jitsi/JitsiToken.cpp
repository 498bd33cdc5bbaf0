// SPDX-License-Identifier: MIT
#include "core/providers/jitsi/JitsiToken.h"
#include "core/json/JsonNumber.h"
#include "core/providers/jitsi/JitsiRoom.h"

#include <QRegularExpression>

namespace td::jitsi {
namespace {

Result<void> validateClaims(const JitsiClaims& c)
{
    if (c.room.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "a room is required (--room NAME, or --room '*' for any room): Prosody refuses "
                                      "tokens without one"));
    if (!c.user.affiliation.isEmpty() && !QStringList{QStringLiteral("owner"), QStringLiteral("member"),
                                                      QStringLiteral("moderator"), QStringLiteral("teacher")}
                                              .contains(c.user.affiliation))
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error", "affiliation must be owner, member, moderator or teacher, not \"%1\""),
            c.user.affiliation);
    const QStringList known = knownFeatures();
    for (const auto& f : c.features) {
        if (!known.contains(f.first))
            return fail(ErrorCode::UnknownField, QT_TRANSLATE_NOOP("td::Error", "unknown feature \"%1\""), f.first);
    }
    return {};
}

void addTimes(OrderedJson& p, const Clock& clock, qint64 ttl, qint64 skew)
{
    const qint64 now = clock.nowSeconds();
    p.insert(QStringLiteral("exp"), now + ttl);
    p.insert(QStringLiteral("nbf"), now - skew);
}

/** The room claim to write, with a note when it differs from what was typed. */
Result<QString> roomClaim(const JitsiClaims& c, QList<Finding>& notes)
{
    auto claim = roomClaimFor(c.room, c.roomRegex, c.roomRaw);
    if (!claim)
        return std::unexpected(claim.error());
    if (claim->changed)
        notes.append(roomRewrittenFinding(c.room, claim->written));
    for (const Finding& f : roomClaimFindings(claim->written, c.roomRegex, std::nullopt)) {
        if (f.severity != Severity::Warning)
            notes.append(f);
    }
    return claim->written;
}

qint64 expOf(const OrderedJson& payload)
{
    return json::claimSeconds(payload.find(QStringLiteral("exp"))->toJsonValue());
}

} // namespace

static OrderedJson userJson(const JitsiUser& u, bool selfHosted)
{
    OrderedJson o = OrderedJson::object();
    if (!u.id.isEmpty())
        o.insert(QStringLiteral("id"), u.id);
    if (!u.name.isEmpty())
        o.insert(QStringLiteral("name"), u.name);
    if (!u.email.isEmpty())
        o.insert(QStringLiteral("email"), u.email);
    if (!u.avatar.isEmpty())
        o.insert(QStringLiteral("avatar"), u.avatar);
    if (selfHosted && !u.affiliation.isEmpty())
        o.insert(QStringLiteral("affiliation"), u.affiliation);
    // JaaS samples always state moderator; self-hosted only when asked.
    if (u.moderator || !selfHosted)
        o.insert(QStringLiteral("moderator"),
                 u.moderator.value_or(false) ? QStringLiteral("true") : QStringLiteral("false"));
    if (u.hiddenFromRecorder)
        o.insert(QStringLiteral("hidden-from-recorder"), *u.hiddenFromRecorder);
    return o;
}

OrderedJson contextJson(const JitsiClaims& c, bool selfHosted)
{
    OrderedJson ctx = OrderedJson::object();
    ctx.insert(QStringLiteral("user"), userJson(c.user, selfHosted));
    // The Meet client reports a JaaS token without context.features, so JaaS always carries the object.
    if (!selfHosted || !c.features.isEmpty()) {
        OrderedJson features = OrderedJson::object();
        for (const auto& [name, on] : c.features)
            features.insert(name, on ? QStringLiteral("true") : QStringLiteral("false"));
        ctx.insert(QStringLiteral("features"), std::move(features));
    }
    if (c.roomRegex) {
        OrderedJson room = OrderedJson::object();
        room.insert(QStringLiteral("regex"), true);
        ctx.insert(QStringLiteral("room"), std::move(room));
    }
    if (selfHosted && !c.group.isEmpty())
        ctx.insert(QStringLiteral("group"), c.group);
    return ctx;
}

const QStringList& jaasFeatures()
{
    static const QStringList list = {
        QStringLiteral("livestreaming"),    QStringLiteral("recording"),         QStringLiteral("transcription"),
        QStringLiteral("sip-inbound-call"), QStringLiteral("sip-outbound-call"), QStringLiteral("inbound-call"),
        QStringLiteral("outbound-call"),    QStringLiteral("file-upload"),       QStringLiteral("list-visitors"),
        QStringLiteral("send-groupchat"),   QStringLiteral("create-polls")};
    return list;
}

const QStringList& meetFeatures()
{
    static const QStringList list = {QStringLiteral("branding"),
                                     QStringLiteral("calendar"),
                                     QStringLiteral("create-polls"),
                                     QStringLiteral("flip"),
                                     QStringLiteral("inbound-call"),
                                     QStringLiteral("livestreaming"),
                                     QStringLiteral("lobby"),
                                     QStringLiteral("moderation"),
                                     QStringLiteral("outbound-call"),
                                     QStringLiteral("recording"),
                                     QStringLiteral("room"),
                                     QStringLiteral("screen-sharing"),
                                     QStringLiteral("send-groupchat"),
                                     QStringLiteral("sip-inbound-call"),
                                     QStringLiteral("sip-outbound-call"),
                                     QStringLiteral("transcription")};
    return list;
}

QStringList knownFeatures()
{
    QStringList all = jaasFeatures();
    for (const QString& f : meetFeatures()) {
        if (!all.contains(f))
            all << f;
    }
    return all;
}

Result<QPair<QString, bool>> parseFeature(const QString& text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const QString name = (eq < 0 ? text : text.left(eq)).trimmed();
    const QString value = eq < 0 ? QStringLiteral("true") : text.mid(eq + 1).trimmed().toLower();
    if (value != QStringLiteral("true") && value != QStringLiteral("false"))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "feature \"%1\": value must be true or false, not \"%2\""), name,
                    value);
    const QStringList known = knownFeatures();
    if (!known.contains(name)) {
        const QString hint = closestMatch(name, known);
        return fail(ErrorCode::UnknownField,
                    QT_TRANSLATE_NOOP("td::Error", "unknown feature \"%1\"%2; known features: %3"), name,
                    hint.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(hint),
                    known.join(QStringLiteral(", ")));
    }
    return QPair<QString, bool>(name, value == QStringLiteral("true"));
}

Result<void> validateJaasAppId(const QString& appId)
{
    static const QRegularExpression re(QStringLiteral("^vpaas-magic-cookie-[0-9a-f]{32}$"));
    if (!re.match(appId).hasMatch())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the JaaS AppID must look like vpaas-magic-cookie-<32 hex digits> (JaaS console, "
                                      "API keys page)"));
    return {};
}

Result<MintedToken> mintJaas(const JaasRequest& r, const Clock& clock)
{
    if (auto ok = validateJaasAppId(r.appId); !ok)
        return std::unexpected(ok.error());
    if (r.keyId.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the JaaS key id is missing (--key-id AppID/kid)"));
    QString kid = r.keyId;
    if (!kid.contains(QLatin1Char('/')))
        kid = r.appId + QLatin1Char('/') + kid;
    else if (kid.section(QLatin1Char('/'), 0, 0) != r.appId)
        return fail(ErrorCode::ClaimMismatch,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the key id \"%1\" belongs to another AppID: its part before '/' must equal the "
                                      "AppID (8x8 reports kidMismatch)"),
                    kid);
    if (r.privateKey.isNull())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "a JaaS token needs the tenant's RSA private key"));
    if (auto ok = validateClaims(r.claims); !ok)
        return std::unexpected(ok.error());
    if (r.ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    QList<Finding> notes;
    auto room = roomClaim(r.claims, notes);
    if (!room)
        return std::unexpected(room.error());

    jwt::JwtBuilder b;
    b.setHeader(QStringLiteral("kid"), kid);
    b.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    OrderedJson& p = b.payload();
    p.insert(QStringLiteral("aud"), QStringLiteral("jitsi"));
    p.insert(QStringLiteral("iss"), QStringLiteral("chat"));
    p.insert(QStringLiteral("sub"), r.appId);
    p.insert(QStringLiteral("room"), *room);
    addTimes(p, clock, r.ttlSeconds, r.notBeforeSkew);
    p.insert(QStringLiteral("context"), contextJson(r.claims, false));
    auto token = b.sign(jwt::JwtSigner::rsa(r.privateKey));
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{QStringLiteral("jaas"), std::move(*token), b.header(), p, expOf(p), std::move(notes)};
}

Result<MintedToken> mintSelfHosted(const SelfHostedRequest& r, const Clock& clock)
{
    if (r.appId.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the Jitsi app_id is missing (--app-id or JITSI_APP_ID)"));
    if (auto ok = validateClaims(r.claims); !ok)
        return std::unexpected(ok.error());
    if (r.ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    if (r.audience.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the audience must not be empty: Prosody requires aud"));
    QList<Finding> notes;
    auto room = roomClaim(r.claims, notes);
    if (!room)
        return std::unexpected(room.error());

    jwt::JwtBuilder b;
    b.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    std::optional<jwt::JwtSigner> signer;
    if (!r.appSecret.isEmpty()) {
        auto s = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, r.appSecret);
        if (!s)
            return std::unexpected(s.error());
        signer = std::move(*s);
    } else if (!r.privateKey.isNull()) {
        if (r.keyId.isEmpty())
            return fail(
                ErrorCode::MissingValue,
                QT_TRANSLATE_NOOP("td::Error",
                                  "RS256 (ASAP) needs a key id (--key-id): Prosody fetches the public key by it"));
        b.setHeader(QStringLiteral("kid"), r.keyId);
        signer = jwt::JwtSigner::rsa(r.privateKey);
    } else {
        return fail(
            ErrorCode::MissingValue,
            QT_TRANSLATE_NOOP("td::Error",
                              "give the app secret (--app-secret / JITSI_APP_SECRET) or a private key and key id"));
    }
    OrderedJson& p = b.payload();
    p.insert(QStringLiteral("aud"), r.audience);
    p.insert(QStringLiteral("iss"), r.appId);
    p.insert(QStringLiteral("sub"), r.subject.isEmpty() ? QStringLiteral("*") : r.subject);
    p.insert(QStringLiteral("room"), *room);
    addTimes(p, clock, r.ttlSeconds, r.notBeforeSkew);
    p.insert(QStringLiteral("context"), contextJson(r.claims, true));
    auto token = b.sign(*signer);
    if (!token)
        return std::unexpected(token.error());
    return MintedToken{QStringLiteral("jitsi"), std::move(*token), b.header(), p, expOf(p), std::move(notes)};
}

Result<JitsiClaims> claimsFromPayload(const QJsonObject& payload)
{
    JitsiClaims c;
    c.room = payload.value(QStringLiteral("room")).toString();
    const QJsonObject ctx = payload.value(QStringLiteral("context")).toObject();
    const QJsonObject user = ctx.value(QStringLiteral("user")).toObject();
    c.user.id = user.value(QStringLiteral("id")).toString();
    c.user.name = user.value(QStringLiteral("name")).toString();
    c.user.email = user.value(QStringLiteral("email")).toString();
    c.user.avatar = user.value(QStringLiteral("avatar")).toString();
    c.user.affiliation = user.value(QStringLiteral("affiliation")).toString();
    // Prosody and 8x8 accept booleans and the strings "true"/"false" alike.
    const auto flag = [](const QJsonValue& v) -> Result<std::optional<bool>> {
        if (v.isUndefined() || v.isNull())
            return std::optional<bool>();
        if (v.isBool())
            return std::optional<bool>(v.toBool());
        if (v.toString() == QStringLiteral("true") || v.toString() == QStringLiteral("false"))
            return std::optional<bool>(v.toString() == QStringLiteral("true"));
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "must be true or false"));
    };
    auto moderator = flag(user.value(QStringLiteral("moderator")));
    if (!moderator)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "context.user.moderator must be true or false"));
    c.user.moderator = *moderator;
    auto hidden = flag(user.value(QStringLiteral("hidden-from-recorder")));
    if (!hidden)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "context.user.hidden-from-recorder must be true or false"));
    c.user.hiddenFromRecorder = *hidden;
    const QJsonObject features = ctx.value(QStringLiteral("features")).toObject();
    for (auto it = features.begin(); it != features.end(); ++it) {
        auto on = flag(it.value());
        if (!on || !*on)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "context.features.%1 must be true or false"), it.key());
        c.features.append({it.key(), **on});
    }
    c.roomRegex = ctx.value(QStringLiteral("room")).toObject().value(QStringLiteral("regex")).toBool();
    c.group = ctx.value(QStringLiteral("group")).toString();
    return c;
}

} // namespace td::jitsi
