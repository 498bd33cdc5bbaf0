// SPDX-License-Identifier: MIT
#include "core/mint/MintPlan.h"

#include "core/mint/PlanMinter.h"
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/livekit/LiveKitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonArray>
#include <algorithm>
#include <QUrl>
#include <QUrlQuery>

namespace td::mint {
namespace {

QString encoded(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

bool concreteRoom(const MintPlan& plan, const QString& room)
{
    if (room.isEmpty() || room == QStringLiteral("*"))
        return false;
    const QJsonObject ctx = plan.claims.value(QStringLiteral("context")).toObject();
    return !ctx.value(QStringLiteral("room")).toObject().value(QStringLiteral("regex")).toBool();
}

/**
 * What the profile knows and a bare token does not: whether Prosody verifies domains (a room pattern needs it) and
 * where the deployment is (what sub must be). Replaces the inspector's "needs domain verification" guess.
 */
QList<Finding> jitsiDeploymentFindings(const QJsonObject& payload, const credentials::Profile& profile,
                                       QList<Finding>& inspected)
{
    QList<Finding> out;
    const bool pattern = payload.value(QStringLiteral("context"))
                             .toObject()
                             .value(QStringLiteral("room"))
                             .toObject()
                             .value(QStringLiteral("regex"))
                             .toBool();
    const QString room = payload.value(QStringLiteral("room")).toString();
    if (pattern) {
        inspected.removeIf(
            [](const Finding& f) { return f.code == QStringLiteral("room-pattern-needs-domain-verification"); });
        for (const Finding& f : jitsi::roomClaimFindings(room, true, profile.domainVerification)) {
            if (f.code.contains(QStringLiteral("domain-verification")))
                out.append(f);
        }
    }
    if (!profile.serverUrl.trimmed().isEmpty()) {
        if (auto d = jitsi::deploymentFromUrl(profile.serverUrl, profile.domainVerification))
            out.append(jitsi::subjectFindings(payload.value(QStringLiteral("sub")).toString(), *d));
    }
    return out;
}

} // namespace

QJsonObject MintPlan::toJson() const
{
    QJsonObject o{
        {QStringLiteral("provider"), providerName(provider)},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("ttl"), ttlSeconds},
        {QStringLiteral("nbfSkew"), notBeforeSkew},
        {QStringLiteral("claims"), claims},
    };
    if (roomRaw)
        o.insert(QStringLiteral("roomRaw"), true);
    return o;
}

Result<MintPlan> MintPlan::fromJson(const QJsonObject& json)
{
    MintPlan plan;
    const auto provider = parseProvider(json.value(QStringLiteral("provider")).toString());
    if (!provider)
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "a mint plan needs provider livekit, zego, jaas or jitsi"));
    plan.provider = *provider;
    plan.profile = json.value(QStringLiteral("profile")).toString();
    plan.ttlSeconds = json.value(QStringLiteral("ttl")).toInteger();
    plan.notBeforeSkew = json.value(QStringLiteral("nbfSkew")).toInteger(10);
    plan.roomRaw = json.value(QStringLiteral("roomRaw")).toBool();
    plan.claims = json.value(QStringLiteral("claims")).toObject();
    return plan;
}

Result<MintedToken> mint(const MintPlan& plan, const credentials::Profile& profile,
                         const QHash<QString, QByteArray>& secrets, const Clock& clock)
{
    if (plan.provider != profile.provider)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is for %2, not %3"),
                    profile.name, providerName(profile.provider), providerName(plan.provider));
    auto minter = PlanMinter::create(profile, secrets);
    if (!minter)
        return std::unexpected(minter.error());
    return minter->mint(plan, clock);
}

Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                            const QHash<QString, QByteArray>& secrets)
{
    VerifyCredentials c;
    c.provider = profile.provider;
    switch (profile.provider) {
    case Provider::LiveKit:
        c.apiKey = profile.apiKey;
        c.secret = secrets.value(QStringLiteral("apiSecret"));
        break;
    case Provider::Zego: {
        c.secret = secrets.value(QStringLiteral("serverSecret"));
        auto appId = zegoAppId(profile.appId);
        if (!appId)
            return std::unexpected(appId.error());
        c.zegoAppId = *appId;
        break;
    }
    case Provider::Jitsi:
        c.issuer = profile.appId;
        c.audience = profile.audience.isEmpty() ? QStringLiteral("jitsi") : profile.audience;
        c.secret = secrets.value(QStringLiteral("appSecret"));
        if (!c.secret.isEmpty())
            break;
        [[fallthrough]];
    case Provider::Jaas: {
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        c.publicKey = key->publicKey();
        break;
    }
    case Provider::Unknown: break;
    }
    return c;
}

