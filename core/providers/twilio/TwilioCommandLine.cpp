// SPDX-License-Identifier: MIT
// tokendesk-cli mint twilio: its options and how they become a Twilio Access Token.
#include "core/providers/twilio/TwilioCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/twilio/TwilioModule.h"

namespace td::twilio {
namespace {

const OptionSpec kOptions[] = {
    option("account-sid", "AC…", "Account SID (or TWILIO_ACCOUNT_SID): the token's sub."),
    option("api-key", "SK…", "API key SID (or TWILIO_API_KEY): the token's iss."),
    option("api-secret", "SECRET", "The API key's secret (or TWILIO_API_SECRET)."),
    option("identity", "ID", "The user's identity (grants.identity)."),
    option("room", "ROOM", "The one Video room the token opens (no room: every room of the account)."),
    option("chat-service-sid", "IS…", "Add a Conversations/Chat grant for this service."),
    option("sync-service-sid", "IS…", "Add a Sync grant for this service."),
    option("voice-app-sid", "AP…", "Add a Voice grant: outgoing calls through this TwiML app."),
    flag("voice-incoming", "Add a Voice grant: incoming calls to the identity."),
};

Result<std::shared_ptr<const PreparedTwilio>> prepared(const ProviderModule& module, const QString& accountSid,
                                                       const QString& apiKey, const QByteArray& secret)
{
    credentials::Profile profile;
    profile.provider = module.id();
    profile.appId = accountSid;
    profile.apiKey = apiKey;
    auto minter = module.prepare(profile, crypto::SecretMap(ProfileSecrets{{QStringLiteral("apiSecret"), secret}}));
    if (!minter)
        return std::unexpected(minter.error());
    auto twilio = std::dynamic_pointer_cast<const PreparedTwilio>(*minter);
    if (!twilio)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint twilio needs the Twilio module"));
    return twilio;
}

} // namespace

QList<OptionSpec> mintOptions()
{
    return QList<OptionSpec>(std::begin(kOptions), std::end(kOptions));
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args)
{
    auto minter = prepared(
        module, QString::fromUtf8(args.credential(QStringLiteral("account-sid"), QStringLiteral("TWILIO_ACCOUNT_SID"))),
        QString::fromUtf8(args.credential(QStringLiteral("api-key"), QStringLiteral("TWILIO_API_KEY"))),
        args.credential(QStringLiteral("api-secret"), QStringLiteral("TWILIO_API_SECRET")));
    if (!minter)
        return std::unexpected(minter.error());
    TwilioGrants grants;
    grants.identity = args.value(QStringLiteral("identity"));
    grants.room = args.value(QStringLiteral("room"));
    grants.chatServiceSid = args.value(QStringLiteral("chat-service-sid"));
    grants.syncServiceSid = args.value(QStringLiteral("sync-service-sid"));
    grants.voiceAppSid = args.value(QStringLiteral("voice-app-sid"));
    grants.voiceIncoming = args.isSet(QStringLiteral("voice-incoming"));
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return (*minter)->mintGrants(grants, *ttl, args.clock());
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    auto minter =
        prepared(module, QString::fromUtf8(credential("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")),
                 QString::fromUtf8(credential("TWILIO_API_KEY", "SK0123456789abcdef0123456789abcdef")),
                 credential("TWILIO_API_SECRET", credential.throwawaySecret));
    if (!minter)
        return std::unexpected(minter.error());
    return BenchMint([twilio = *minter, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        TwilioGrants grants;
        grants.identity = QStringLiteral("user-%1").arg(i);
        grants.room = QStringLiteral("bench-room");
        return twilio->mintGrants(grants, ttl, clock).has_value();
    });
}

} // namespace td::twilio
