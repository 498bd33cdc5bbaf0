// SPDX-License-Identifier: MIT
// tokendesk-cli mint zego: its options and how they become a Token04 or a Kit Token.
#include "core/providers/zego/ZegoCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/MintPlan.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonObject>

namespace td::zego {
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
Result<ZegoMint> request(const MintArguments& args, qint64 defaultTtl)
{
    ZegoMint r;
    const QString appIdText =
        QString::fromUtf8(args.credential(QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID"))).trimmed();
    bool ok = false;
    const qulonglong appId = appIdText.toULongLong(&ok);
    if (!ok || appId == 0 || appId > 0xffffffffULL)
        return std::unexpected(optionError(QStringLiteral("the AppID must be a non-zero 32-bit number (--app-id or "
                                                          "ZEGO_APP_ID; ZEGOCLOUD error 1, appID invalid)")));
    r.profile.provider = Provider::Zego;
    r.profile.appId = QString::number(appId);
    r.secrets.insert(QStringLiteral("serverSecret"),
                     args.credential(QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET")));
    r.plan.provider = Provider::Zego;
    r.plan.claims.insert(QStringLiteral("user_id"), args.value(QStringLiteral("user-id")));
    auto ttl = args.ttl(defaultTtl);
    if (!ttl)
        return std::unexpected(ttl.error());
    r.plan.ttlSeconds = *ttl;
    const QString cipher = args.valueOrProfile(QStringLiteral("cipher"), QStringLiteral("cipher"));
    if (!cipher.isEmpty()) {
        if (cipher.compare(QStringLiteral("gcm"), Qt::CaseInsensitive) != 0 &&
            cipher.compare(QStringLiteral("cbc"), Qt::CaseInsensitive) != 0)
            return std::unexpected(optionError(QStringLiteral("--cipher takes gcm or cbc")));
        r.plan.claims.insert(QStringLiteral("cipher"), cipher);
    }
    return r;
}

/** The payload: --payload, or the room privilege the flags describe; empty when neither is given. */
Result<QString> payload(const MintArguments& args)
{
    const bool privilegeFlags = args.isSet(QStringLiteral("room-id")) || args.isSet(QStringLiteral("allow-login")) ||
                                args.isSet(QStringLiteral("allow-publish")) || args.isSet(QStringLiteral("stream-id"));
    if (privilegeFlags && args.isSet(QStringLiteral("payload")))
        return std::unexpected(optionError(QStringLiteral("--payload cannot be combined with the privilege flags")));
    if (!privilegeFlags)
        return args.value(QStringLiteral("payload"));
    RoomPrivilege privilege;
    privilege.roomId = args.value(QStringLiteral("room-id"));
    for (const auto& [flag, target] : {std::pair{QStringLiteral("allow-login"), &privilege.allowLogin},
                                       std::pair{QStringLiteral("allow-publish"), &privilege.allowPublish}}) {
        const auto v = args.boolOption(flag);
        if (!v)
            return std::unexpected(v.error());
        if (*v)
            *target = **v;
    }
    if (args.isSet(QStringLiteral("stream-id")))
        privilege.streamIds = args.values(QStringLiteral("stream-id"));
    return privilege.toPayload();
}

/** With --kit, the plan asks for a UIKit Kit Token; an error message when the kit flags do not fit. */
std::optional<QString> kitClaims(const MintArguments& args, mint::MintPlan& plan)
{
    if (!args.isSet(QStringLiteral("kit"))) {
        if (args.isSet(QStringLiteral("kit-room-id")) || args.isSet(QStringLiteral("user-name")))
            return QStringLiteral("--kit-room-id and --user-name only apply with --kit");
        return std::nullopt;
    }
    const QString userName = args.value(QStringLiteral("user-name"));
    if (userName.isEmpty())
        return QStringLiteral("a Kit Token needs --user-name (the UIKit shows it)");
    const QString roomId = args.isSet(QStringLiteral("kit-room-id")) ? args.value(QStringLiteral("kit-room-id"))
                                                                     : args.value(QStringLiteral("room-id"));
    plan.claims.insert(QStringLiteral("kit"),
                       QJsonObject{{QStringLiteral("room_id"), roomId}, {QStringLiteral("user_name"), userName}});
    return std::nullopt;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    auto r = request(args, module.defaultTtlSeconds());
    if (!r)
        return std::unexpected(r.error());
    auto text = payload(args);
    if (!text)
        return std::unexpected(text.error());
    if (!text->isEmpty())
        r->plan.claims.insert(QStringLiteral("payload"), *text);
    if (auto refused = kitClaims(args, r->plan))
        return std::unexpected(optionError(*refused));
    auto prepared = module.prepare(r->profile, r->secrets);
    if (!prepared)
        return std::unexpected(prepared.error());
    auto minted = (*prepared)->mint(r->plan, args.clock(), {});
    if (!minted)
        return std::unexpected(minted.error());
    if (r->plan.claims.contains(QStringLiteral("kit")))
        minted->header.insert(QStringLiteral("kit"), true);
    return *minted;
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.provider = Provider::Zego;
    profile.appId = QString::number(credential("ZEGO_APP_ID", "1234567890").toUInt());
    auto prepared = module.prepare(
        profile, crypto::SecretMap(ProfileSecrets{
                     {QStringLiteral("serverSecret"), credential("ZEGO_SERVER_SECRET", credential.throwawaySecret)}}));
    if (!prepared)
        return std::unexpected(prepared.error());
    return BenchMint([minter = *prepared, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        mint::MintPlan plan;
        plan.provider = Provider::Zego;
        plan.ttlSeconds = ttl;
        plan.claims.insert(QStringLiteral("user_id"), QStringLiteral("user-%1").arg(i));
        return minter->mint(plan, clock, {}).has_value();
    });
}

} // namespace td::zego
