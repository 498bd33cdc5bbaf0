// SPDX-License-Identifier: MIT
#include "app/cli/MintLiveKitCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace td::cli {
namespace {

template <typename T> using Outcome = std::expected<T, QString>;

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
    bool livekit::VideoGrant::*member;
    const char* help;
};

const FlagGrant kPlainFlags[] = {
    {"join", &livekit::VideoGrant::roomJoin, "roomJoin: join the room."},
    {"create", &livekit::VideoGrant::roomCreate, "roomCreate: create and delete rooms."},
    {"list", &livekit::VideoGrant::roomList, "roomList: list rooms."},
    {"record", &livekit::VideoGrant::roomRecord, "roomRecord: use Egress."},
    {"admin", &livekit::VideoGrant::roomAdmin, "roomAdmin: moderate the room."},
    {"ingress-admin", &livekit::VideoGrant::ingressAdmin, "ingressAdmin: manage ingresses."},
    {"hidden", &livekit::VideoGrant::hidden, "hidden: invisible to other participants."},
    {"recorder", &livekit::VideoGrant::recorder, "recorder: mark the participant as a recorder."},
    {"agent", &livekit::VideoGrant::agent, "agent: may register as an Agents worker."},
};

struct TriFlag {
    const char* flag;
    std::optional<bool> livekit::VideoGrant::*member;
    const char* help;
};

const TriFlag kTriFlags[] = {
    {"can-publish", &livekit::VideoGrant::canPublish, "canPublish (default true)."},
    {"can-subscribe", &livekit::VideoGrant::canSubscribe, "canSubscribe (default true)."},
    {"can-publish-data", &livekit::VideoGrant::canPublishData, "canPublishData (default: canPublish)."},
    {"can-subscribe-metrics", &livekit::VideoGrant::canSubscribeMetrics, "canSubscribeMetrics (default false)."},
    {"can-manage-agent-session", &livekit::VideoGrant::canManageAgentSession, "canManageAgentSession (default false)."},
};

Outcome<QJsonObject> parseJsonObject(const QString& text, const QString& flag)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return stop(
            QStringLiteral("--%1: invalid JSON (%2 at offset %3)").arg(flag, err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return stop(QStringLiteral("--%1 must be a JSON object").arg(flag));
    return doc.object();
}

/** A JSON object flag, or an empty object when it is not given. */
Outcome<QJsonObject> jsonFlag(const QCommandLineParser& parser, const QString& flag)
{
    if (!parser.isSet(flag))
        return QJsonObject();
    return parseJsonObject(parser.value(flag), flag);
}

/** The participant: identity, name, metadata, kind and attributes. */
Outcome<livekit::LiveKitClaims> participant(const QCommandLineParser& parser)
{
    livekit::LiveKitClaims claims;
    claims.identity = parser.value(QStringLiteral("identity"));
    claims.name = parser.value(QStringLiteral("name"));
    claims.metadata = parser.value(QStringLiteral("metadata"));
    claims.kind = parser.value(QStringLiteral("kind"));
    claims.kindDetails = parser.values(QStringLiteral("kind-detail"));
    claims.roomPreset = parser.value(QStringLiteral("room-preset"));
    claims.sha256 = parser.value(QStringLiteral("sha256"));
    for (const QString& a : parser.values(QStringLiteral("attribute"))) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return stop(QStringLiteral("--attribute needs key=value, got \"%1\"").arg(a));
        claims.attributes.append({a.left(eq), a.mid(eq + 1)});
    }
    return claims;
}

