// SPDX-License-Identifier: MIT
#include "app/cli/MintJitsiCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Pem.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/jitsi/JitsiToken.h"

namespace td::cli {
namespace {

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

} // namespace

int MintJitsiCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(m_jaas
                                         ? QStringLiteral("Mint an 8x8 JaaS token (RS256).")
                                         : QStringLiteral("Mint a self-hosted Jitsi (Prosody) token, HS256 or RS256."));
    parser.addOptions({
        {QStringLiteral("app-id"),
         m_jaas ? QStringLiteral("JaaS AppID vpaas-magic-cookie-... (or JAAS_APP_ID).")
                : QStringLiteral("Prosody app_id, the issuer (or JITSI_APP_ID)."),
         QStringLiteral("ID")},
        {QStringLiteral("key-id"),
         m_jaas ? QStringLiteral("Key id AppID/kid (or JAAS_KEY_ID).") : QStringLiteral("Key id (kid) for RS256."),
         QStringLiteral("KID")},
        {QStringLiteral("private-key"), QStringLiteral("RSA private key PEM file."), QStringLiteral("FILE")},
        {QStringLiteral("passphrase-file"), QStringLiteral("File holding the private key's passphrase."),
         QStringLiteral("FILE")},
        {QStringLiteral("room"), QStringLiteral("Room name, or * for any room."), QStringLiteral("ROOM")},
        {QStringLiteral("room-regex"), QStringLiteral("Treat --room as a pattern (context.room.regex).")},
        {QStringLiteral("room-raw"),
         QStringLiteral("Write --room exactly as given, not as the name Jitsi Meet joins (team%20standup).")},
        {QStringLiteral("user-id"), QStringLiteral("context.user.id."), QStringLiteral("ID")},
        {QStringLiteral("user-name"), QStringLiteral("context.user.name."), QStringLiteral("NAME")},
        {QStringLiteral("user-email"), QStringLiteral("context.user.email."), QStringLiteral("EMAIL")},
        {QStringLiteral("user-avatar"), QStringLiteral("context.user.avatar."), QStringLiteral("URL")},
        {QStringLiteral("moderator"), QStringLiteral("context.user.moderator."), QStringLiteral("true|false")},
        {QStringLiteral("hidden-from-recorder"), QStringLiteral("context.user.hidden-from-recorder."),
         QStringLiteral("true|false")},
        {QStringLiteral("feature"), QStringLiteral("context.features NAME=true|false (repeatable)."),
         QStringLiteral("NAME=BOOL")},
        {QStringLiteral("nbf-skew"), QStringLiteral("Back-date nbf by this many seconds (default 10)."),
         QStringLiteral("SECONDS")},
    });
    if (!m_jaas) {
        parser.addOptions({
            {QStringLiteral("app-secret"), QStringLiteral("Prosody app_secret for HS256 (or JITSI_APP_SECRET)."),
             QStringLiteral("SECRET")},
            {QStringLiteral("audience"), QStringLiteral("aud (default jitsi)."), QStringLiteral("AUD")},
            {QStringLiteral("subject"), QStringLiteral("sub: the domain, tenant or * (default *)."),
             QStringLiteral("DOMAIN")},
            {QStringLiteral("affiliation"), QStringLiteral("context.user.affiliation: owner or member."),
             QStringLiteral("owner|member")},
            {QStringLiteral("group"), QStringLiteral("context.group."), QStringLiteral("G")},
        });
    }
    addCommonMintOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (auto stop = handleCommonOptions(parser, context, m_jaas ? Provider::Jaas : Provider::Jitsi))
        return *stop;

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
        if (!parser.isSet(flag))
            continue;
        const auto v = parseBool(parser.value(flag));
        if (!v)
            return context.error(ExitUsage, QStringLiteral("--%1 takes true or false").arg(flag));
        *target = *v;
    }
    for (const QString& f : parser.values(QStringLiteral("feature"))) {
        auto feature = jitsi::parseFeature(f);
        if (!feature)
            return context.error(ExitUsage, feature.error());
        claims.features.append(*feature);
    }
    qint64 skew = jitsi::kDefaultNotBeforeSkew;
    if (parser.isSet(QStringLiteral("nbf-skew"))) {
        bool ok = false;
        skew = parser.value(QStringLiteral("nbf-skew")).toLongLong(&ok);
        if (!ok || skew < 0 || skew > 3600)
            return context.error(ExitUsage, QStringLiteral("--nbf-skew takes 0 to 3600 seconds"));
    }
    auto ttl = ttlOption(parser, jitsi::kDefaultTtlSeconds, context);
    if (!ttl)
        return context.error(ExitUsage, ttl.error());

    Result<MintedToken> minted = fail(ErrorCode::InvalidArgument, QString());
    if (m_jaas) {
        jitsi::JaasRequest r;
        r.appId =
            QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JAAS_APP_ID")));
        r.keyId =
            QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JAAS_KEY_ID")));
        auto key = loadKey(parser, context, QStringLiteral("JAAS_PRIVATE_KEY"));
        if (!key)
            return context.error(ExitUsage, key.error());
        if (key->isNull())
            return context.error(
                ExitUsage,
                QStringLiteral("a JaaS token needs the private key (--private-key FILE or JAAS_PRIVATE_KEY)"));
        r.privateKey = *key;
        r.claims = claims;
        r.ttlSeconds = *ttl;
        r.notBeforeSkew = skew;
        minted = jitsi::mintJaas(r, context.clock());
    } else {
        jitsi::SelfHostedRequest r;
        r.appId =
            QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
        if (parser.isSet(QStringLiteral("private-key")) && parser.isSet(QStringLiteral("app-secret")))
            return context.error(ExitUsage,
                                 QStringLiteral("give either --app-secret (HS256) or --private-key (RS256), not both"));
        // A flag decides; otherwise the app secret (HS256, Prosody's default) before a stored private key.
        if (!parser.isSet(QStringLiteral("private-key")))
            r.appSecret = context.credential(parser, QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET"));
        if (r.appSecret.isEmpty()) {
            auto key = loadKey(parser, context, QStringLiteral("JITSI_PRIVATE_KEY"));
            if (!key)
                return context.error(ExitUsage, key.error());
            r.privateKey = *key;
        }
        r.keyId =
            QString::fromUtf8(context.credential(parser, QStringLiteral("key-id"), QStringLiteral("JITSI_KEY_ID")));
        if (parser.isSet(QStringLiteral("audience")))
            r.audience = parser.value(QStringLiteral("audience"));
        else if (!context.profileDefault(QStringLiteral("audience")).isEmpty())
            r.audience = context.profileDefault(QStringLiteral("audience"));
        if (parser.isSet(QStringLiteral("subject")))
            r.subject = parser.value(QStringLiteral("subject"));
        else if (!context.profileDefault(QStringLiteral("subject")).isEmpty())
            r.subject = context.profileDefault(QStringLiteral("subject"));
        claims.user.affiliation = parser.value(QStringLiteral("affiliation"));
        claims.group = parser.value(QStringLiteral("group"));
        r.claims = claims;
        r.ttlSeconds = *ttl;
        r.notBeforeSkew = skew;
        minted = jitsi::mintSelfHosted(r, context.clock());
    }
    if (!minted)
        return context.error(ExitUsage, minted.error());
    return printMinted(*minted, parser.isSet(QStringLiteral("json")), context);
}

} // namespace td::cli
