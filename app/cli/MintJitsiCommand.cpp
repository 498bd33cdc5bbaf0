// SPDX-License-Identifier: MIT
#include "app/cli/MintJitsiCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Pem.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/jitsi/JitsiModule.h"

#include <span>

namespace td::cli {
namespace {

template <typename T> using Outcome = std::expected<T, QString>;

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
Result<bool> loadKey(const QCommandLineParser& parser, CliContext& context, const QString& pemEnv,
                     crypto::SecretMap& secrets)
{
    QByteArray pem;
    if (parser.isSet(QStringLiteral("private-key"))) {
        auto file = context.readInput(parser.value(QStringLiteral("private-key")));
        if (!file)
            return std::unexpected(file.error());
        pem = *file;
    } else if (!pemEnv.isEmpty()) {
        pem = context.environmentValue(pemEnv);
    }
    if (pem.isEmpty())
        return false;
    QByteArray passphrase;
    if (parser.isSet(QStringLiteral("passphrase-file"))) {
        auto file = context.readInput(parser.value(QStringLiteral("passphrase-file")));
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
Outcome<jitsi::JitsiClaims> claimsFromFlags(const QCommandLineParser& parser, const CliContext& context)
{
    jitsi::JitsiClaims claims;
    claims.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room"))
                                                       : context.profileDefault(QStringLiteral("room"));
    claims.roomRegex = parser.isSet(QStringLiteral("room-regex"));
    claims.roomRaw = parser.isSet(QStringLiteral("room-raw"));
    claims.user.id = parser.value(QStringLiteral("user-id"));
    claims.user.name = parser.value(QStringLiteral("user-name"));
    claims.user.email = parser.value(QStringLiteral("user-email"));
    claims.user.avatar = parser.value(QStringLiteral("user-avatar"));
    for (const auto& [flag, target] :
         {std::pair{QStringLiteral("moderator"), &claims.user.moderator},
          std::pair{QStringLiteral("hidden-from-recorder"), &claims.user.hiddenFromRecorder}}) {
        const auto v = boolFlag(parser, flag);
        if (!v)
            return stop(v.error());
        if (*v)
            *target = **v;
    }
    for (const QString& f : parser.values(QStringLiteral("feature"))) {
        auto feature = jitsi::parseFeature(f);
        if (!feature)
            return stop(feature.error());
        claims.features.append(*feature);
    }
    return claims;
}

Outcome<qint64> notBeforeSkew(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("nbf-skew")))
        return jitsi::kDefaultNotBeforeSkew;
    bool ok = false;
    const qint64 skew = parser.value(QStringLiteral("nbf-skew")).toLongLong(&ok);
    if (!ok || skew < 0 || skew > 3600)
        return stop(QStringLiteral("--nbf-skew takes 0 to 3600 seconds"));
    return skew;
}

/** Mints the claims with the credentials through the provider module, as every other front door does. */
MintOutcome mintWith(const credentials::Profile& profile, const crypto::SecretMap& secrets,
                     const jitsi::JitsiClaims& claims, qint64 ttl, qint64 skew, const Clock& clock)
{
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return stop(minter.error());
    auto minted = minter->prepared<jitsi::PreparedJitsi>()->mintClaims(claims, ttl, skew, clock);
    if (!minted)
        return stop(minted.error());
    return *minted;
}

MintOutcome mintJaas(const QCommandLineParser& parser, CliContext& context, const jitsi::JitsiClaims& claims,
                     qint64 ttl, qint64 skew)
{
    credentials::Profile profile;
    profile.provider = Provider::Jaas;
    profile.appId =
        QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JAAS_APP_ID")));
    profile.keyId =
        QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JAAS_KEY_ID")));
    crypto::SecretMap secrets;
    auto key = loadKey(parser, context, QStringLiteral("JAAS_PRIVATE_KEY"), secrets);
    if (!key)
        return stop(key.error());
    if (!*key)
        return stop(QStringLiteral("a JaaS token needs the private key (--private-key FILE or JAAS_PRIVATE_KEY)"));
    return mintWith(profile, secrets, claims, ttl, skew, context.clock());
}

/** The flag's value when given, else the profile's default; "" for neither (the minter's default then). */
QString flagOrProfile(const QCommandLineParser& parser, const CliContext& context, const QString& name)
{
    return parser.isSet(name) ? parser.value(name) : context.profileDefault(name);
}

MintOutcome mintSelfHosted(const QCommandLineParser& parser, CliContext& context, jitsi::JitsiClaims claims, qint64 ttl,
                           qint64 skew)
{
    credentials::Profile profile;
    profile.provider = Provider::Jitsi;
    profile.appId =
        QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
    if (parser.isSet(QStringLiteral("private-key")) && parser.isSet(QStringLiteral("app-secret")))
        return stop(QStringLiteral("give either --app-secret (HS256) or --private-key (RS256), not both"));
    crypto::SecretMap secrets;
    // A flag decides; otherwise the app secret (HS256, Prosody's default) before a stored private key.
    if (!parser.isSet(QStringLiteral("private-key")))
        secrets.insert(QStringLiteral("appSecret"),
                       context.credential(parser, QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET")));
    if (secrets.value(QStringLiteral("appSecret")).isEmpty()) {
        if (auto key = loadKey(parser, context, QStringLiteral("JITSI_PRIVATE_KEY"), secrets); !key)
            return stop(key.error());
    }
    profile.keyId =
        QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JITSI_KEY_ID")));
    profile.audience = flagOrProfile(parser, context, QStringLiteral("audience"));
    profile.subject = flagOrProfile(parser, context, QStringLiteral("subject"));
    // An empty flag is not "the default": Prosody needs an aud.
    if (parser.isSet(QStringLiteral("audience")) && profile.audience.isEmpty())
        return stop(QStringLiteral("the audience must not be empty: Prosody requires aud"));
    claims.user.affiliation = parser.value(QStringLiteral("affiliation"));
    claims.group = parser.value(QStringLiteral("group"));
    return mintWith(profile, secrets, claims, ttl, skew, context.clock());
}

} // namespace

QString MintJitsiCommand::description() const
{
    return m_jaas ? QStringLiteral("Mint an 8x8 JaaS token (RS256).")
                  : QStringLiteral("Mint a self-hosted Jitsi (Prosody) token, HS256 or RS256.");
}

QList<OptionSpec> MintJitsiCommand::providerOptions() const
{
    QList<OptionSpec> options;
    for (const OptionSpec& o : m_jaas ? std::span(kJaasIds) : std::span(kJitsiIds))
        options << o;
    options.append(QList<OptionSpec>(std::begin(kShared), std::end(kShared)));
    if (!m_jaas)
        options.append(QList<OptionSpec>(std::begin(kSelfHosted), std::end(kSelfHosted)));
    return options;
}

MintOutcome MintJitsiCommand::mint(const QCommandLineParser& parser, CliContext& context) const
{
    auto claims = claimsFromFlags(parser, context);
    if (!claims)
        return stop(claims.error());
    auto skew = notBeforeSkew(parser);
    if (!skew)
        return stop(skew.error());
    auto ttl = ttlOption(parser, mint::defaultTtlSeconds(m_jaas ? Provider::Jaas : Provider::Jitsi), context);
    if (!ttl)
        return stop(ttl.error());
    return m_jaas ? mintJaas(parser, context, *claims, *ttl, *skew)
                  : mintSelfHosted(parser, context, *claims, *ttl, *skew);
}

} // namespace td::cli
