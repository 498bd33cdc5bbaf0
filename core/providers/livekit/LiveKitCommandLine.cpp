// SPDX-License-Identifier: MIT
// tokendesk-cli mint livekit: its options and how they become a LiveKit token.
#include "core/providers/livekit/LiveKitCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/livekit/LiveKitModule.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace td::livekit {
namespace {

const OptionSpec kOptions[] = {
    option("api-key", "KEY", "API key (or LIVEKIT_API_KEY)."),
    option("api-secret", "SECRET", "API secret (or LIVEKIT_API_SECRET)."),
    option("identity", "ID", "Participant identity (sub)."),
    option("name", "NAME", "Display name."),
    option("room", "ROOM", "Room name (video.room)."),
    flag("update-metadata", "canUpdateOwnMetadata: true."),
    option("sources", "LIST", "canPublishSources: camera,microphone,screen_share,screen_share_audio."),
    option("destination-room", "ROOM", "destinationRoom."),
    option("metadata", "TEXT", "Participant metadata."),
    option("attribute", "K=V", "Participant attribute k=v (repeatable).").repeat(),
    option("kind", "KIND", "Participant kind: standard, ingress, egress, sip, agent, connector, bridge.")
        .oneOf("standard ingress egress sip agent connector bridge"),
    option("kind-detail", "DETAIL", "kindDetails entry (repeatable).").repeat(),
    option("grant", "JSON", "Video grant JSON merged over the flags."),
    option("claims", "JSON", "Extra top-level claims JSON (no \"aud\")."),
    option("room-config", "JSON", "roomConfig JSON (RoomConfiguration, camel or snake case)."),
    option("dispatch-agent", "AGENT_NAME", "Add roomConfig.agents[] dispatch (repeatable).").repeat(),
    option("room-preset", "NAME", "roomPreset (LiveKit Cloud)."),
    flag("sip-admin", "sip.admin."),
    flag("sip-call", "sip.call."),
    flag("agent-admin", "agent.admin (Cloud Agents)."),
    flag("agent-simulation-admin", "agent.simulationAdmin."),
    flag("agent-database-admin", "agent.databaseAdmin."),
    flag("inference", "inference.perform."),
    flag("observability", "observability.write."),
    option("sha256", "BASE64", "sha256 claim (webhook body digest)."),
};

struct FlagGrant {
    const char* flag;
    bool VideoGrant::*member;
    const char* help;
};

const FlagGrant kPlainFlags[] = {
    {"join", &VideoGrant::roomJoin, "roomJoin: join the room."},
    {"create", &VideoGrant::roomCreate, "roomCreate: create and delete rooms."},
    {"list", &VideoGrant::roomList, "roomList: list rooms."},
    {"record", &VideoGrant::roomRecord, "roomRecord: use Egress."},
    {"admin", &VideoGrant::roomAdmin, "roomAdmin: moderate the room."},
    {"ingress-admin", &VideoGrant::ingressAdmin, "ingressAdmin: manage ingresses."},
    {"hidden", &VideoGrant::hidden, "hidden: invisible to other participants."},
    {"recorder", &VideoGrant::recorder, "recorder: mark the participant as a recorder."},
    {"agent", &VideoGrant::agent, "agent: may register as an Agents worker."},
};

struct TriFlag {
    const char* flag;
    std::optional<bool> VideoGrant::*member;
    const char* help;
};

const TriFlag kTriFlags[] = {
    {"can-publish", &VideoGrant::canPublish, "canPublish (default true)."},
    {"can-subscribe", &VideoGrant::canSubscribe, "canSubscribe (default true)."},
    {"can-publish-data", &VideoGrant::canPublishData, "canPublishData (default: canPublish)."},
    {"can-subscribe-metrics", &VideoGrant::canSubscribeMetrics, "canSubscribeMetrics (default false)."},
    {"can-manage-agent-session", &VideoGrant::canManageAgentSession, "canManageAgentSession (default false)."},
};

Result<QJsonObject> parseJsonObject(const QString& text, const QString& flag)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return std::unexpected(optionError(
            QStringLiteral("--%1: invalid JSON (%2 at offset %3)").arg(flag, err.errorString()).arg(err.offset)));
    if (!doc.isObject())
        return std::unexpected(optionError(QStringLiteral("--%1 must be a JSON object").arg(flag)));
    return doc.object();
}

