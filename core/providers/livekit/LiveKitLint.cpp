// SPDX-License-Identifier: MIT
// Reading LiveKit claims back from a payload, with findings that say what a LiveKit server would do with them.
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonArray>

namespace td::livekit {
namespace {

QString stringClaim(const QJsonObject& o, const QString& key, QList<Finding>& findings)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        addFinding(findings, Severity::Error, "wrong-claim-type",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "\"%1\" must be a string; LiveKit's strict JSON decoding rejects the token"),
                   key);
        return {};
    }
    return v.toString();
}

std::optional<bool> boolMember(const QJsonObject& o, const QString& grant, const QString& key, QList<Finding>& findings)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        addFinding(findings, Severity::Error, "wrong-grant-type",
                   QT_TRANSLATE_NOOP("td::Finding", "%1.%2 must be true or false; LiveKit rejects the whole token"),
                   grant, key);
        return std::nullopt;
    }
    return v.toBool();
}

void checkUnknownKeys(const QJsonObject& o, const QString& grant, const QStringList& known, QList<Finding>& findings)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        const QString hint = closestMatch(it.key(), known);
        addFinding(findings, Severity::Warning, "unknown-grant-key",
                   QT_TRANSLATE_NOOP("td::Finding", "\"%1\" is not a key of the %2 grant; LiveKit ignores it%3"),
                   it.key(), grant, hint.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(hint));
    }
}

void readVideo(const QJsonObject& video, LiveKitClaims& claims, QList<Finding>& findings)
{
    // Read field by field so that one bad member is reported without hiding the others.
    VideoGrant grant;
    for (auto it = video.begin(); it != video.end(); ++it) {
        QJsonObject single;
        single.insert(it.key(), it.value());
        if (auto ok = grant.merge(single); !ok) {
            if (ok.error().code == ErrorCode::UnknownField) {
                addFinding(findings, Severity::Warning, "unknown-grant-key", ok.error());
            } else if (it.key() == QStringLiteral("canPublishSources") && it.value().isArray()) {
                addFinding(findings, Severity::Warning, "unknown-publish-source",
                           ok.error().message +
                               QStringLiteral("; LiveKit maps it to \"unknown\", so it allows nothing"));
            } else {
                addFinding(findings, Severity::Error, "wrong-grant-type", ok.error().in(QStringLiteral("video: ")));
            }
        }
    }
    if (grant.roomJoin && grant.room.isEmpty())
        addFinding(findings, Severity::Info, "join-without-room",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "the token joins any room (roomJoin without video.room): the room comes from the "
                                     "client's connect request"));
    if (grant.roomAdmin && grant.room.isEmpty())
        addFinding(findings, Severity::Warning, "admin-without-room",
                   QT_TRANSLATE_NOOP(
                       "td::Finding",
                       "roomAdmin without video.room: admin APIs compare the target room with video.room, so this "
                       "grant administers nothing"));
    if (!grant.canPublishSources.isEmpty() && !grant.effectiveCanPublish())
        addFinding(findings, Severity::Info, "sources-without-publish",
                   QT_TRANSLATE_NOOP("td::Finding", "canPublishSources has no effect while canPublish is false"));
    claims.video = grant;
}

/**
 * The object as Go's encoding/json reads it into LiveKit's structs: a key that differs from a known one only in
 * case ("VIDEO", "RoomAdmin") lands on that member. Such keys are folded onto their member, each with an error
 * finding; where both spellings are present, a true wins (the server takes whichever came last in the text, which
 * a parsed object no longer tells, so the explanation assumes the larger grant).
 */
QJsonObject foldCaseVariants(const QJsonObject& in, const QStringList& known, const QString& where,
                             QList<Finding>& findings)
{
    QJsonObject out;
    QList<QPair<QString, QString>> variants; // (spelled, known)
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (known.contains(it.key())) {
            out.insert(it.key(), it.value());
            continue;
        }
        QString match;
        for (const QString& k : known) {
            if (k.compare(it.key(), Qt::CaseInsensitive) == 0)
                match = k;
        }
        if (match.isEmpty())
            out.insert(it.key(), it.value());
        else
            variants.append({it.key(), match});
    }
    for (const auto& [spelled, name] : variants) {
        const QJsonValue value = in.value(spelled);
        addFinding(findings, Severity::Error, "case-variant-claim",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "%1\"%2\" differs from \"%3\" only in case: LiveKit's JSON decoding "
                                     "matches names case-insensitively, so the server honours it as %3"),
                   where, spelled, name);
        const QJsonValue current = out.value(name);
        if (current.isBool() && value.isBool())
            out.insert(name, current.toBool() || value.toBool());
        else if (current.isObject() && value.isObject()) {
            QJsonObject merged = current.toObject();
            const QJsonObject extra = value.toObject();
            for (auto e = extra.begin(); e != extra.end(); ++e) {
                if (merged.value(e.key()).isBool() && e.value().isBool())
                    merged.insert(e.key(), merged.value(e.key()).toBool() || e.value().toBool());
                else
                    merged.insert(e.key(), e.value());
            }
            out.insert(name, merged);
        } else {
            out.insert(name, value);
        }
    }
    return out;
}

} // namespace