Result<MintOutcome> mintAndInspect(const MintPlan& plan, const credentials::Profile& profile,
                                   const QHash<QString, QByteArray>& secrets, const Clock& clock)
{
    auto minted = mint(plan, profile, secrets, clock);
    if (!minted)
        return std::unexpected(minted.error());
    auto credentials = verifyCredentials(profile, secrets);
    if (!credentials)
        return std::unexpected(credentials.error());
    auto inspection = TokenInspector(clock).inspect(minted->token, *credentials);
    if (!inspection)
        return std::unexpected(inspection.error());
    MintOutcome out{*minted, *inspection, joinLink(plan, profile, minted->token)};
    QList<Finding> extra;
    for (const Finding& note : minted->notes) {
        const bool known = std::any_of(out.inspection.findings.cbegin(), out.inspection.findings.cend(),
                                       [&](const Finding& f) { return f.code == note.code; });
        if (!known)
            extra.append(note);
    }
    if (plan.provider == Provider::Jitsi)
        extra.append(
            jitsiDeploymentFindings(minted->claims.toJsonValue().toObject(), profile, out.inspection.findings));
    out.inspection.findings = extra + out.inspection.findings;
    return out;
}

QString liveKitJoinLink(const credentials::Profile& profile, const QString& room, const QByteArray& token)
{
    if (profile.serverUrl.isEmpty() || room.isEmpty())
        return {};
    // LiveKit Meet's "custom" page connects to any server with a URL and a token.
    return QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=%1&token=%2")
        .arg(encoded(profile.serverUrl), QString::fromLatin1(token));
}

namespace {

QString jitsiRoomSegment(const MintPlan& plan)
{
    const QString room = roomOf(plan);
    if (!concreteRoom(plan, room))
        return {};
    if (plan.roomRaw)
        return encoded(room); // the exact text asked for; only a deployment that joins it so can use the link
    auto claim = jitsi::backendSafeRoomName(room);
    return claim ? jitsi::joinLinkSegment(*claim) : QString();
}

} // namespace

QString joinLink(const MintPlan& plan, const credentials::Profile& profile, const QByteArray& token)
{
    const QString jwt = QString::fromLatin1(token);
    switch (plan.provider) {
    case Provider::LiveKit: return liveKitJoinLink(profile, roomOf(plan), token);
    case Provider::Jaas: {
        const QString segment = jitsiRoomSegment(plan);
        if (segment.isEmpty())
            return {};
        return QStringLiteral("https://8x8.vc/%1/%2?jwt=%3").arg(profile.appId, segment, jwt);
    }
    case Provider::Jitsi: {
        const QString segment = jitsiRoomSegment(plan);
        if (segment.isEmpty())
            return {};
        QString base = profile.serverUrl.trimmed();
        if (base.isEmpty() && profile.subject != QStringLiteral("*"))
            base = profile.subject;
        if (base.isEmpty())
            return {};
        auto deployment = jitsi::deploymentFromUrl(base, profile.domainVerification);
        if (!deployment)
            return {};
        const QUrl url = QUrl::fromUserInput(base);
        const QString authority =
            deployment->host + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString());
        const QString tenant =
            deployment->tenant.isEmpty() ? QString() : jitsi::joinLinkSegment(deployment->tenant) + QLatin1Char('/');
        return QStringLiteral("https://%1/%2%3?jwt=%4").arg(authority, tenant, segment, jwt);
    }
    case Provider::Zego:
    case Provider::Unknown: break;
    }
    return {};
}

qint64 defaultTtlSeconds(Provider provider)
{
    switch (provider) {
    case Provider::LiveKit: return livekit::kDefaultTtlSeconds;
    case Provider::Zego: return zego::kDefaultEffectiveSeconds;
    case Provider::Jaas:
    case Provider::Jitsi: return jitsi::kDefaultTtlSeconds;
    case Provider::Unknown: break;
    }
    return 3600;
}