/** A JSON object flag, or an empty object when it is not given. */
Result<QJsonObject> jsonFlag(const MintArguments& args, const QString& flag)
{
    if (!args.isSet(flag))
        return QJsonObject();
    return parseJsonObject(args.value(flag), flag);
}

/** The participant: identity, name, metadata, kind and attributes. */
Result<LiveKitClaims> participant(const MintArguments& args)
{
    LiveKitClaims claims;
    claims.identity = args.value(QStringLiteral("identity"));
    claims.name = args.value(QStringLiteral("name"));
    claims.metadata = args.value(QStringLiteral("metadata"));
    claims.kind = args.value(QStringLiteral("kind"));
    claims.kindDetails = args.values(QStringLiteral("kind-detail"));
    claims.roomPreset = args.value(QStringLiteral("room-preset"));
    claims.sha256 = args.value(QStringLiteral("sha256"));
    for (const QString& a : args.values(QStringLiteral("attribute"))) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return std::unexpected(optionError(QStringLiteral("--attribute needs key=value, got \"%1\"").arg(a)));
        claims.attributes.append({a.left(eq), a.mid(eq + 1)});
    }
    return claims;
}

/** The permission flags into `grant`; true when any was given. */
Result<bool> permissionFlags(const MintArguments& args, VideoGrant& grant)
{
    bool any = false;
    for (const auto& f : kPlainFlags) {
        if (args.isSet(QString::fromLatin1(f.flag))) {
            grant.*f.member = true;
            any = true;
        }
    }
    for (const auto& f : kTriFlags) {
        const auto v = args.boolOption(QString::fromLatin1(f.flag));
        if (!v)
            return std::unexpected(v.error());
        if (*v) {
            grant.*f.member = **v;
            any = true;
        }
    }
    if (args.isSet(QStringLiteral("update-metadata"))) {
        grant.canUpdateOwnMetadata = true;
        any = true;
    }
    if (args.isSet(QStringLiteral("sources"))) {
        for (const QString& s : args.value(QStringLiteral("sources")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            grant.canPublishSources << s.trimmed();
        any = true;
    }
    return any;
}

/** The video grant from the flags and --grant; none when neither a permission nor a room is given. */
Result<std::optional<VideoGrant>> videoGrant(const MintArguments& args)
{
    VideoGrant grant;
    grant.room = args.isSet(QStringLiteral("room")) ? args.value(QStringLiteral("room"))
                                                    : args.profileDefault(QStringLiteral("room"));
    auto anyVideo = permissionFlags(args, grant);
    if (!anyVideo)
        return std::unexpected(anyVideo.error());
    if (args.isSet(QStringLiteral("destination-room")))
        grant.destinationRoom = args.value(QStringLiteral("destination-room"));
    if (args.isSet(QStringLiteral("grant"))) {
        auto json = parseJsonObject(args.value(QStringLiteral("grant")), QStringLiteral("grant"));
        if (!json)
            return std::unexpected(json.error());
        if (auto ok = grant.merge(*json); !ok)
            return std::unexpected(optionError(QStringLiteral("--grant: ") + ok.error().message));
        *anyVideo = true;
    }
    if (!*anyVideo && !grant.room.isEmpty()) {
        // The common case: a participant token for a room. Say so, since no permission flag was given.
        grant.roomJoin = true;
        *anyVideo = true;
        args.notice(QStringLiteral("no permission flags given; granting roomJoin for room ") + grant.room);
    }
    if (*anyVideo || !grant.room.isEmpty())
        return std::optional(grant);
    return std::optional<VideoGrant>();
}

/** The SIP, Agents, inference and observability grants. */
void serviceGrants(const MintArguments& args, LiveKitClaims& claims)
{
    const auto set = [&](const char* flag) { return args.isSet(QLatin1String(flag)); };
    if (set("sip-admin") || set("sip-call"))
        claims.sip = SipGrant{set("sip-admin"), set("sip-call")};
    if (set("agent-admin") || set("agent-simulation-admin") || set("agent-database-admin"))
        claims.agent = AgentGrant{set("agent-admin"), set("agent-simulation-admin"), set("agent-database-admin")};
    if (set("inference"))
        claims.inferencePerform = true;
    if (set("observability"))
        claims.observabilityWrite = true;
}

/** --room-config with the --dispatch-agent entries appended to its agents. */
Result<QJsonObject> roomConfig(const MintArguments& args)
{
    auto roomConfig = jsonFlag(args, QStringLiteral("room-config"));
    if (!roomConfig)
        return roomConfig;
    if (args.isSet(QStringLiteral("dispatch-agent"))) {
        QJsonArray agents = roomConfig->value(QStringLiteral("agents")).toArray();
        for (const QString& name : args.values(QStringLiteral("dispatch-agent")))
            agents.append(QJsonObject{{QStringLiteral("agentName"), name}});
        roomConfig->insert(QStringLiteral("agents"), agents);
    }
    return roomConfig;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    QList<OptionSpec> options(std::begin(kOptions), std::end(kOptions));
    for (const auto& f : kPlainFlags)
        options << flag(f.flag, f.help);
    for (const auto& f : kTriFlags)
        options << option(f.flag, "true|false", f.help).oneOf();
    return options;
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    credentials::Profile profile;
    profile.provider = Provider::LiveKit;
    profile.apiKey = QString::fromUtf8(args.credential(QStringLiteral("api-key"), QStringLiteral("LIVEKIT_API_KEY")));
    const crypto::SecretMap secrets(
        ProfileSecrets{{QStringLiteral("apiSecret"),
                        args.credential(QStringLiteral("api-secret"), QStringLiteral("LIVEKIT_API_SECRET"))}});
    auto prepared = module.prepare(profile, secrets);
    if (!prepared)
        return std::unexpected(prepared.error());
    auto claims = participant(args);
    if (!claims)
        return std::unexpected(claims.error());
    auto video = videoGrant(args);
    if (!video)
        return std::unexpected(video.error());
    if (*video)
        claims->video = **video;
    serviceGrants(args, *claims);
    auto config = roomConfig(args);
    if (!config)
        return std::unexpected(config.error());
    if (!config->isEmpty())
        claims->roomConfig = *config;
    auto extra = jsonFlag(args, QStringLiteral("claims"));
    if (!extra)
        return std::unexpected(extra.error());
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    const auto* liveKit = dynamic_cast<const PreparedLiveKit*>(prepared->get());
    if (!liveKit)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint livekit needs the LiveKit module"));
    return liveKit->mintClaims(*claims, *ttl, args.clock(), *extra);
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.provider = Provider::LiveKit;
    profile.apiKey = QString::fromUtf8(credential("LIVEKIT_API_KEY", "bench-key"));
    auto prepared = module.prepare(
        profile, crypto::SecretMap(ProfileSecrets{
                     {QStringLiteral("apiSecret"), credential("LIVEKIT_API_SECRET", credential.throwawaySecret)}}));
    if (!prepared)
        return std::unexpected(prepared.error());
    auto liveKit = std::dynamic_pointer_cast<const PreparedLiveKit>(*prepared);
    if (!liveKit)
        return fail(ErrorCode::NotApplicable, QStringLiteral("bench livekit needs the LiveKit module"));
    return BenchMint([liveKit, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        LiveKitClaims claims;
        claims.identity = QStringLiteral("user-%1").arg(i);
        claims.name = QStringLiteral("User %1").arg(i);
        VideoGrant grant;
        grant.roomJoin = true;
        grant.room = QStringLiteral("bench-room");
        grant.canPublish = true;
        grant.canSubscribe = true;
        claims.video = grant;
        return liveKit->mintClaims(claims, ttl, clock).has_value();
    });
}

} // namespace td::livekit
