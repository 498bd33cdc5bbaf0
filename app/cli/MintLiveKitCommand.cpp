// SPDX-License-Identifier: MIT
#include "app/cli/MintLiveKitCommand.h"

#include "app/cli/CliContext.h"
#include "core/providers/livekit/LiveKitToken.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace td::cli {
namespace {

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

Result<QJsonObject> parseJsonObject(const QString& text, const QString& flag)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return fail(
            ErrorCode::InvalidJson,
            QStringLiteral("--%1: invalid JSON (%2 at offset %3)").arg(flag, err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return fail(ErrorCode::InvalidJson, QStringLiteral("--%1 must be a JSON object").arg(flag));
    return doc.object();
}

} // namespace

int MintLiveKitCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Mint a LiveKit access token (HS256)."));
    parser.addOptions({
        {QStringLiteral("api-key"), QStringLiteral("API key (or LIVEKIT_API_KEY)."), QStringLiteral("KEY")},
        {QStringLiteral("api-secret"), QStringLiteral("API secret (or LIVEKIT_API_SECRET)."), QStringLiteral("SECRET")},
        {QStringLiteral("identity"), QStringLiteral("Participant identity (sub)."), QStringLiteral("ID")},
        {QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("NAME")},
        {QStringLiteral("room"), QStringLiteral("Room name (video.room)."), QStringLiteral("ROOM")},
        {QStringLiteral("update-metadata"), QStringLiteral("canUpdateOwnMetadata: true.")},
        {QStringLiteral("sources"),
         QStringLiteral("canPublishSources: camera,microphone,screen_share,screen_share_audio."),
         QStringLiteral("LIST")},
        {QStringLiteral("destination-room"), QStringLiteral("destinationRoom."), QStringLiteral("ROOM")},
        {QStringLiteral("metadata"), QStringLiteral("Participant metadata."), QStringLiteral("TEXT")},
        {QStringLiteral("attribute"), QStringLiteral("Participant attribute k=v (repeatable)."), QStringLiteral("K=V")},
        {QStringLiteral("kind"),
         QStringLiteral("Participant kind: standard, ingress, egress, sip, agent, connector, bridge."),
         QStringLiteral("KIND")},
        {QStringLiteral("kind-detail"), QStringLiteral("kindDetails entry (repeatable)."), QStringLiteral("DETAIL")},
        {QStringLiteral("grant"), QStringLiteral("Video grant JSON merged over the flags."), QStringLiteral("JSON")},
        {QStringLiteral("claims"), QStringLiteral("Extra top-level claims JSON (no \"aud\")."), QStringLiteral("JSON")},
        {QStringLiteral("room-config"), QStringLiteral("roomConfig JSON (RoomConfiguration, camel or snake case)."),
         QStringLiteral("JSON")},
        {QStringLiteral("dispatch-agent"), QStringLiteral("Add roomConfig.agents[] dispatch (repeatable)."),
         QStringLiteral("AGENT_NAME")},
        {QStringLiteral("room-preset"), QStringLiteral("roomPreset (LiveKit Cloud)."), QStringLiteral("NAME")},
        {QStringLiteral("sip-admin"), QStringLiteral("sip.admin.")},
        {QStringLiteral("sip-call"), QStringLiteral("sip.call.")},
        {QStringLiteral("agent-admin"), QStringLiteral("agent.admin (Cloud Agents).")},
        {QStringLiteral("agent-simulation-admin"), QStringLiteral("agent.simulationAdmin.")},
        {QStringLiteral("agent-database-admin"), QStringLiteral("agent.databaseAdmin.")},
        {QStringLiteral("inference"), QStringLiteral("inference.perform.")},
        {QStringLiteral("observability"), QStringLiteral("observability.write.")},
        {QStringLiteral("sha256"), QStringLiteral("sha256 claim (webhook body digest)."), QStringLiteral("BASE64")},
    });
    for (const auto& f : kPlainFlags)
        parser.addOption({QString::fromLatin1(f.flag), QString::fromLatin1(f.help)});
    for (const auto& f : kTriFlags)
        parser.addOption({QString::fromLatin1(f.flag), QString::fromLatin1(f.help), QStringLiteral("true|false")});
    addCommonMintOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (auto stop = handleCommonOptions(parser, context, Provider::LiveKit))
        return *stop;

