// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RsaKey.h"
#include "core/providers/CommandLine.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"
#include "core/providers/Provider.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace td {

namespace credentials {
struct Profile;
struct ProfileCheck;
} // namespace credentials
namespace mint {
struct MintPlan;
} // namespace mint
namespace batch {
struct MatrixDimension;
struct MatrixSpec;
struct RowPlan;
class RowCells;
} // namespace batch
namespace server {
class EndpointKind;
} // namespace server
namespace jwt {
struct DecodedJwt;
enum class Algorithm;
} // namespace jwt
struct Inspection;
struct VerifyCredentials;

/** A profile's secrets by field name ("apiSecret", "privateKey"), as the secret store holds them. */
using ProfileSecrets = QHash<QString, QByteArray>;

/**
 * The profile's RSA private key from its "privateKey" secret (decrypted with the "privateKeyPassphrase" secret when
 * there is one: tokendesk-cli's --passphrase-file), with the PEM loader's diagnosis on failure.
 */
Result<crypto::RsaPrivateKey> profilePrivateKey(const ProfileSecrets& secrets);

/** One profile field or secret and the standard environment variable that stands in for it. */
struct EnvironmentVariable {
    const char* field = nullptr;    // profile field ("apiKey") or secret ("apiSecret")
    const char* variable = nullptr; // "LIVEKIT_API_KEY"
    bool secret = false;
};

/** One token of tokendesk-cli bench: mints token number `index`; false when the mint failed. */
using BenchMint = std::function<bool(qint64 index)>;

/** Where bench's credentials come from: a profile's when one was given, else throw-away values. */
struct BenchCredentials {
    /** The profile's value of a standard variable; unset without a profile. */
    std::function<QByteArray(const QString& variable)> profileValue;
    /** 32 random hex characters, a throw-away secret (the length a Zego ServerSecret needs). */
    QByteArray throwawaySecret;

    QByteArray operator()(const char* variable, const QByteArray& throwaway) const
    {
        return profileValue ? profileValue(QLatin1String(variable)) : throwaway;
    }
};

/** The keys and secrets one profile signs with, checked and prepared once (a parsed RSA key, an HMAC secret). */
class PreparedMinter {
public:
    virtual ~PreparedMinter() = default;
    /** Mints one plan of this module's provider; `random` replaces the CSPRNG (reproducible output only). */
    virtual Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                                     const crypto::RandomSource& random) const = 0;
};

/** What tokendesk-cli's inspect command reads credentials from: a flag, else its environment variable. */
class CredentialSource {
public:
    virtual ~CredentialSource() = default;
    /** --flag, else the variable ("" to read no variable); empty when neither is given. */
    virtual QByteArray value(const QString& flag, const QString& variable) const = 0;
    virtual bool isSet(const QString& flag) const = 0;
    /** The flag's own value, never a variable's. */
    virtual QString flagValue(const QString& flag) const = 0;
};

/** What identifies the credentials a decoded token was made with (Inspect picks the profile by it). */
struct TokenKeys {
    QString issuer;      // iss
    QString subject;     // sub
    QString keyId;       // header kid
    QJsonValue kitAppId; // a Zego Kit Token's appID (undefined otherwise)
    QJsonObject claims;  // the whole payload, for a key named by a claim of the provider's own (100ms access_key)
};

/**
 * Everything TokenDesk knows about one token family: its profile fields and their checks, its defaults, how a
 * plan is minted, read back and summarised, how a decoded token is recognised and explained, its join links, its
 * permission-matrix dimensions and its batch columns. One object per family, listed by the registry
 * (core/providers/Registry.h); code outside core/providers asks the module instead of switching on the provider.
 */
class ProviderModule {
public:
    virtual ~ProviderModule() = default;

    virtual Provider id() const = 0;
    /** "livekit": stable, used in JSON, profiles and the CLI. */
    QString name() const { return providerName(id()); }
    /** The title on buttons and lists ("JaaS (8x8)"), marked for translation in the "td::Provider" context. */
    virtual const char* title() const = 0;