LiveKitClaims readClaims(const QJsonObject& rawPayload, QList<Finding>& findings)
{
    QJsonObject payload = foldCaseVariants(rawPayload, reservedClaimNames(), QString(), findings);
    if (payload.value(QStringLiteral("video")).isObject())
        payload.insert(QStringLiteral("video"),
                       foldCaseVariants(payload.value(QStringLiteral("video")).toObject(), videoFieldNames(),
                                        QStringLiteral("video."), findings));
    LiveKitClaims claims;
    claims.identity = stringClaim(payload, QStringLiteral("sub"), findings);
    if (claims.identity.isEmpty())
        claims.identity = stringClaim(payload, QStringLiteral("jti"), findings);
    claims.name = stringClaim(payload, QStringLiteral("name"), findings);
    claims.metadata = stringClaim(payload, QStringLiteral("metadata"), findings);
    claims.kind = stringClaim(payload, QStringLiteral("kind"), findings);
    if (const QJsonValue details = payload.value(QStringLiteral("kindDetails")); details.isArray()) {
        for (const QJsonValue& d : details.toArray()) {
            if (d.isString())
                claims.kindDetails.append(d.toString());
            else
                addFinding(findings, Severity::Error, "wrong-claim-type",
                           QT_TRANSLATE_NOOP("td::Finding",
                                             "kindDetails must be a list of strings; LiveKit refuses the token"));
        }
    } else if (!details.isUndefined()) {
        addFinding(
            findings, Severity::Error, "wrong-claim-type",
            QT_TRANSLATE_NOOP("td::Finding", "kindDetails must be a list of strings; LiveKit refuses the token"));
    }
    claims.roomPreset = stringClaim(payload, QStringLiteral("roomPreset"), findings);
    claims.sha256 = stringClaim(payload, QStringLiteral("sha256"), findings);
    if (!claims.kind.isEmpty() && !participantKinds().contains(claims.kind))
        addFinding(
            findings, Severity::Warning, "unknown-kind",
            QT_TRANSLATE_NOOP("td::Finding", "participant kind \"%1\" is unknown; LiveKit treats it as \"standard\""),
            claims.kind);

    if (payload.contains(QStringLiteral("aud")))
        addFinding(
            findings, Severity::Warning, "livekit-aud",
            QT_TRANSLATE_NOOP("td::Finding",
                              "the token carries \"aud\": LiveKit's Python TokenVerifier rejects any token with an "
                              "audience"));

    const QJsonValue video = payload.value(QStringLiteral("video"));
    if (video.isObject()) {
        readVideo(video.toObject(), claims, findings);
        if (claims.video->roomJoin && claims.identity.isEmpty())
            addFinding(findings, Severity::Error, "join-without-identity",
                       QT_TRANSLATE_NOOP("td::Finding",
                                         "the token joins a room (roomJoin) without an identity (sub): the server "
                                         "answers 400 \"identity cannot be empty\""));
    } else if (!video.isUndefined()) {
        addFinding(findings, Severity::Error, "wrong-grant-type",
                   QT_TRANSLATE_NOOP("td::Finding", "\"video\" must be an object"));
    } else {
        addFinding(
            findings, Severity::Info, "no-video-grant",
            QT_TRANSLATE_NOOP("td::Finding", "no video grant: the token cannot join a room (server API use only)"));
    }

    const QJsonValue attrs = payload.value(QStringLiteral("attributes"));
    if (attrs.isObject()) {
        const QJsonObject o = attrs.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isString())
                addFinding(findings, Severity::Error, "attribute-not-string",
                           QT_TRANSLATE_NOOP("td::Finding",
                                             "attribute \"%1\" is not a string; LiveKit requires string values"),
                           it.key());
            else
                claims.attributes.append({it.key(), it.value().toString()});
        }
    } else if (!attrs.isUndefined()) {
        addFinding(findings, Severity::Error, "wrong-claim-type",
                   QT_TRANSLATE_NOOP("td::Finding", "\"attributes\" must be an object of strings"));
    }

    const QJsonValue sip = payload.value(QStringLiteral("sip"));
    if (sip.isObject()) {
        SipGrant g;
        g.admin = boolMember(sip.toObject(), QStringLiteral("sip"), QStringLiteral("admin"), findings).value_or(false);
        g.call = boolMember(sip.toObject(), QStringLiteral("sip"), QStringLiteral("call"), findings).value_or(false);
        checkUnknownKeys(sip.toObject(), QStringLiteral("sip"), {QStringLiteral("admin"), QStringLiteral("call")},
                         findings);
        claims.sip = g;
    }
    const QJsonValue agent = payload.value(QStringLiteral("agent"));
    if (agent.isObject()) {
        const QJsonObject o = agent.toObject();
        AgentGrant g;
        g.admin = boolMember(o, QStringLiteral("agent"), QStringLiteral("admin"), findings).value_or(false);
        g.simulationAdmin =
            boolMember(o, QStringLiteral("agent"), QStringLiteral("simulationAdmin"), findings).value_or(false);
        g.databaseAdmin =
            boolMember(o, QStringLiteral("agent"), QStringLiteral("databaseAdmin"), findings).value_or(false);
        checkUnknownKeys(o, QStringLiteral("agent"),
                         {QStringLiteral("admin"), QStringLiteral("simulationAdmin"), QStringLiteral("databaseAdmin")},
                         findings);
        claims.agent = g;
    }
    if (const QJsonValue v = payload.value(QStringLiteral("inference")); v.isObject())
        claims.inferencePerform =
            boolMember(v.toObject(), QStringLiteral("inference"), QStringLiteral("perform"), findings);
    if (const QJsonValue v = payload.value(QStringLiteral("observability")); v.isObject())
        claims.observabilityWrite =
            boolMember(v.toObject(), QStringLiteral("observability"), QStringLiteral("write"), findings);

    const QJsonValue rc = payload.value(QStringLiteral("roomConfig"));
    if (rc.isObject()) {
        claims.roomConfig = rc.toObject();
        if (auto ok = normaliseRoomConfig(rc.toObject()); !ok)
            addFinding(findings, Severity::Warning, "room-config",
                       ok.error().message + QStringLiteral(" (servers since protocol v1.45.8 ignore "
                                                           "unknown fields; older ones reject the token)"));
        else
            findings.append(roomConfigFindings(*ok, claims.video ? claims.video->room : QString()));
    }
    if (payload.value(QStringLiteral("video")).toObject().contains(QStringLiteral("roomConfiguration")))
        addFinding(
            findings, Severity::Warning, "legacy-room-configuration",
            QT_TRANSLATE_NOOP("td::Finding",
                              "video.roomConfiguration was replaced by top-level roomConfig in protocol v1.27.0"));
    return claims;
}