QString identityOf(const MintPlan& plan)
{
    switch (plan.provider) {
    case Provider::LiveKit: return plan.claims.value(QStringLiteral("sub")).toString();
    case Provider::Zego: return plan.claims.value(QStringLiteral("user_id")).toString();
    case Provider::Jaas:
    case Provider::Jitsi: {
        const QJsonObject user =
            plan.claims.value(QStringLiteral("context")).toObject().value(QStringLiteral("user")).toObject();
        const QString id = user.value(QStringLiteral("id")).toString();
        return id.isEmpty() ? user.value(QStringLiteral("name")).toString() : id;
    }
    case Provider::Unknown: break;
    }
    return {};
}

QString roomOf(const MintPlan& plan)
{
    switch (plan.provider) {
    case Provider::LiveKit:
        return plan.claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString();
    case Provider::Zego: {
        QString kitRoom =
            plan.claims.value(QStringLiteral("kit")).toObject().value(QStringLiteral("room_id")).toString();
        if (!kitRoom.isEmpty())
            return kitRoom;
        auto privilege = zego::RoomPrivilege::fromPayload(plan.claims.value(QStringLiteral("payload")).toString());
        return privilege ? privilege->roomId : QString();
    }
    case Provider::Jaas:
    case Provider::Jitsi: return plan.claims.value(QStringLiteral("room")).toString();
    case Provider::Unknown: break;
    }
    return {};
}

QString grantsSummary(const livekit::LiveKitClaims& claims)
{
    QStringList parts;
    if (claims.video) {
        const livekit::VideoGrant& v = *claims.video;
        if (v.roomJoin)
            parts << QStringLiteral("join");
        if (v.roomAdmin)
            parts << QStringLiteral("admin");
        if (v.roomJoin) {
            if (!v.effectiveCanPublish())
                parts << QStringLiteral("no publish");
            else if (!v.canPublishSources.isEmpty())
                parts << QStringLiteral("publish ") + v.canPublishSources.join(QLatin1Char('+'));
            else
                parts << QStringLiteral("publish");
            parts << (v.effectiveCanSubscribe() ? QStringLiteral("subscribe") : QStringLiteral("no subscribe"));
            if (!v.effectiveCanPublishData())
                parts << QStringLiteral("no data");
        }
        for (const auto& [on, word] : {std::pair{v.roomCreate, "create"},
                                       {v.roomList, "list"},
                                       {v.roomRecord, "record"},
                                       {v.ingressAdmin, "ingress admin"},
                                       {v.hidden, "hidden"},
                                       {v.recorder, "recorder"},
                                       {v.agent, "agent"}}) {
            if (on)
                parts << QString::fromLatin1(word);
        }
    }
    if (claims.sip)
        parts << QStringLiteral("sip");
    if (claims.agent)
        parts << QStringLiteral("agent admin");
    return parts.join(QStringLiteral(", "));
}

QString grantsSummary(const MintPlan& plan)
{
    QStringList parts;
    switch (plan.provider) {
    case Provider::LiveKit: {
        QList<Finding> ignored;
        return grantsSummary(livekit::readClaims(plan.claims, ignored));
    }
    case Provider::Zego: {
        const QString payload = plan.claims.value(QStringLiteral("payload")).toString();
        auto privilege = zego::RoomPrivilege::fromPayload(payload);
        if (payload.isEmpty()) {
            parts << QStringLiteral("basic token");
        } else if (privilege) {
            parts << (privilege->allowLogin ? QStringLiteral("login") : QStringLiteral("no login"));
            parts << (privilege->allowPublish ? QStringLiteral("publish") : QStringLiteral("no publish"));
            if (privilege->streamIds)
                parts << QStringLiteral("streams ") + privilege->streamIds->join(QLatin1Char('+'));
        } else {
            parts << QStringLiteral("custom payload");
        }
        if (plan.claims.contains(QStringLiteral("kit")))
            parts << QStringLiteral("kit token");
        break;
    }
    case Provider::Jaas:
    case Provider::Jitsi: {
        auto claims = jitsi::claimsFromPayload(plan.claims);
        if (!claims)
            break;
        parts << (claims->user.moderator.value_or(false) ? QStringLiteral("moderator") : QStringLiteral("participant"));
        QStringList on;
        QStringList off;
        for (const auto& [feature, enabled] : claims->features)
            (enabled ? on : off) << feature;
        if (!on.isEmpty())
            parts << on.join(QLatin1Char('+'));
        if (!off.isEmpty())
            parts << QStringLiteral("not ") + off.join(QLatin1Char('+'));
        break;
    }
    case Provider::Unknown: break;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace td::mint
