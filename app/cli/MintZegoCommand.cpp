// SPDX-License-Identifier: MIT
#include "app/cli/MintZegoCommand.h"

#include "app/cli/CliContext.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"

namespace td::cli {

int MintZegoCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Mint a ZEGOCLOUD Token04, optionally with room privileges or as a "
                                                    "UIKit Kit Token."));
    parser.addOptions({
        {QStringLiteral("app-id"), QStringLiteral("AppID (or ZEGO_APP_ID)."), QStringLiteral("N")},
        {QStringLiteral("server-secret"), QStringLiteral("32-character ServerSecret (or ZEGO_SERVER_SECRET)."),
         QStringLiteral("S")},
        {QStringLiteral("user-id"), QStringLiteral("User ID (1-64 characters)."), QStringLiteral("U")},
        {QStringLiteral("cipher"), QStringLiteral("gcm (default, newest generator) or cbc."),
         QStringLiteral("gcm|cbc")},
        {QStringLiteral("room-id"), QStringLiteral("Privilege: only this room."), QStringLiteral("R")},
        {QStringLiteral("allow-login"), QStringLiteral("Privilege 1: may log into the room (default true)."),
         QStringLiteral("true|false")},
        {QStringLiteral("allow-publish"), QStringLiteral("Privilege 2: may publish (default true)."),
         QStringLiteral("true|false")},
        {QStringLiteral("stream-id"), QStringLiteral("Privilege: a stream the user may publish (repeatable)."),
         QStringLiteral("ID")},
        {QStringLiteral("payload"), QStringLiteral("Raw payload string (instead of the privilege flags)."),
         QStringLiteral("STR")},
        {QStringLiteral("kit"), QStringLiteral("Output a UIKit Kit Token (Token04#room data).")},
        {QStringLiteral("kit-room-id"), QStringLiteral("Kit Token room ID (default: --room-id)."), QStringLiteral("R")},
        {QStringLiteral("user-name"), QStringLiteral("Kit Token user name."), QStringLiteral("NAME")},
    });
    addCommonMintOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (auto stop = handleCommonOptions(parser, context, Provider::Zego))
        return *stop;

    zego::Token04Request request;
    const QString appIdText =
        QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID")))
            .trimmed();
    bool ok = false;
    const qulonglong appId = appIdText.toULongLong(&ok);
    if (!ok || appId == 0 || appId > 0xffffffffULL)
        return context.error(ExitUsage, QStringLiteral("appID invalid (error 1): the AppID must be a non-zero 32-bit "
                                                       "number (--app-id or ZEGO_APP_ID)"));
    request.appId = static_cast<quint32>(appId);
    request.serverSecret =
        context.credential(parser, QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET"));
    request.userId = parser.value(QStringLiteral("user-id"));
    auto ttl = ttlOption(parser, zego::kDefaultEffectiveSeconds, context);
    if (!ttl)
        return context.error(ExitUsage, ttl.error());
    request.effectiveSeconds = *ttl;
    const QString cipher = parser.isSet(QStringLiteral("cipher")) ? parser.value(QStringLiteral("cipher"))
                                                                  : context.profileDefault(QStringLiteral("cipher"));
    if (!cipher.isEmpty()) {
        const auto layout = zego::parseLayout(cipher);
        if (!layout)
            return context.error(ExitUsage, QStringLiteral("--cipher takes gcm or cbc"));
        request.layout = *layout;
    }

    const bool privilegeFlags =
        parser.isSet(QStringLiteral("room-id")) || parser.isSet(QStringLiteral("allow-login")) ||
        parser.isSet(QStringLiteral("allow-publish")) || parser.isSet(QStringLiteral("stream-id"));
    if (privilegeFlags && parser.isSet(QStringLiteral("payload")))
        return context.error(ExitUsage, QStringLiteral("--payload cannot be combined with the privilege flags"));
    if (parser.isSet(QStringLiteral("payload")))
        request.payload = parser.value(QStringLiteral("payload"));
    if (privilegeFlags) {
        zego::RoomPrivilege privilege;
        privilege.roomId = parser.value(QStringLiteral("room-id"));
        for (const auto& [flag, target] : {std::pair{QStringLiteral("allow-login"), &privilege.allowLogin},
                                           std::pair{QStringLiteral("allow-publish"), &privilege.allowPublish}}) {
            if (!parser.isSet(flag))
                continue;
            const auto v = parseBool(parser.value(flag));
            if (!v)
                return context.error(ExitUsage, QStringLiteral("--%1 takes true or false").arg(flag));
            *target = *v;
        }
        if (parser.isSet(QStringLiteral("stream-id")))
            privilege.streamIds = parser.values(QStringLiteral("stream-id"));
        request.payload = privilege.toPayload();
    }

    auto minted = zego::mintToken04(request, context.clock());
    if (!minted)
        return context.error(ExitUsage, minted.error());
    if (parser.isSet(QStringLiteral("kit"))) {
        zego::KitInfo info;
        info.appId = request.appId;
        info.userId = request.userId;
        info.roomId = parser.isSet(QStringLiteral("kit-room-id")) ? parser.value(QStringLiteral("kit-room-id"))
                                                                  : parser.value(QStringLiteral("room-id"));
        info.userName = parser.value(QStringLiteral("user-name"));
        if (info.userName.isEmpty())
            return context.error(ExitUsage, QStringLiteral("a Kit Token needs --user-name (the UIKit shows it)"));
        auto kit = zego::makeKitToken(minted->token, info);
        if (!kit)
            return context.error(ExitUsage, kit.error());
        minted->token = *kit;
        minted->header.insert(QStringLiteral("kit"), true);
    } else if (parser.isSet(QStringLiteral("kit-room-id")) || parser.isSet(QStringLiteral("user-name"))) {
        return context.error(ExitUsage, QStringLiteral("--kit-room-id and --user-name only apply with --kit"));
    }
    return printMinted(*minted, parser.isSet(QStringLiteral("json")), context);
}

} // namespace td::cli