QStringList explainPermissions(const LiveKitClaims& claims, const QString& subject)
{
    QStringList out;
    if (!claims.video) {
        out << QStringLiteral("cannot join any room (no video grant)");
    } else {
        const VideoGrant& v = *claims.video;
        const QString room = v.room.isEmpty() ? QStringLiteral("any room named by the client") : v.room;
        if (v.roomJoin)
            out << QStringLiteral("can join %1 as \"%2\"").arg(room, subject);
        else
            out << QStringLiteral("cannot join rooms (roomJoin is not set)");
        if (v.roomJoin) {
            for (const QString& s : publishSources())
                out << QStringLiteral("%1 publish %2")
                           .arg(v.canPublishSource(s) ? QStringLiteral("can") : QStringLiteral("cannot"), s);
            out << QStringLiteral("%1 publish data")
                       .arg(v.effectiveCanPublishData() ? QStringLiteral("can") : QStringLiteral("cannot"));
            out << QStringLiteral("%1 subscribe")
                       .arg(v.effectiveCanSubscribe() ? QStringLiteral("can") : QStringLiteral("cannot"));
            out << QStringLiteral("%1 update own metadata")
                       .arg(v.canUpdateOwnMetadata.value_or(false) ? QStringLiteral("can") : QStringLiteral("cannot"));
            if (v.hidden)
                out << QStringLiteral("is hidden from other participants");
            if (v.recorder)
                out << QStringLiteral("is marked as a recorder");
        }
        if (v.roomAdmin)
            out << QStringLiteral("can moderate %1")
                       .arg(v.room.isEmpty() ? QStringLiteral("no room (video.room is empty)") : v.room);
        if (v.roomCreate)
            out << QStringLiteral("can create and delete rooms");
        if (v.roomList)
            out << QStringLiteral("can list rooms");
        if (v.roomRecord)
            out << QStringLiteral("can use Egress (record and stream)");
        if (v.ingressAdmin)
            out << QStringLiteral("can manage ingresses");
        if (v.agent)
            out << QStringLiteral("can register as an agent worker");
    }
    if (claims.sip && claims.sip->admin)
        out << QStringLiteral("can administer SIP");
    if (claims.sip && claims.sip->call)
        out << QStringLiteral("can place SIP calls");
    if (claims.inferencePerform.value_or(false))
        out << QStringLiteral("can use LiveKit inference");
    if (claims.observabilityWrite.value_or(false))
        out << QStringLiteral("can write observability data");
    return out;
}

} // namespace td::livekit
