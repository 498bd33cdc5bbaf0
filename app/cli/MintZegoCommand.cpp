// SPDX-License-Identifier: MIT
#include "app/cli/MintZegoCommand.h"

#include "app/cli/CliContext.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"

namespace td::cli {
namespace {

const OptionSpec kOptions[] = {
    option("app-id", "N", "AppID (or ZEGO_APP_ID)."),
    option("server-secret", "S", "32-character ServerSecret (or ZEGO_SERVER_SECRET)."),
    option("user-id", "U", "User ID (1-64 characters)."),
    option("cipher", "gcm|cbc", "gcm (default, newest generator) or cbc.").oneOf(),
    option("room-id", "R", "Privilege: only this room."),
    option("allow-login", "true|false", "Privilege 1: may log into the room (default true).").oneOf(),
    option("allow-publish", "true|false", "Privilege 2: may publish (default true).").oneOf(),
    option("stream-id", "ID", "Privilege: a stream the user may publish (repeatable).").repeat(),
    option("payload", "STR", "Raw payload string (instead of the privilege flags)."),
    flag("kit", "Output a UIKit Kit Token (Token04#room data)."),
    option("kit-room-id", "R", "Kit Token room ID (default: --room-id)."),
    option("user-name", "NAME", "Kit Token user name."),
};

/** AppID, ServerSecret, user, lifetime and cipher. */
std::expected<zego::Token04Request, QString> request(const QCommandLineParser& parser, const CliContext& context)
{
    zego::Token04Request request;
    const QString appIdText =
        QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID")))
            .trimmed();
    bool ok = false;
    const qulonglong appId = appIdText.toULongLong(&ok);
    if (!ok || appId == 0 || appId > 0xffffffffULL)
        return stop(QStringLiteral("the AppID must be a non-zero 32-bit number (--app-id or ZEGO_APP_ID; "
                                   "ZEGOCLOUD error 1, appID invalid)"));
    request.appId = static_cast<quint32>(appId);
    request.serverSecret =
        context.credential(parser, QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET"));
    request.userId = parser.value(QStringLiteral("user-id"));
    auto ttl = ttlOption(parser, zego::kDefaultEffectiveSeconds, context);
    if (!ttl)
        return stop(ttl.error());
    request.effectiveSeconds = *ttl;
    const QString cipher = parser.isSet(QStringLiteral("cipher")) ? parser.value(QStringLiteral("cipher"))
                                                                  : context.profileDefault(QStringLiteral("cipher"));
    if (!cipher.isEmpty()) {
        const auto layout = zego::parseLayout(cipher);
        if (!layout)
            return stop(QStringLiteral("--cipher takes gcm or cbc"));
        request.layout = *layout;
    }
    return request;
}

/** The payload: --payload, or the room privilege the flags describe; empty when neither is given. */
std::expected<QString, QString> payload(const QCommandLineParser& parser)
{
    const bool privilegeFlags =
        parser.isSet(QStringLiteral("room-id")) || parser.isSet(QStringLiteral("allow-login")) ||
        parser.isSet(QStringLiteral("allow-publish")) || parser.isSet(QStringLiteral("stream-id"));
    if (privilegeFlags && parser.isSet(QStringLiteral("payload")))
        return stop(QStringLiteral("--payload cannot be combined with the privilege flags"));
    if (!privilegeFlags)
        return parser.value(QStringLiteral("payload"));
    zego::RoomPrivilege privilege;
    privilege.roomId = parser.value(QStringLiteral("room-id"));
    for (const auto& [flag, target] : {std::pair{QStringLiteral("allow-login"), &privilege.allowLogin},
                                       std::pair{QStringLiteral("allow-publish"), &privilege.allowPublish}}) {
        const auto v = boolFlag(parser, flag);
        if (!v)
            return stop(v.error());
        if (*v)
            *target = **v;
    }
    if (parser.isSet(QStringLiteral("stream-id")))
        privilege.streamIds = parser.values(QStringLiteral("stream-id"));
    return privilege.toPayload();
}

/** With --kit, the token becomes a UIKit Kit Token. */
std::optional<QString> applyKit(const QCommandLineParser& parser, quint32 appId, const QString& userId,
                                MintedToken& minted)
{
    if (!parser.isSet(QStringLiteral("kit"))) {
        if (parser.isSet(QStringLiteral("kit-room-id")) || parser.isSet(QStringLiteral("user-name")))
            return QStringLiteral("--kit-room-id and --user-name only apply with --kit");
        return std::nullopt;
    }
    zego::KitInfo info;
    info.appId = appId;
    info.userId = userId;
    info.roomId = parser.isSet(QStringLiteral("kit-room-id")) ? parser.value(QStringLiteral("kit-room-id"))
                                                              : parser.value(QStringLiteral("room-id"));
    info.userName = parser.value(QStringLiteral("user-name"));
    if (info.userName.isEmpty())
        return QStringLiteral("a Kit Token needs --user-name (the UIKit shows it)");
    auto kit = zego::makeKitToken(minted.token, info);
    if (!kit)
        return kit.error().message;
    minted.token = *kit;
    minted.header.insert(QStringLiteral("kit"), true);
    return std::nullopt;
}

} // namespace

QString MintZegoCommand::description() const
{
    return QStringLiteral("Mint a ZEGOCLOUD Token04, optionally with room privileges or as a UIKit Kit Token.");
}

QList<OptionSpec> MintZegoCommand::providerOptions() const
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

MintOutcome MintZegoCommand::mint(const QCommandLineParser& parser, CliContext& context) const
{
    auto r = request(parser, context);
    if (!r)
        return stop(r.error());
    auto text = payload(parser);
    if (!text)
        return stop(text.error());
    r->payload = *text;
    auto minted = zego::mintToken04(*r, context.clock());
    if (!minted)
        return stop(minted.error());
    if (auto refused = applyKit(parser, r->appId, r->userId, *minted))
        return stop(*refused);
    return *minted;
}

} // namespace td::cli
