// SPDX-License-Identifier: MIT
// tokendesk-cli mint jaas and mint jitsi: their options and how they become a JaaS or self-hosted Jitsi token.
#include "core/providers/jitsi/JitsiCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/crypto/Pem.h"
#include "core/providers/jitsi/JitsiModule.h"

#include <span>

namespace td::jitsi {
namespace {

const OptionSpec kJaasIds[] = {
    option("app-id", "ID", "JaaS AppID vpaas-magic-cookie-... (or JAAS_APP_ID)."),
    option("key-id", "KID", "Key id AppID/kid (or JAAS_KEY_ID)."),
};
const OptionSpec kJitsiIds[] = {
    option("app-id", "ID", "Prosody app_id, the issuer (or JITSI_APP_ID)."),
    option("key-id", "KID", "Key id (kid) for RS256."),
};
const OptionSpec kShared[] = {
    option("private-key", "FILE", "RSA private key PEM file.").file(),
    option("passphrase-file", "FILE", "File holding the private key's passphrase.").file(),
    option("room", "ROOM", "Room name, or * for any room."),
    flag("room-regex", "Treat --room as a pattern (context.room.regex)."),
    flag("room-raw", "Write --room exactly as given, not as the name Jitsi Meet joins (team%20standup)."),
    option("user-id", "ID", "context.user.id."),
    option("user-name", "NAME", "context.user.name."),
    option("user-email", "EMAIL", "context.user.email."),
    option("user-avatar", "URL", "context.user.avatar."),
    option("moderator", "true|false", "context.user.moderator.").oneOf(),
    option("hidden-from-recorder", "true|false", "context.user.hidden-from-recorder.").oneOf(),
    option("feature", "NAME=BOOL", "context.features NAME=true|false (repeatable).").repeat(),
    option("nbf-skew", "SECONDS", "Back-date nbf by this many seconds (default 10)."),
};
const OptionSpec kSelfHosted[] = {
    option("app-secret", "SECRET", "Prosody app_secret for HS256 (or JITSI_APP_SECRET)."),
    option("audience", "AUD", "aud (default jitsi)."),
    option("subject", "DOMAIN", "sub: the domain, tenant or * (default *)."),
    option("affiliation", "owner|member", "context.user.affiliation: owner or member.").oneOf(),
    option("group", "G", "context.group."),
};

/**
 * --private-key (with --passphrase-file), else the variable's PEM, checked to load, into `secrets` as the profile
 * would hold them ("privateKey", "privateKeyPassphrase"). Returns whether there was a key.
 */
Result<bool> loadKey(const MintArguments& args, const QString& pemEnv, crypto::SecretMap& secrets)
{
    QByteArray pem;
    if (args.isSet(QStringLiteral("private-key"))) {
        auto file = args.readFile(args.value(QStringLiteral("private-key")));
        if (!file)
            return std::unexpected(file.error());
        pem = *file;
    } else if (!pemEnv.isEmpty()) {
        pem = args.environmentValue(pemEnv);
    }
    if (pem.isEmpty())
        return false;
    QByteArray passphrase;
    if (args.isSet(QStringLiteral("passphrase-file"))) {
        auto file = args.readFile(args.value(QStringLiteral("passphrase-file")));
        if (!file)
            return std::unexpected(file.error());
        passphrase = *file;
        while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
            passphrase.chop(1);
    }
    if (auto key = crypto::loadRsaPrivateKey(pem, passphrase); !key)
        return fail(key.error().code, QStringLiteral("private key: ") + key.error().message);
    // The map wipes them when the last holder lets go (a PEM from --env-file or --profile stays with the context).
    secrets.insert(QStringLiteral("privateKey"), std::move(pem));
    if (!passphrase.isEmpty())
        secrets.insert(QStringLiteral("privateKeyPassphrase"), std::move(passphrase));
    return true;
}

/** Room, user and features: what JaaS and self-hosted tokens share. */
Result<JitsiClaims> claimsFromFlags(const MintArguments& args)
{
    JitsiClaims claims;
    claims.room = args.isSet(QStringLiteral("room")) ? args.value(QStringLiteral("room"))
                                                     : args.profileDefault(QStringLiteral("room"));
    claims.roomRegex = args.isSet(QStringLiteral("room-regex"));
    claims.roomRaw = args.isSet(QStringLiteral("room-raw"));
    claims.user.id = args.value(QStringLiteral("user-id"));
    claims.user.name = args.value(QStringLiteral("user-name"));
    claims.user.email = args.value(QStringLiteral("user-email"));
    claims.user.avatar = args.value(QStringLiteral("user-avatar"));
    for (const auto& [flag, target] :
         {std::pair{QStringLiteral("moderator"), &claims.user.moderator},
          std::pair{QStringLiteral("hidden-from-recorder"), &claims.user.hiddenFromRecorder}}) {
        const auto v = args.boolOption(flag);
        if (!v)
            return std::unexpected(v.error());
        if (*v)
            *target = **v;
    }
    for (const QString& f : args.values(QStringLiteral("feature"))) {
        auto feature = parseFeature(f);
        if (!feature)
            return std::unexpected(feature.error());
        claims.features.append(*feature);
    }
    return claims;
}

Result<qint64> notBeforeSkew(const MintArguments& args)
{
    if (!args.isSet(QStringLiteral("nbf-skew")))
        return kDefaultNotBeforeSkew;
    bool ok = false;
    const qint64 skew = args.value(QStringLiteral("nbf-skew")).toLongLong(&ok);
    if (!ok || skew < 0 || skew > 3600)
        return std::unexpected(optionError(QStringLiteral("--nbf-skew takes 0 to 3600 seconds")));
    return skew;
}

/** Mints the claims with the credentials through the provider module, as every other front door does. */
Result<MintedToken> mintWith(const ProviderModule& module, const credentials::Profile& profile,
                             const crypto::SecretMap& secrets, const JitsiClaims& claims, qint64 ttl, qint64 skew,
                             const Clock& clock)
{
    auto prepared = module.prepare(profile, secrets);
    if (!prepared)
        return std::unexpected(prepared.error());
    const auto* minter = dynamic_cast<const PreparedJitsi*>(prepared->get());
    if (!minter)
        return fail(ErrorCode::NotApplicable, QStringLiteral("this mint needs a Jitsi module"));
    return minter->mintClaims(claims, ttl, skew, clock);
}

Result<MintedToken> mintJaas(const ProviderModule& module, const MintArguments& args, const JitsiClaims& claims,
                             qint64 ttl, qint64 skew)
{
    credentials::Profile profile;
    profile.provider = Provider::Jaas;
    profile.appId = QString::fromUtf8(args.credential(QStringLiteral("app-id"), QStringLiteral("JAAS_APP_ID")));
    profile.keyId = QString::fromUtf8(args.credential(QStringLiteral("key-id"), QStringLiteral("JAAS_KEY_ID")));
    crypto::SecretMap secrets;
    auto key = loadKey(args, QStringLiteral("JAAS_PRIVATE_KEY"), secrets);
    if (!key)
        return std::unexpected(key.error());
    if (!*key)
        return std::unexpected(
            optionError(QStringLiteral("a JaaS token needs the private key (--private-key FILE or JAAS_PRIVATE_KEY)")));
    return mintWith(module, profile, secrets, claims, ttl, skew, args.clock());
}

Result<MintedToken> mintSelfHosted(const ProviderModule& module, const MintArguments& args, JitsiClaims claims,
                                   qint64 ttl, qint64 skew)
{
    credentials::Profile profile;
    profile.provider = Provider::Jitsi;
    profile.appId = QString::fromUtf8(args.credential(QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
    if (args.isSet(QStringLiteral("private-key")) && args.isSet(QStringLiteral("app-secret")))
        return std::unexpected(
            optionError(QStringLiteral("give either --app-secret (HS256) or --private-key (RS256), not both")));
    crypto::SecretMap secrets;
    // A flag decides; otherwise the app secret (HS256, Prosody's default) before a stored private key.
    if (!args.isSet(QStringLiteral("private-key")))
        secrets.insert(QStringLiteral("appSecret"),
                       args.credential(QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET")));
    if (secrets.value(QStringLiteral("appSecret")).isEmpty()) {
        if (auto key = loadKey(args, QStringLiteral("JITSI_PRIVATE_KEY"), secrets); !key)
            return std::unexpected(key.error());
    }
    profile.keyId = QString::fromUtf8(args.credential(QStringLiteral("key-id"), QStringLiteral("JITSI_KEY_ID")));
    // The flag's value when given, else the profile's default; "" for neither (the minter's default then).
    profile.audience = args.valueOrProfile(QStringLiteral("audience"), QStringLiteral("audience"));
    profile.subject = args.valueOrProfile(QStringLiteral("subject"), QStringLiteral("subject"));
    // An empty flag is not "the default": Prosody needs an aud.
    if (args.isSet(QStringLiteral("audience")) && profile.audience.isEmpty())
        return std::unexpected(optionError(QStringLiteral("the audience must not be empty: Prosody requires aud")));
    claims.user.affiliation = args.value(QStringLiteral("affiliation"));
    claims.group = args.value(QStringLiteral("group"));
    return mintWith(module, profile, secrets, claims, ttl, skew, args.clock());
}

} // namespace

QList<OptionSpec> mintOptions(bool jaas)
{
    QList<OptionSpec> options;
    for (const OptionSpec& o : jaas ? std::span(kJaasIds) : std::span(kJitsiIds))
        options << o;
    options.append(QList<OptionSpec>(std::begin(kShared), std::end(kShared)));
    if (!jaas)
        options.append(QList<OptionSpec>(std::begin(kSelfHosted), std::end(kSelfHosted)));
    return options;
}

Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args, bool jaas)
{
    auto claims = claimsFromFlags(args);
    if (!claims)
        return std::unexpected(claims.error());
    auto skew = notBeforeSkew(args);
    if (!skew)
        return std::unexpected(skew.error());
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return jaas ? mintJaas(module, args, *claims, *ttl, *skew) : mintSelfHosted(module, args, *claims, *ttl, *skew);
}

Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock,
                              bool jaas)
{
    credentials::Profile profile;
    profile.provider = module.id();
    crypto::SecretMap secrets;
    if (jaas) {
        // Always a fresh key: a JaaS profile's key is not read by bench.
        auto key = crypto::RsaPrivateKey::generate(2048);
        if (!key)
            return std::unexpected(key.error());
        profile.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
        profile.keyId = QStringLiteral("bench");
        secrets.insert(QStringLiteral("privateKey"), key->pkcs8Pem());
    } else {
        profile.appId = QString::fromUtf8(credential("JITSI_APP_ID", "bench-app"));
        profile.subject = QStringLiteral("meet.example.com");
        secrets.insert(QStringLiteral("appSecret"), credential("JITSI_APP_SECRET", credential.throwawaySecret));
    }
    auto prepared = module.prepare(profile, secrets);
    if (!prepared)
        return std::unexpected(prepared.error());
    auto minter = std::dynamic_pointer_cast<const PreparedJitsi>(*prepared);
    if (!minter)
        return fail(ErrorCode::NotApplicable, QStringLiteral("bench needs a Jitsi module"));
    // The claims minted as they are, through the module's prepared minter.
    return BenchMint([minter, &clock, ttl = module.defaultTtlSeconds()](qint64 i) {
        JitsiClaims claims;
        claims.room = QStringLiteral("bench-room");
        claims.user.id = QStringLiteral("user-%1").arg(i);
        claims.user.name = QStringLiteral("User %1").arg(i);
        return minter->mintClaims(claims, ttl, kDefaultNotBeforeSkew, clock).has_value();
    });
}

} // namespace td::jitsi