/** The permission flags into `grant`; true when any was given. */
Outcome<bool> permissionFlags(const QCommandLineParser& parser, livekit::VideoGrant& grant)
{
    bool any = false;
    for (const auto& f : kPlainFlags) {
        if (parser.isSet(QString::fromLatin1(f.flag))) {
            grant.*f.member = true;
            any = true;
        }
    }
    for (const auto& f : kTriFlags) {
        const auto v = boolFlag(parser, QString::fromLatin1(f.flag));
        if (!v)
            return stop(v.error());
        if (*v) {
            grant.*f.member = **v;
            any = true;
        }
    }
    if (parser.isSet(QStringLiteral("update-metadata"))) {
        grant.canUpdateOwnMetadata = true;
        any = true;
    }
    if (parser.isSet(QStringLiteral("sources"))) {
        for (const QString& s : parser.value(QStringLiteral("sources")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            grant.canPublishSources << s.trimmed();
        any = true;
    }
    return any;
}

/** The video grant from the flags and --grant; none when neither a permission nor a room is given. */
Outcome<std::optional<livekit::VideoGrant>> videoGrant(const QCommandLineParser& parser, CliContext& context)
{
    livekit::VideoGrant grant;
    grant.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room"))
                                                      : context.profileDefault(QStringLiteral("room"));
    auto anyVideo = permissionFlags(parser, grant);
    if (!anyVideo)
        return stop(anyVideo.error());
    if (parser.isSet(QStringLiteral("destination-room")))
        grant.destinationRoom = parser.value(QStringLiteral("destination-room"));
    if (parser.isSet(QStringLiteral("grant"))) {
        auto json = parseJsonObject(parser.value(QStringLiteral("grant")), QStringLiteral("grant"));
        if (!json)
            return stop(json.error());
        if (auto ok = grant.merge(*json); !ok)
            return stop(QStringLiteral("--grant: ") + ok.error().message);
        *anyVideo = true;
    }
    if (!*anyVideo && !grant.room.isEmpty()) {
        // The common case: a participant token for a room. Say so, since no permission flag was given.
        grant.roomJoin = true;
        *anyVideo = true;
        context.err() << "tokendesk-cli: no permission flags given; granting roomJoin for room " << grant.room
                      << Qt::endl;
    }
    if (*anyVideo || !grant.room.isEmpty())
        return std::optional(grant);
    return std::optional<livekit::VideoGrant>();
}

/** The SIP, Agents, inference and observability grants. */
void serviceGrants(const QCommandLineParser& parser, livekit::LiveKitClaims& claims)
{
    const auto set = [&](const char* flag) { return parser.isSet(QLatin1String(flag)); };
    if (set("sip-admin") || set("sip-call"))
        claims.sip = livekit::SipGrant{set("sip-admin"), set("sip-call")};
    if (set("agent-admin") || set("agent-simulation-admin") || set("agent-database-admin"))
        claims.agent =
            livekit::AgentGrant{set("agent-admin"), set("agent-simulation-admin"), set("agent-database-admin")};
    if (set("inference"))
        claims.inferencePerform = true;
    if (set("observability"))
        claims.observabilityWrite = true;
}

/** --room-config with the --dispatch-agent entries appended to its agents. */
Outcome<QJsonObject> roomConfig(const QCommandLineParser& parser)
{
    auto roomConfig = jsonFlag(parser, QStringLiteral("room-config"));
    if (!roomConfig)
        return roomConfig;
    if (parser.isSet(QStringLiteral("dispatch-agent"))) {
        QJsonArray agents = roomConfig->value(QStringLiteral("agents")).toArray();
        for (const QString& name : parser.values(QStringLiteral("dispatch-agent")))
            agents.append(QJsonObject{{QStringLiteral("agentName"), name}});
        roomConfig->insert(QStringLiteral("agents"), agents);
    }
    return roomConfig;
}

} // namespace

QString MintLiveKitCommand::description() const
{
    return QStringLiteral("Mint a LiveKit access token (HS256).");
}

QList<OptionSpec> MintLiveKitCommand::providerOptions() const
{
    QList<OptionSpec> options(std::begin(kOptions), std::end(kOptions));
    for (const auto& f : kPlainFlags)
        options << flag(f.flag, f.help);
    for (const auto& f : kTriFlags)
        options << option(f.flag, "true|false", f.help).oneOf();
    return options;
}

MintOutcome MintLiveKitCommand::mint(const QCommandLineParser& parser, CliContext& context) const
{
    credentials::Profile profile;
    profile.provider = Provider::LiveKit;
    profile.apiKey =
        QString::fromUtf8(context.credential(parser, QStringLiteral("api-key"), QStringLiteral("LIVEKIT_API_KEY")));
    const crypto::SecretMap secrets{
        {QStringLiteral("apiSecret"),
         context.credential(parser, QStringLiteral("api-secret"), QStringLiteral("LIVEKIT_API_SECRET"))}};
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return stop(minter.error());
    auto claims = participant(parser);
    if (!claims)
        return stop(claims.error());
    auto video = videoGrant(parser, context);
    if (!video)
        return stop(video.error());
    if (*video)
        claims->video = **video;
    serviceGrants(parser, *claims);
    auto config = roomConfig(parser);
    if (!config)
        return stop(config.error());
    if (!config->isEmpty())
        claims->roomConfig = *config;
    auto extra = jsonFlag(parser, QStringLiteral("claims"));
    if (!extra)
        return stop(extra.error());
    auto ttl = ttlOption(parser, mint::defaultTtlSeconds(Provider::LiveKit), context);
    if (!ttl)
        return stop(ttl.error());
    auto minted = minter->mintLiveKit(*claims, *ttl, context.clock(), *extra);
    if (!minted)
        return stop(minted.error());
    return *minted;
}

} // namespace td::cli