    // --- Profiles -----------------------------------------------------------------------------------------------
    /** Secret fields, in the order forms show them (LiveKit apiSecret; Jitsi appSecret, privateKey). */
    virtual QStringList secretFields() const = 0;
    /** The standard environment variables of the provider's docs, fields first, then secrets. */
    virtual QList<EnvironmentVariable> environmentVariables() const = 0;
    /**
     * The profile's fields the provider uses besides name, environment and the token defaults, in the order forms
     * show them: text fields of the profile ("serverUrl", "apiKey", "appId", "keyId", "audience", "subject"), its
     * secrets, and the settings "cipher" and "domainVerification".
     */
    virtual QStringList profileFields() const = 0;
    /** The provider's own label for a field, with its mnemonic ("App &ID (app_id)"), a "td::Provider" text; nullptr
     *  for the common label. */
    virtual const char* fieldLabel(const QString& /*field*/) const { return nullptr; }
    /** The profile as it is saved: what the provider completes from the other fields (JaaS: the kid's AppID/). */
    virtual void completeProfile(credentials::Profile& /*profile*/) const {}
    /** Variables the environment importer reads besides environmentVariables() (JITSI_URL into serverUrl). */
    virtual QList<EnvironmentVariable> importedVariables() const { return {}; }
    /** What a profile imported from variables gets besides them (JaaS: the 8x8 server URL); a warning for each
     *  change the user should know about. */
    virtual QStringList completeImport(credentials::Profile& /*profile*/) const { return {}; }
    /** The field that names the credentials in lists (LiveKit apiKey, the others appId). */
    virtual QString identityField() const { return QStringLiteral("appId"); }
    /** Where the credentials come from, one sentence for the profile dialog ("td::Provider" context). */
    virtual const char* profileHint() const = 0;
    /** An example value for a field ("" when the module has none); translatable ones are "td::Provider" texts. */
    virtual QString fieldPlaceholder(const QString& field) const;
    /** The provider's own checks of a profile, added to `check` (name, environment and TTL are checked before). */
    virtual void checkProfile(const credentials::Profile& profile, const ProfileSecrets& secrets,
                              credentials::ProfileCheck& check) const = 0;
    /** Whether the profile that made a decoded token is found by trying profiles' secrets on its signature (the
     *  token names no key: a Token04, a Stream token) rather than by profileMatches() alone. */
    virtual bool matchesBySignature(const Inspection& /*decoded*/) const { return false; }
    /** Whether a profile with these fields was made with the key, AppID or kid a decoded token names. */
    virtual bool profileMatches(const credentials::Profile& profile, const TokenKeys& token) const = 0;

