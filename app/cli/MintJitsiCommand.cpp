// SPDX-License-Identifier: MIT
#include "app/cli/MintJitsiCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Pem.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/jitsi/JitsiToken.h"

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

Result<crypto::RsaPrivateKey> loadKey(const QCommandLineParser& parser, CliContext& context, const QString& pemEnv)
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
        return crypto::RsaPrivateKey();
    QByteArray passphrase;
    if (parser.isSet(QStringLiteral("passphrase-file"))) {
        auto file = context.readInput(parser.value(QStringLiteral("passphrase-file")));
        if (!file)
            return std::unexpected(file.error());
        passphrase = *file;
        while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
            passphrase.chop(1);
    }
    auto key = crypto::loadRsaPrivateKey(pem, passphrase);
    // Wiped only where this function holds the last reference: a PEM from --env-file or --profile stays with the
    // context, which wipes it when it goes.
    crypto::wipe(pem);
    crypto::wipe(passphrase);
    if (!key)
        return fail(key.error().code, QStringLiteral("private key: ") + key.error().message);
    return key;
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

MintOutcome mintJaas(const QCommandLineParser& parser, CliContext& context, jitsi::JaasRequest r)
{
    r.appId = QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JAAS_APP_ID")));
    r.keyId = QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JAAS_KEY_ID")));
    auto key = loadKey(parser, context, QStringLiteral("JAAS_PRIVATE_KEY"));
    if (!key)
        return stop(key.error());
    if (key->isNull())
        return stop(QStringLiteral("a JaaS token needs the private key (--private-key FILE or JAAS_PRIVATE_KEY)"));
    r.privateKey = *key;
    auto minted = jitsi::mintJaas(r, context.clock());
    if (!minted)
        return stop(minted.error());
    return *minted;
}

/** The flag's value when given, else the profile's default when it has one; else `target` keeps its default. */
void flagOrProfile(const QCommandLineParser& parser, const CliContext& context, const QString& name, QString& target)
{
    if (parser.isSet(name))
        target = parser.value(name);
    else if (const QString fromProfile = context.profileDefault(name); !fromProfile.isEmpty())
        target = fromProfile;
}

MintOutcome mintSelfHosted(const QCommandLineParser& parser, CliContext& context, jitsi::SelfHostedRequest r)
{
    r.appId = QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
    if (parser.isSet(QStringLiteral("private-key")) && parser.isSet(QStringLiteral("app-secret")))
        return stop(QStringLiteral("give either --app-secret (HS256) or --private-key (RS256), not both"));
    // A flag decides; otherwise the app secret (HS256, Prosody's default) before a stored private key.
    if (!parser.isSet(QStringLiteral("private-key")))
        r.appSecret = context.credential(parser, QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET"));
    if (r.appSecret.isEmpty()) {
        auto key = loadKey(parser, context, QStringLiteral("JITSI_PRIVATE_KEY"));
        if (!key)
            return stop(key.error());
        r.privateKey = *key;
    }
    r.keyId = QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JITSI_KEY_ID")));
    flagOrProfile(parser, context, QStringLiteral("audience"), r.audience);
    flagOrProfile(parser, context, QStringLiteral("subject"), r.subject);
    r.claims.user.affiliation = parser.value(QStringLiteral("affiliation"));
    r.claims.group = parser.value(QStringLiteral("group"));
    auto minted = jitsi::mintSelfHosted(r, context.clock());
    if (!minted)
        return stop(minted.error());
    return *minted;
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
    auto ttl = ttlOption(parser, jitsi::kDefaultTtlSeconds, context);
    if (!ttl)
        return stop(ttl.error());
    if (m_jaas) {
        jitsi::JaasRequest r;
        r.claims = *claims;
        r.ttlSeconds = *ttl;
        r.notBeforeSkew = *skew;
        return mintJaas(parser, context, r);
    }
    jitsi::SelfHostedRequest r;
    r.claims = *claims;
    r.ttlSeconds = *ttl;
    r.notBeforeSkew = *skew;
    return mintSelfHosted(parser, context, r);
}

} // namespace td::cli
