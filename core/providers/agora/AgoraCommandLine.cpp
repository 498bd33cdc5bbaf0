// SPDX-License-Identifier: MIT
// tokendesk-cli mint agora: its options and how they become an AccessToken2.
#include "core/providers/agora/AgoraCommandLine.h"

#include "core/Duration.h"
#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/agora/AgoraModule.h"

namespace td::agora {
namespace {

const OptionSpec kOptions[] = {
    option("app-id", "ID", "App ID, 32 hex characters (or AGORA_APP_ID)."),
    option("app-certificate", "CERT", "App certificate, 32 hex characters (or AGORA_APP_CERTIFICATE)."),
    option("channel", "NAME", "The RTC channel (under 64 bytes)."),
    option("uid", "N", "The user's numeric uid (0: any user)."),
    option("account", "S", "The user's account (a string user ID), instead of --uid."),
    option("role", "publisher|subscriber", "publisher (default): join and publish; subscriber: join only.").oneOf(),
    option("privilege-ttl", "DURATION", "How long the join and publish privileges last (default: the token's TTL)."),
    option("rtm-user-id", "USER", "Add an RTM login service for this user."),
    option("chat-user-id", "USER", "Add a Chat user service for this user."),
};

Result<std::shared_ptr<const PreparedAgora>> prepared(const ProviderModule& module, const QString& appId,
                                                      const QByteArray& certificate)
{
    credentials::Profile profile;
    profile.provider = module.id();
    profile.appId = appId;
    auto minter =
        module.prepare(profile, crypto::SecretMap(ProfileSecrets{{QStringLiteral("apiSecret"), certificate}}));
    if (!minter)
        return std::unexpected(minter.error());
    auto agora = std::dynamic_pointer_cast<const PreparedAgora>(*minter);
    if (!agora)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint agora needs the Agora module"));
    return agora;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    auto minter =
        prepared(module, QString::fromUtf8(args.credential(QStringLiteral("app-id"), QStringLiteral("AGORA_APP_ID"))),
                 args.credential(QStringLiteral("app-certificate"), QStringLiteral("AGORA_APP_CERTIFICATE")));
    if (!minter)
        return std::unexpected(minter.error());
    AgoraClaims claims;
    claims.channel = args.valueOrProfile(QStringLiteral("channel"), QStringLiteral("room"));
    const bool hasUid = args.isSet(QStringLiteral("uid"));
    if (hasUid == args.isSet(QStringLiteral("account")))
        return fail(optionError(QStringLiteral("give the user with exactly one of --uid N and --account S")));
    if (hasUid) {
        bool ok = false;
        const qulonglong uid = args.value(QStringLiteral("uid")).trimmed().toULongLong(&ok);
        if (!ok || uid > 4294967295ULL)
            return fail(optionError(QStringLiteral("--uid takes a whole number from 0 to 4294967295")));
        claims.uid = static_cast<quint32>(uid);
    } else {
        claims.account = args.value(QStringLiteral("account"));
        if (claims.account.isEmpty())
            return fail(optionError(QStringLiteral("--account is empty: give the user's account, or --uid 0 for "
                                                   "any user")));
    }
    const QString role =
        args.isSet(QStringLiteral("role")) ? args.value(QStringLiteral("role")) : QStringLiteral("publisher");
    if (role != QStringLiteral("publisher") && role != QStringLiteral("subscriber"))
        return fail(optionError(QStringLiteral("--role takes publisher or subscriber")));
    claims.publisher = role == QStringLiteral("publisher");
    if (args.isSet(QStringLiteral("privilege-ttl"))) {
        auto privilege = parseDuration(args.value(QStringLiteral("privilege-ttl")));
        if (!privilege)
            return fail(optionError(QStringLiteral("--privilege-ttl: %1").arg(privilege.error().message)));
        claims.privilegeTtlSeconds = *privilege;
    }
    claims.rtmUserId = args.value(QStringLiteral("rtm-user-id"));
    claims.chatUserId = args.value(QStringLiteral("chat-user-id"));
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return (*minter)->mintClaims(claims, *ttl, args.clock());
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    auto minter = prepared(module, QString::fromUtf8(credential("AGORA_APP_ID", "0123456789abcdef0123456789abcdef")),
                           credential("AGORA_APP_CERTIFICATE", credential.throwawaySecret));
    if (!minter)
        return std::unexpected(minter.error());
    return BenchMint([agora = *minter, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        AgoraClaims claims;
        claims.channel = QStringLiteral("bench-room");
        claims.uid = static_cast<quint32>(i + 1);
        return agora->mintClaims(claims, ttl, clock).has_value();
    });
}

} // namespace td::agora
