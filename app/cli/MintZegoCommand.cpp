// SPDX-License-Identifier: MIT
#include "app/cli/MintZegoCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonObject>

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

/** What a Zego mint needs: the credentials as a profile and its secret, and the plan. */
struct ZegoMint {
    credentials::Profile profile;
    crypto::SecretMap secrets;
    mint::MintPlan plan;
};

/** AppID, ServerSecret, user, lifetime and cipher. */
std::expected<ZegoMint, QString> request(const QCommandLineParser& parser, const CliContext& context)
{
    ZegoMint r;
    const QString appIdText =
        QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID")))
            .trimmed();
    bool ok = false;
    const qulonglong appId = appIdText.toULongLong(&ok);
    if (!ok || appId == 0 || appId > 0xffffffffULL)
        return stop(QStringLiteral("the AppID must be a non-zero 32-bit number (--app-id or ZEGO_APP_ID; "
                                   "ZEGOCLOUD error 1, appID invalid)"));
    r.profile.provider = Provider::Zego;
    r.profile.appId = QString::number(appId);
    r.secrets.insert(QStringLiteral("serverSecret"),
                     context.credential(parser, QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET")));
    r.plan.provider = Provider::Zego;
    r.plan.claims.insert(QStringLiteral("user_id"), parser.value(QStringLiteral("user-id")));
    auto ttl = ttlOption(parser, mint::defaultTtlSeconds(Provider::Zego), context);
    if (!ttl)
        return stop(ttl.error());
    r.plan.ttlSeconds = *ttl;
    const QString cipher = parser.isSet(QStringLiteral("cipher")) ? parser.value(QStringLiteral("cipher"))
                                                                  : context.profileDefault(QStringLiteral("cipher"));
    if (!cipher.isEmpty()) {
        if (cipher.compare(QStringLiteral("gcm"), Qt::CaseInsensitive) != 0 &&
            cipher.compare(QStringLiteral("cbc"), Qt::CaseInsensitive) != 0)
            return stop(QStringLiteral("--cipher takes gcm or cbc"));
        r.plan.claims.insert(QStringLiteral("cipher"), cipher);
    }
    return r;
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

/** With --kit, the plan asks for a UIKit Kit Token; an error message when the kit flags do not fit. */
std::optional<QString> kitClaims(const QCommandLineParser& parser, mint::MintPlan& plan)
{
    if (!parser.isSet(QStringLiteral("kit"))) {
        if (parser.isSet(QStringLiteral("kit-room-id")) || parser.isSet(QStringLiteral("user-name")))
            return QStringLiteral("--kit-room-id and --user-name only apply with --kit");
        return std::nullopt;
    }
    const QString userName = parser.value(QStringLiteral("user-name"));
    if (userName.isEmpty())
        return QStringLiteral("a Kit Token needs --user-name (the UIKit shows it)");
    const QString roomId = parser.isSet(QStringLiteral("kit-room-id")) ? parser.value(QStringLiteral("kit-room-id"))
                                                                       : parser.value(QStringLiteral("room-id"));
    plan.claims.insert(QStringLiteral("kit"),
                       QJsonObject{{QStringLiteral("room_id"), roomId}, {QStringLiteral("user_name"), userName}});
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
    if (!text->isEmpty())
        r->plan.claims.insert(QStringLiteral("payload"), *text);
    if (auto refused = kitClaims(parser, r->plan))
        return stop(*refused);
    auto minter = mint::PlanMinter::create(r->profile, r->secrets);
    if (!minter)
        return stop(minter.error());
    auto minted = minter->mint(r->plan, context.clock());
    if (!minted)
        return stop(minted.error());
    if (r->plan.claims.contains(QStringLiteral("kit")))
        minted->header.insert(QStringLiteral("kit"), true);
    return *minted;
}

} // namespace td::cli
