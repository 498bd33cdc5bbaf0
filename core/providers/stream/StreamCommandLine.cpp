// SPDX-License-Identifier: MIT
// tokendesk-cli mint stream: its options and how they become a Stream token.
#include "core/providers/stream/StreamCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/stream/StreamModule.h"

namespace td::stream {
namespace {

const OptionSpec kOptions[] = {
    option("api-key", "KEY", "API key (or STREAM_API_KEY); names the app, not written into the token."),
    option("api-secret", "SECRET", "API secret (or STREAM_API_SECRET)."),
    option("user-id", "USER", "The user the token is for (user_id)."),
    option("call-cid", "TYPE:ID", "A call the token is limited to, such as default:standup (repeatable).").repeat(),
    option("role", "ROLE", "The role in those calls (role), such as host or call_member."),
};

Result<std::shared_ptr<const PreparedStream>> prepared(const ProviderModule& module, const QString& apiKey,
                                                       const QByteArray& secret)
{
    credentials::Profile profile;
    profile.provider = module.id();
    profile.apiKey = apiKey;
    auto minter = module.prepare(profile, crypto::SecretMap(ProfileSecrets{{QStringLiteral("apiSecret"), secret}}));
    if (!minter)
        return std::unexpected(minter.error());
    auto stream = std::dynamic_pointer_cast<const PreparedStream>(*minter);
    if (!stream)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint stream needs the Stream module"));
    return stream;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    auto minter = prepared(
        module, QString::fromUtf8(args.credential(QStringLiteral("api-key"), QStringLiteral("STREAM_API_KEY"))),
        args.credential(QStringLiteral("api-secret"), QStringLiteral("STREAM_API_SECRET")));
    if (!minter)
        return std::unexpected(minter.error());
    StreamClaims claims;
    claims.userId = args.value(QStringLiteral("user-id"));
    claims.callCids = args.values(QStringLiteral("call-cid"));
    claims.role = args.value(QStringLiteral("role"));
    // As the SDK does when it is given a validity: an explicit TTL is written as validity_in_seconds too.
    claims.writeValidity = args.isSet(QStringLiteral("ttl"));
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return (*minter)->mintClaims(claims, *ttl, args.clock());
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    auto minter = prepared(module, QString::fromUtf8(credential("STREAM_API_KEY", "bench-key")),
                           credential("STREAM_API_SECRET", credential.throwawaySecret));
    if (!minter)
        return std::unexpected(minter.error());
    return BenchMint([stream = *minter, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        StreamClaims claims;
        claims.userId = QStringLiteral("user-%1").arg(i);
        claims.callCids = {QStringLiteral("default:bench-room")};
        return stream->mintClaims(claims, ttl, clock).has_value();
    });
}

} // namespace td::stream
