// SPDX-License-Identifier: MIT
// tokendesk-cli mint 100ms: its options and how they become a 100ms token.
#include "core/providers/hms/HmsCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/hms/HmsModule.h"

namespace td::hms {
namespace {

const OptionSpec kOptions[] = {
    option("access-key", "KEY", "The app access key (or HMS_ACCESS_KEY): the token's access_key."),
    option("secret", "SECRET", "The app secret (or HMS_SECRET)."),
    option("room-id", "ID", "The room the auth token joins (room_id, the ID the dashboard shows)."),
    option("user-id", "USER", "The user (user_id)."),
    option("role", "ROLE", "A role of the room's template (role), such as host or guest."),
    flag("management", "A management token for the REST API (no room, user or role)."),
};

Result<std::shared_ptr<const PreparedHms>> prepared(const ProviderModule& module, const QString& accessKey,
                                                    const QByteArray& secret)
{
    credentials::Profile profile;
    profile.provider = module.id();
    profile.apiKey = accessKey;
    auto minter = module.prepare(profile, crypto::SecretMap(ProfileSecrets{{QStringLiteral("apiSecret"), secret}}));
    if (!minter)
        return std::unexpected(minter.error());
    auto hms = std::dynamic_pointer_cast<const PreparedHms>(*minter);
    if (!hms)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint 100ms needs the 100ms module"));
    return hms;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    auto minter = prepared(
        module, QString::fromUtf8(args.credential(QStringLiteral("access-key"), QStringLiteral("HMS_ACCESS_KEY"))),
        args.credential(QStringLiteral("secret"), QStringLiteral("HMS_SECRET")));
    if (!minter)
        return std::unexpected(minter.error());
    HmsClaims claims;
    claims.management = args.isSet(QStringLiteral("management"));
    if (claims.management) {
        for (const char* option : {"room-id", "user-id", "role"}) {
            if (args.isSet(QLatin1String(option)))
                return fail(optionError(QStringLiteral("--management takes no --%1: a management token is for the "
                                                       "whole workspace")
                                            .arg(QLatin1String(option))));
        }
    } else {
        claims.roomId = args.valueOrProfile(QStringLiteral("room-id"), QStringLiteral("room"));
        claims.userId = args.value(QStringLiteral("user-id"));
        claims.role = args.value(QStringLiteral("role"));
    }
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return (*minter)->mintClaims(claims, *ttl, args.clock());
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    auto minter = prepared(module, QString::fromUtf8(credential("HMS_ACCESS_KEY", "bench-access-key")),
                           credential("HMS_SECRET", credential.throwawaySecret));
    if (!minter)
        return std::unexpected(minter.error());
    return BenchMint([hms = *minter, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        HmsClaims claims;
        claims.userId = QStringLiteral("user-%1").arg(i);
        claims.roomId = QStringLiteral("bench-room");
        claims.role = QStringLiteral("host");
        return hms->mintClaims(claims, ttl, clock).has_value();
    });
}

} // namespace td::hms