    const QString apiKey =
        QString::fromUtf8(context.credential(parser, QStringLiteral("api-key"), QStringLiteral("LIVEKIT_API_KEY")));
    const crypto::SecretByteArray secret =
        context.credential(parser, QStringLiteral("api-secret"), QStringLiteral("LIVEKIT_API_SECRET"));
    auto minter = livekit::LiveKitMinter::create(apiKey, secret);
    if (!minter)
        return context.error(ExitUsage, minter.error());

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
            return context.error(ExitUsage, QStringLiteral("--attribute needs key=value, got \"%1\"").arg(a));
        claims.attributes.append({a.left(eq), a.mid(eq + 1)});
    }

    livekit::VideoGrant grant;
    bool anyVideo = false;
    grant.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room"))
                                                      : context.profileDefault(QStringLiteral("room"));
    for (const auto& f : kPlainFlags) {
        if (parser.isSet(QString::fromLatin1(f.flag))) {
            grant.*f.member = true;
            anyVideo = true;
        }
    }
    for (const auto& f : kTriFlags) {
        const QString flag = QString::fromLatin1(f.flag);
        if (!parser.isSet(flag))
            continue;
        const auto v = parseBool(parser.value(flag));
        if (!v)
            return context.error(ExitUsage, QStringLiteral("--%1 takes true or false").arg(flag));
        grant.*f.member = *v;
        anyVideo = true;
    }
    if (parser.isSet(QStringLiteral("update-metadata"))) {
        grant.canUpdateOwnMetadata = true;
        anyVideo = true;
    }
    if (parser.isSet(QStringLiteral("sources"))) {
        for (const QString& s : parser.value(QStringLiteral("sources")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            grant.canPublishSources << s.trimmed();
        anyVideo = true;
    }
    if (parser.isSet(QStringLiteral("destination-room")))
        grant.destinationRoom = parser.value(QStringLiteral("destination-room"));
    if (parser.isSet(QStringLiteral("grant"))) {
        auto json = parseJsonObject(parser.value(QStringLiteral("grant")), QStringLiteral("grant"));
        if (!json)
            return context.error(ExitUsage, json.error());
        if (auto ok = grant.merge(*json); !ok)
            return context.error(ExitUsage, QStringLiteral("--grant: ") + ok.error().message);
        anyVideo = true;
    }
    if (!anyVideo && !grant.room.isEmpty()) {
        // The common case: a participant token for a room. Say so, since no permission flag was given.
        grant.roomJoin = true;
        anyVideo = true;
        context.err() << "tokendesk-cli: no permission flags given; granting roomJoin for room " << grant.room
                      << Qt::endl;
    }
    if (anyVideo || !grant.room.isEmpty())
        claims.video = grant;

    if (parser.isSet(QStringLiteral("sip-admin")) || parser.isSet(QStringLiteral("sip-call")))
        claims.sip =
            livekit::SipGrant{parser.isSet(QStringLiteral("sip-admin")), parser.isSet(QStringLiteral("sip-call"))};
    if (parser.isSet(QStringLiteral("agent-admin")) || parser.isSet(QStringLiteral("agent-simulation-admin")) ||
        parser.isSet(QStringLiteral("agent-database-admin")))
        claims.agent = livekit::AgentGrant{parser.isSet(QStringLiteral("agent-admin")),
                                           parser.isSet(QStringLiteral("agent-simulation-admin")),
                                           parser.isSet(QStringLiteral("agent-database-admin"))};
    if (parser.isSet(QStringLiteral("inference")))
        claims.inferencePerform = true;
    if (parser.isSet(QStringLiteral("observability")))
        claims.observabilityWrite = true;

    QJsonObject roomConfig;
    if (parser.isSet(QStringLiteral("room-config"))) {
        auto json = parseJsonObject(parser.value(QStringLiteral("room-config")), QStringLiteral("room-config"));
        if (!json)
            return context.error(ExitUsage, json.error());
        roomConfig = *json;
    }
    if (parser.isSet(QStringLiteral("dispatch-agent"))) {
        QJsonArray agents = roomConfig.value(QStringLiteral("agents")).toArray();
        for (const QString& name : parser.values(QStringLiteral("dispatch-agent")))
            agents.append(QJsonObject{{QStringLiteral("agentName"), name}});
        roomConfig.insert(QStringLiteral("agents"), agents);
    }
    if (!roomConfig.isEmpty())
        claims.roomConfig = roomConfig;

    QJsonObject extra;
    if (parser.isSet(QStringLiteral("claims"))) {
        auto json = parseJsonObject(parser.value(QStringLiteral("claims")), QStringLiteral("claims"));
        if (!json)
            return context.error(ExitUsage, json.error());
        extra = *json;
    }
    auto ttl = ttlOption(parser, livekit::kDefaultTtlSeconds, context);
    if (!ttl)
        return context.error(ExitUsage, ttl.error());
    auto minted = minter->mint(claims, *ttl, context.clock(), extra);
    if (!minted)
        return context.error(ExitUsage, minted.error());
    return printMinted(*minted, parser.isSet(QStringLiteral("json")), context);
}

} // namespace td::cli
