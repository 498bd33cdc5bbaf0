// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/json/OrderedJson.h"
#include "core/providers/Finding.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::livekit {

/** The four publish sources LiveKit knows (spec 1.4). */
const QStringList& publishSources();
/** Participant kinds (spec 1.3). */
const QStringList& participantKinds();

/**
 * The `video` grant. Plain booleans are emitted only when true (as Go does); the tri-state ones are emitted
 * whenever set, so an explicit false survives.
 */
struct VideoGrant {
    bool roomCreate = false;
    bool roomList = false;
    bool roomRecord = false;
    bool roomAdmin = false;
    bool roomJoin = false;
    QString room;
    std::optional<bool> canPublish;
    std::optional<bool> canSubscribe;
    std::optional<bool> canPublishData;
    QStringList canPublishSources;
    std::optional<bool> canUpdateOwnMetadata;
    bool ingressAdmin = false;
    bool hidden = false;
    bool recorder = false;
    bool agent = false;
    std::optional<bool> canSubscribeMetrics;
    std::optional<bool> canManageAgentSession;
    QString destinationRoom;

    OrderedJson toJson() const;
    /** Overlays the members of a JSON object (the --grant flag); unknown keys and wrong types are errors. */
    Result<void> merge(const QJsonObject& json);
    static Result<VideoGrant> fromJson(const QJsonObject& json);

    bool effectiveCanPublish() const { return canPublish.value_or(true); }
    bool effectiveCanSubscribe() const { return canSubscribe.value_or(true); }
    bool effectiveCanPublishData() const { return canPublishData.value_or(effectiveCanPublish()); }
    /** Whether `source` may be published (canPublish and, when the list is set, membership). */
    bool canPublishSource(const QString& source) const;
};

struct SipGrant {
    bool admin = false;
    bool call = false;
};
struct AgentGrant {
    bool admin = false;
    bool simulationAdmin = false;
    bool databaseAdmin = false;
};

/** Everything LiveKit reads from a token besides the registered claims. */
struct LiveKitClaims {
    QString identity;
    QString name;
    QString kind;
    QStringList kindDetails;
    std::optional<VideoGrant> video;
    std::optional<SipGrant> sip;
    std::optional<AgentGrant> agent;
    std::optional<bool> inferencePerform;
    std::optional<bool> observabilityWrite;
    std::optional<QJsonObject> roomConfig; // proto3 JSON RoomConfiguration, camelCase after validation
    QString roomPreset;
    QString sha256;
    QString metadata;
    QList<QPair<QString, QString>> attributes;

    /** Members after iss/sub/exp/nbf/iat, in the Go SDK's order. */
    void appendTo(OrderedJson& payload) const;
};

/** Validates a roomConfig object, normalising snake_case to camelCase; refuses embedded storage credentials. */
Result<QJsonObject> normaliseRoomConfig(const QJsonObject& config);

/**
 * What a roomConfig (normalised) does when the token creates its room, as findings: room stream outputs (an
 * error: LiveKit's Go SDK refuses to mint them, spec 1.6), a name other than the token's room (an error: the
 * config would name another room), egress (the room is recorded or streamed) and agent dispatch.
 */
QList<Finding> roomConfigFindings(const QJsonObject& config, const QString& room);

/** Whether a normalised roomConfig streams the room anywhere (RTMP/SRT/WebSocket stream outputs). */
bool roomConfigStreams(const QJsonObject& config);

/** The JSON names of the video grant's members. */
const QStringList& videoFieldNames();

/** Registered JWT claims and LiveKit's own: an extra claim may not take any of these names, in any case. */
const QStringList& reservedClaimNames();

/** Refuses extra claims named like a reserved claim, compared case-insensitively (Go's JSON decoding is). */
Result<void> checkExtraClaims(const QJsonObject& extra);

/** Reads the LiveKit claims of a payload and reports what a LiveKit server would reject or misread. */
LiveKitClaims readClaims(const QJsonObject& payload, QList<Finding>& findings);

/** What the token lets its holder do, one line each ("can join room demo", "cannot publish camera"). */
QStringList explainPermissions(const LiveKitClaims& claims, const QString& subject);

} // namespace td::livekit