    // --- Minting ------------------------------------------------------------------------------------------------
    /** The lifetime the provider's own SDK gives a token when none is asked for. */
    virtual qint64 defaultTtlSeconds() const = 0;
    /** Whether a plan's notBeforeSkew (nbf set back for clock drift) applies to the provider's tokens. */
    virtual bool usesNotBeforeSkew() const { return false; }
    /** Checks a profile's secrets and prepares its keys once, for any number of mints. */
    virtual Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                                  const ProfileSecrets& secrets) const = 0;
    /** The credentials to verify this provider's tokens with, from a profile. */
    virtual Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                        const ProfileSecrets& secrets) const = 0;
    /** What the profile knows and a token does not (deployment, server settings), after a mint is inspected. */
    virtual QList<Finding> profileFindings(const QJsonObject& payload, const credentials::Profile& profile,
                                           QList<Finding>& inspected) const;
    /** The link that joins a meeting with the token, or "" (no link for this provider, or a room pattern). */
    virtual QString joinLink(const mint::MintPlan& plan, const credentials::Profile& profile,
                             const QByteArray& token) const;
    /** The identity, the room and the grants in a few words, for History and batch output. */
    virtual QString identityOf(const mint::MintPlan& plan) const = 0;
    virtual QString roomOf(const mint::MintPlan& plan) const = 0;
    virtual QString grantsSummary(const mint::MintPlan& plan) const = 0;

    // --- tokendesk-cli mint <name> -----------------------------------------------------------------------------
    /** Its line in tokendesk-cli --help ("LiveKit access token (HS256)"). */
    virtual const char* mintSummary() const = 0;
    /** Its --help description ("Mint a LiveKit access token (HS256)."). */
    virtual const char* mintDescription() const = 0;
    /** Its own options, listed in --help before --json, --env-file, --ttl and the credential options. */
    virtual QList<OptionSpec> mintOptions() const = 0;
    /** Mints from the parsed options (credentials from options, profile, env file or environment). */
    virtual Result<MintedToken> mintFromArguments(const MintArguments& arguments) const = 0;

    // --- tokendesk-cli bench ------------------------------------------------------------------------------------
    /** A minter for bench: token `index` is for user-<index> in bench-room, with the provider's default TTL. */
    virtual Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const = 0;
    /** How many tokens bench mints when --count is not given (fewer where signing is slow). */
    virtual qint64 benchCount() const { return 100000; }

    // --- Inspection ---------------------------------------------------------------------------------------------
    /** Whether the provider's tokens are JWTs (Zego's Token04 is not: a JWT is never taken for one). */
    virtual bool mintsJwt() const { return true; }
    /** Whether a token that is no JWT is this provider's, by its prefix ("007…" Agora); Token04 is the inspector's. */
    virtual bool recognisesText(QByteArrayView /*token*/) const { return false; }
    /** Decodes, verifies (when `c` has the key) and explains such a token, judged at `now` (Unix seconds). */
    virtual Result<Inspection> inspectText(QByteArrayView token, const VerifyCredentials& c, qint64 now) const;
    /** How surely a decoded JWT is this provider's: 0 not at all, 1 weakly, 2 by its claims, 3 beyond doubt. */
    virtual int recognises(const jwt::DecodedJwt& token) const;
    /** The leeway the provider's server gives exp and nbf. */
    virtual qint64 serverLeewaySeconds() const { return 0; }
    /** Whether a token without exp deserves a warning (the provider's server refuses it). */
    virtual bool requiresExpiry() const { return false; }
    /**
     * Lints and explains a decoded JWT of this provider into `out` (kind, findings, permissions) and returns the
     * one algorithm its server accepts, if there is only one.
     */
    virtual std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& token, const VerifyCredentials& c,
                                                     Inspection& out) const;
    /** Reads what tokendesk-cli's inspect was given to verify a token of this provider; an error when unusable. */
    virtual Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& decoded,
                                               VerifyCredentials& c) const = 0;

    // --- Permission matrix --------------------------------------------------------------------------------------
    /** What holds for every row of a matrix (how the server applies the permissions). */
    virtual QStringList matrixNotes() const = 0;
    /** The dimensions the provider offers, with the values the spec asks for. */
    virtual QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& spec) const = 0;
    /** The claims of one combination (`chosen` maps dimension key -> value) into `plan`. */
    virtual void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                              const QList<QPair<QString, QJsonValue>>& chosen) const = 0;
    /** A minted token's expected behaviour in words, one sentence each. */
    virtual QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& plan) const = 0;

    // --- Token server -----------------------------------------------------------------------------------------
    /** The endpoint types the provider's profiles serve ("livekit-get"), each listed by one module only. */
    virtual QList<const server::EndpointKind*> endpointKinds() const { return {}; }

    // --- Batch --------------------------------------------------------------------------------------------------
    /** The provider's own batch columns, after the common identity, name, room, preset and ttl. */
    virtual QStringList batchColumns() const = 0;
    /** One row's claims (`plan` has provider, profile and TTL); the error names the column. */
    virtual Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                              mint::MintPlan plan) const = 0;
};

} // namespace td
