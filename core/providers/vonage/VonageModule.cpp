// SPDX-License-Identifier: MIT
#include "core/providers/vonage/VonageModule.h"

#include "core/Duration.h"
#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/mint/MintPlan.h"
#include "core/providers/vonage/VonageCommandLine.h"
#include "core/providers/vonage/VonageEndpoints.h"

#include <QDateTime>

namespace td::vonage {
namespace {

/** What the two session-token modules share: the claims, batch rows and matrix of one Vonage/OpenTok session. */
class SessionModule : public ProviderModule {
public:
    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("connection_data")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("session_id")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return summary(readClaims(plan.claims, ignored));
    }
    QStringList matrixNotes() const override
    {
        return {QStringLiteral("The token is checked when the client connects to the session; its role decides what "
                               "the client may do there for the whole connection."),
                QStringLiteral("A moderator may force other clients to disconnect or stop publishing.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& /*spec*/) const override
    {
        batch::DimensionValues values;
        for (const QString& role : roles())
            values.append({role, role});
        return {batch::MatrixDimension{QStringLiteral("role"), QStringLiteral("role"), values}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        SessionClaims c;
        c.sessionId = room;
        c.connectionData = identity;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("role"))
                c.role = value.toString();
        }
        plan.claims = c.toJson();
    }
    QStringList expectedBehaviour(const MintedToken& /*minted*/, const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return explainPermissions(readClaims(plan.claims, ignored));
    }
    // The room is the session ID, the identity the connection data, the preset (role) the role.
    QStringList batchColumns() const override { return {QStringLiteral("layout_classes")}; }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override
    {
        static const int identityColumn = cells.column(QLatin1StringView("identity"));
        static const int presetColumn = cells.column(QLatin1StringView("preset"));
        static const int layoutColumn = cells.column(QLatin1StringView("layout_classes"));
        SessionClaims c;
        c.sessionId = room;
        c.connectionData = cells.text(identityColumn);
        if (!cells.isEmpty(presetColumn))
            c.role = cells.text(presetColumn);
        c.layoutClasses = cells.text(layoutColumn);
        if (auto ok = validateClaims(c); !ok)
            return fail(ok.error().at(c.sessionId.isEmpty() ? QStringLiteral("room") : QStringLiteral("preset")));
        plan.claims = c.toJson();
        batch::RowPlan out;
        out.base = std::move(plan);
        return out;
    }
};

class VonageModule final : public SessionModule {
public:
    Provider id() const override { return Provider::Vonage; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Vonage Video"); }
    QStringList secretFields() const override { return {QStringLiteral("privateKey")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"appId", "VONAGE_APPLICATION_ID", false}, {"privateKey", "VONAGE_PRIVATE_KEY", true}};
    }
    QStringList profileFields() const override { return {QStringLiteral("appId"), QStringLiteral("privateKey")}; }
    const char* fieldLabel(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QT_TRANSLATE_NOOP("td::Provider", "Application &ID");
        return nullptr;
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        return field == QStringLiteral("appId") ? QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-0123456789ab") : QString();
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the Vonage API dashboard (Applications): the application ID and "
                                                 "the private key downloaded when the application was made.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.appId.isEmpty())
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the Vonage application ID is missing"));
        if (auto key = profilePrivateKey(secrets); !key)
            addFinding(check.findings, Severity::Error, "private-key", key.error());
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        const QString app = token.claims.value(QStringLiteral("application_id")).toString();
        return !app.isEmpty() && p.appId == app;
    }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        auto minter = VonageMinter::create(profile.appId, *key);
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedVonage>(std::move(*minter));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.accountId = profile.appId;
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        c.publicKey = key->publicKey();
        return c;
    }
    const char* mintSummary() const override { return "Vonage Video API client token (RS256)"; }
    const char* mintDescription() const override
    {
        return "Mint a Vonage Video API client token (RS256) as generateClientToken writes it, signed with the "
               "Vonage application's private key.";
    }
    QList<OptionSpec> mintOptions() const override { return vonage::vonageMintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return vonage::mintVonage(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return vonage::vonageBench(*this, credentials, clock);
    }
    qint64 benchCount() const override { return 2000; }
    int recognises(const jwt::DecodedJwt& t) const override
    {
        return t.payload.value(QStringLiteral("application_id")).isString() &&
                       t.payload.value(QStringLiteral("scope")).toString() == QStringLiteral("session.connect")
                   ? 3
                   : 0;
    }
    bool requiresExpiry() const override { return true; }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        const SessionClaims claims = readClaims(t.payload, out.findings);
        out.kind = QStringLiteral("vonage-client-token");
        lintSession(claims, QString(), out.findings);
        if (t.algorithm != QStringLiteral("RS256"))
            addFinding(out.findings, Severity::Error, "wrong-alg",
                       QT_TRANSLATE_NOOP("td::Finding", "Vonage client tokens are RS256, this token uses \"%1\""),
                       t.algorithm);
        const QString app = t.payload.value(QStringLiteral("application_id")).toString();
        if (!c.accountId.isEmpty() && app != c.accountId)
            addFinding(out.findings, Severity::Error, "application-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "application_id is %1, not %2: Vonage checks it with another "
                                                        "application's public key"),
                       app.left(64), c.accountId);
        const qint64 iat = t.payload.value(QStringLiteral("iat")).toInteger();
        const qint64 exp = t.payload.value(QStringLiteral("exp")).toInteger();
        if (iat > 0 && exp - iat == kVonageFallbackTtl)
            addFinding(out.findings, Severity::Info, "fallback-exp",
                       QT_TRANSLATE_NOOP("td::Finding", "exp is iat + 900 s, what @vonage/jwt writes when the exp it "
                                                        "was given was not in the future (it replaces it silently)"));
        if (exp - iat > kMaxTtlSeconds)
            addFinding(out.findings, Severity::Error, "over-30-days",
                       QT_TRANSLATE_NOOP("td::Finding", "the token lives more than 30 days: Vonage refuses it"));
        out.permissions = explainPermissions(claims);
        return jwt::Algorithm::RS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.accountId =
            QString::fromUtf8(source.value(QStringLiteral("application-id"), QStringLiteral("VONAGE_APPLICATION_ID")));
        return {};
    }
    QList<const server::EndpointKind*> endpointKinds() const override { return {&vonageEndpoint()}; }
};

class OpenTokModule final : public SessionModule {
public:
    Provider id() const override { return Provider::OpenTok; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "OpenTok"); }
    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"apiKey", "OPENTOK_API_KEY", false}, {"apiSecret", "OPENTOK_API_SECRET", true}};
    }
    QStringList profileFields() const override { return {QStringLiteral("apiKey"), QStringLiteral("apiSecret")}; }
    QString identityField() const override { return QStringLiteral("apiKey"); }
    QString fieldPlaceholder(const QString& field) const override
    {
        return field == QStringLiteral("apiKey") ? QStringLiteral("12345678") : QString();
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the OpenTok (TokBox) account page of the project: its API key "
                                                 "(digits) and API secret.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the OpenTok API key is missing"));
        if (secrets.value(QStringLiteral("apiSecret")).isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the OpenTok API secret is missing"));
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        const QString key = token.claims.value(QStringLiteral("partner_id")).toString();
        return p.apiKey == (key.isEmpty() ? token.issuer : key) && !p.apiKey.isEmpty();
    }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = OpenTokMinter::create(profile.apiKey, secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedOpenTok>(std::move(*minter));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.apiKey = profile.apiKey;
        c.secret = secrets.value(QStringLiteral("apiSecret"));
        return c;
    }
    const char* mintSummary() const override { return "OpenTok token: T1 (HMAC-SHA1), or --format jwt (HS256)"; }
    const char* mintDescription() const override
    {
        return "Mint an OpenTok token for a session of your API key: the legacy T1 form (HMAC-SHA1) as "
               "generateToken(…, true) writes it, or with --format jwt the HS256 JWT it writes by default.";
    }
    QList<OptionSpec> mintOptions() const override { return vonage::openTokMintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return vonage::mintOpenTok(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return vonage::openTokBench(*this, credentials, clock);
    }
    int recognises(const jwt::DecodedJwt& t) const override
    {
        return t.payload.value(QStringLiteral("ist")).toString() == QStringLiteral("project") &&
                       t.payload.contains(QStringLiteral("session_id"))
                   ? 3
                   : 0;
    }
    bool requiresExpiry() const override { return true; }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        const SessionClaims claims = readClaims(t.payload, out.findings);
        out.kind = QStringLiteral("opentok-jwt");
        const QString iss = t.payload.value(QStringLiteral("iss")).toString();
        lintSession(claims, iss, out.findings);
        if (!c.apiKey.isEmpty() && iss != c.apiKey)
            addFinding(out.findings, Severity::Error, "iss-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "iss is \"%1\", not the API key %2"), iss.left(32), c.apiKey);
        out.permissions = explainPermissions(claims);
        return jwt::Algorithm::HS256;
    }
    bool recognisesText(QByteArrayView token) const override { return token.startsWith("T1=="); }
    Result<Inspection> inspectText(QByteArrayView token, const VerifyCredentials& c, qint64 now) const override
    {
        auto t1 = parseT1(token);
        if (!t1)
            return std::unexpected(t1.error());
        Inspection out;
        out.provider = id();
        out.kind = QStringLiteral("opentok-t1");
        out.header = QJsonObject{{QStringLiteral("version"), QStringLiteral("T1")},
                                 {QStringLiteral("partner_id"), t1->partnerId}};
        for (const auto& [key, value] : t1->fields)
            out.claims.insert(key, value);
        out.claims.insert(QStringLiteral("partner_id"), t1->partnerId);
        SessionClaims claims;
        claims.sessionId = t1->field(QStringLiteral("session_id"));
        claims.role = t1->field(QStringLiteral("role"));
        claims.connectionData = t1->field(QStringLiteral("connection_data"));
        claims.layoutClasses = t1->field(QStringLiteral("initial_layout_class_list"));
        lintSession(claims, t1->partnerId, out.findings);
        const qint64 created = t1->field(QStringLiteral("create_time")).toLongLong();
        const qint64 expires = t1->field(QStringLiteral("expire_time")).toLongLong();
        out.times << TimeClaim::make(QStringLiteral("create_time"), created, now)
                  << TimeClaim::make(QStringLiteral("expire_time"), expires, now);
        if (expires <= 0)
            addFinding(out.findings, Severity::Error, "no-expire",
                       QT_TRANSLATE_NOOP("td::Finding", "no expire_time: OpenTok refuses it"));
        else if (now >= expires)
            addFinding(out.findings, Severity::Error, "expired",
                       QT_TRANSLATE_NOOP("td::Finding", "expired %1: OpenTok refuses it"),
                       formatRelative(expires, now));
        if (!c.apiKey.isEmpty() && t1->partnerId != c.apiKey)
            addFinding(out.findings, Severity::Error, "partner-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "partner_id is %1, not the API key %2"), t1->partnerId.left(32),
                       c.apiKey);
        if (c.secret.isEmpty()) {
            addFinding(out.findings, Severity::Info, "unverified",
                       QT_TRANSLATE_NOOP("td::Finding", "give the API secret to verify the signature"));
        } else if (verifyT1(*t1, c.secret.bytes())) {
            out.signature = SignatureState::Valid;
        } else {
            out.signature = SignatureState::Invalid;
            addFinding(out.findings, Severity::Error, "bad-signature",
                       QT_TRANSLATE_NOOP("td::Finding", "the signature does not match this API secret: the token was "
                                                        "changed, or another secret made it"));
        }
        out.permissions = explainPermissions(claims);
        return out;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("api-secret"), QStringLiteral("OPENTOK_API_SECRET"));
        c.apiKey = QString::fromUtf8(source.value(QStringLiteral("api-key"), QStringLiteral("OPENTOK_API_KEY")));
        return {};
    }
    QList<const server::EndpointKind*> endpointKinds() const override { return {&openTokEndpoint()}; }
};

/** The plan's claims, or the first error among their findings. */
Result<SessionClaims> planClaims(const mint::MintPlan& plan)
{
    QList<Finding> findings;
    SessionClaims claims = readClaims(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    return claims;
}

} // namespace

const ProviderModule& vonageModule()
{
    static const VonageModule instance;
    return instance;
}

const ProviderModule& openTokModule()
{
    static const OpenTokModule instance;
    return instance;
}

Result<MintedToken> PreparedVonage::mint(const mint::MintPlan& plan, const Clock& clock,
                                         const crypto::RandomSource& random) const
{
    auto claims = planClaims(plan);
    if (!claims)
        return std::unexpected(claims.error());
    return m_minter.mint(*claims, plan.ttlSeconds, clock, random);
}

Result<MintedToken> PreparedOpenTok::mint(const mint::MintPlan& plan, const Clock& clock,
                                          const crypto::RandomSource& random) const
{
    auto claims = planClaims(plan);
    if (!claims)
        return std::unexpected(claims.error());
    return m_minter.mint(*claims, plan.ttlSeconds, OpenTokFormat::T1, clock, random);
}

} // namespace td::vonage
