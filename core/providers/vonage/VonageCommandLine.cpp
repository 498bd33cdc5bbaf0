// SPDX-License-Identifier: MIT
// tokendesk-cli mint vonage and mint opentok: their options and how they become tokens.
#include "core/providers/vonage/VonageCommandLine.h"

#include "core/credentials/Profile.h"
#include "core/crypto/Pem.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/vonage/VonageModule.h"

namespace td::vonage {
namespace {

const OptionSpec kVonageOptions[] = {
    option("application-id", "ID", "The Vonage application's ID (or VONAGE_APPLICATION_ID)."),
    option("private-key", "FILE", "The application's private key PEM (or VONAGE_PRIVATE_KEY: a path or the PEM).")
        .file(),
    option("session-id", "S", "The session the token connects to."),
    option("role", "publisher|subscriber|moderator|publisheronly", "The role (default publisher).").oneOf(),
    option("data", "D", "Connection data other clients see (at most 1024 characters)."),
    option("layout-class", "C", "An initial layout class of the client's streams (repeatable).").repeat(),
};

const OptionSpec kOpenTokOptions[] = {
    option("api-key", "N", "The OpenTok API key (or OPENTOK_API_KEY)."),
    option("api-secret", "S", "The OpenTok API secret (or OPENTOK_API_SECRET)."),
    option("session-id", "S", "The session the token connects to (made with this API key)."),
    option("role", "publisher|subscriber|moderator|publisheronly", "The role (default publisher).").oneOf(),
    option("data", "D", "Connection data other clients see (at most 1024 characters)."),
    option("layout-class", "C", "An initial layout class of the client's streams (repeatable).").repeat(),
    option("format", "t1|jwt", "t1 (default): the legacy T1 token; jwt: the HS256 JWT form.").oneOf(),
};

Result<SessionClaims> claimsFrom(const MintArguments& args)
{
    SessionClaims c;
    c.sessionId = args.valueOrProfile(QStringLiteral("session-id"), QStringLiteral("room"));
    if (args.isSet(QStringLiteral("role")))
        c.role = args.value(QStringLiteral("role"));
    c.connectionData = args.value(QStringLiteral("data"));
    c.layoutClasses = args.values(QStringLiteral("layout-class")).join(QLatin1Char(' '));
    if (auto ok = validateClaims(c); !ok)
        return std::unexpected(ok.error());
    return c;
}

/** --private-key FILE, else VONAGE_PRIVATE_KEY: the PEM itself, or the path of a PEM file. */
Result<QByteArray> privateKeyPem(const MintArguments& args)
{
    if (args.isSet(QStringLiteral("private-key")))
        return args.readFile(args.value(QStringLiteral("private-key")));
    const QByteArray value = args.environmentValue(QStringLiteral("VONAGE_PRIVATE_KEY"));
    if (value.isEmpty() || value.contains("-----BEGIN"))
        return value;
    return args.readFile(QString::fromUtf8(value.trimmed()));
}

Result<std::shared_ptr<const PreparedMinter>> prepared(const ProviderModule& module, credentials::Profile profile,
                                                       ProfileSecrets secrets)
{
    profile.provider = module.id();
    return module.prepare(profile, crypto::SecretMap(std::move(secrets)));
}

} // namespace

QList<OptionSpec> vonageMintOptions()
{
    return QList<OptionSpec>(std::begin(kVonageOptions), std::end(kVonageOptions));
}

QList<OptionSpec> openTokMintOptions()
{
    return QList<OptionSpec>(std::begin(kOpenTokOptions), std::end(kOpenTokOptions));
}

Result<MintedToken> mintVonage(const ProviderModule& module, const MintArguments& args)
{
    auto pem = privateKeyPem(args);
    if (!pem)
        return std::unexpected(pem.error());
    credentials::Profile profile;
    profile.appId =
        QString::fromUtf8(args.credential(QStringLiteral("application-id"), QStringLiteral("VONAGE_APPLICATION_ID")));
    if (pem->isEmpty())
        return fail(optionError(QStringLiteral("the application's private key is missing (--private-key FILE or "
                                               "VONAGE_PRIVATE_KEY)")));
    auto minter = prepared(module, profile, {{QStringLiteral("privateKey"), *pem}});
    if (!minter)
        return std::unexpected(minter.error());
    const auto* vonage = dynamic_cast<const PreparedVonage*>(minter->get());
    if (!vonage)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint vonage needs the Vonage module"));
    auto claims = claimsFrom(args);
    if (!claims)
        return std::unexpected(claims.error());
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return vonage->mintClaims(*claims, *ttl, args.clock());
}

Result<MintedToken> mintOpenTok(const ProviderModule& module, const MintArguments& args)
{
    credentials::Profile profile;
    profile.apiKey = QString::fromUtf8(args.credential(QStringLiteral("api-key"), QStringLiteral("OPENTOK_API_KEY")));
    auto minter = prepared(module, profile,
                           {{QStringLiteral("apiSecret"),
                             args.credential(QStringLiteral("api-secret"), QStringLiteral("OPENTOK_API_SECRET"))}});
    if (!minter)
        return std::unexpected(minter.error());
    const auto* openTok = dynamic_cast<const PreparedOpenTok*>(minter->get());
    if (!openTok)
        return fail(ErrorCode::NotApplicable, QStringLiteral("mint opentok needs the OpenTok module"));
    const QString format =
        args.isSet(QStringLiteral("format")) ? args.value(QStringLiteral("format")).toLower() : QStringLiteral("t1");
    if (format != QStringLiteral("t1") && format != QStringLiteral("jwt"))
        return fail(optionError(QStringLiteral("--format takes t1 or jwt")));
    auto claims = claimsFrom(args);
    if (!claims)
        return std::unexpected(claims.error());
    auto ttl = args.ttl(module.defaultTtlSeconds());
    if (!ttl)
        return std::unexpected(ttl.error());
    return openTok->mintClaims(*claims, *ttl, format == QStringLiteral("jwt") ? OpenTokFormat::Jwt : OpenTokFormat::T1,
                               args.clock());
}

Result<BenchMint> vonageBench(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    QByteArray pem = credential("VONAGE_PRIVATE_KEY", QByteArray());
    if (pem.isEmpty()) {
        auto key = crypto::RsaPrivateKey::generate(2048);
        if (!key)
            return std::unexpected(key.error());
        pem = key->pkcs8Pem();
    }
    credentials::Profile profile;
    profile.appId = QString::fromUtf8(credential("VONAGE_APPLICATION_ID", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"));
    auto minter = prepared(module, profile, {{QStringLiteral("privateKey"), pem}});
    if (!minter)
        return std::unexpected(minter.error());
    return BenchMint([vonage = std::dynamic_pointer_cast<const PreparedVonage>(*minter), &clock,
                      ttl = module.defaultTtlSeconds()](qint64 i) {
        SessionClaims c;
        c.sessionId = QStringLiteral("2_bench-session");
        c.connectionData = QStringLiteral("user-%1").arg(i);
        return vonage && vonage->mintClaims(c, ttl, clock).has_value();
    });
}

Result<BenchMint> openTokBench(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.apiKey = QString::fromUtf8(credential("OPENTOK_API_KEY", "12345678"));
    auto minter = prepared(
        module, profile, {{QStringLiteral("apiSecret"), credential("OPENTOK_API_SECRET", credential.throwawaySecret)}});
    if (!minter)
        return std::unexpected(minter.error());
    // A session ID of this key, as the API would make one: "1_" and base64 of "1~<key>~<location>~<time>~...".
    const QByteArray described =
        QByteArrayLiteral("1~") + profile.apiKey.toLatin1() + "~127.0.0.1~Mon Jan 01 00:00:00 PST 2026~0.5~";
    const QString session =
        QStringLiteral("1_") + QString::fromLatin1(described.toBase64(QByteArray::Base64UrlEncoding));
    return BenchMint([openTok = std::dynamic_pointer_cast<const PreparedOpenTok>(*minter), &clock, session,
                      ttl = module.defaultTtlSeconds()](qint64 i) {
        SessionClaims c;
        c.sessionId = session;
        c.connectionData = QStringLiteral("user-%1").arg(i);
        return openTok && openTok->mintClaims(c, ttl, OpenTokFormat::T1, clock).has_value();
    });
}

} // namespace td::vonage
