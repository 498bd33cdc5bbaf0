// SPDX-License-Identifier: MIT
#include "core/providers/hms/HmsModule.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/hms/HmsCommandLine.h"
#include "core/providers/hms/HmsEndpoints.h"

namespace td::hms {
namespace {

class HmsModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::Hms; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "100ms"); }

    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"apiKey", "HMS_ACCESS_KEY", false}, {"apiSecret", "HMS_SECRET", true}};
    }
    QStringList profileFields() const override { return {QStringLiteral("apiKey"), QStringLiteral("apiSecret")}; }
    const char* fieldLabel(const QString& field) const override
    {
        if (field == QStringLiteral("apiKey"))
            return QT_TRANSLATE_NOOP("td::Provider", "Access &key");
        if (field == QStringLiteral("apiSecret"))
            return QT_TRANSLATE_NOOP("td::Provider", "App &secret");
        return nullptr;
    }
    QString identityField() const override { return QStringLiteral("apiKey"); }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the 100ms dashboard, Developer section: the app access key and "
                                                 "the app secret that signs the tokens.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the 100ms access key is missing"));
        if (secrets.value(QStringLiteral("apiSecret")).isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the 100ms app secret is missing"));
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        const QString accessKey = token.claims.value(QStringLiteral("access_key")).toString();
        return !accessKey.isEmpty() && p.apiKey == accessKey;
    }

    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = HmsMinter::create(profile.apiKey, secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedHms>(std::move(*minter));
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
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("user_id")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("room_id")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return summary(readClaims(plan.claims, ignored));
    }

    const char* mintSummary() const override { return "100ms auth or management token (HS256)"; }
    const char* mintDescription() const override
    {
        return "Mint a 100ms token (HS256): an auth token that joins one room with a role, or with --management a "
               "token for the REST API.";
    }
    QList<OptionSpec> mintOptions() const override { return hms::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return hms::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return hms::benchMinter(*this, credentials, clock);
    }

    int recognises(const jwt::DecodedJwt& t) const override
    {
        if (!t.payload.value(QStringLiteral("access_key")).isString())
            return 0;
        return t.payload.contains(QStringLiteral("version")) && t.payload.contains(QStringLiteral("type")) ? 3 : 2;
    }
    bool requiresExpiry() const override { return true; }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        const HmsClaims claims = readClaims(t.payload, out.findings);
        out.kind = claims.management ? QStringLiteral("100ms-management-token") : QStringLiteral("100ms-auth-token");
        lint(t, out.findings);
        const QString accessKey = t.payload.value(QStringLiteral("access_key")).toString();
        if (!c.apiKey.isEmpty() && accessKey != c.apiKey)
            addFinding(out.findings, Severity::Error, "access-key-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "access_key is \"%1\", not \"%2\": 100ms would look up "
                                                        "another app's secret"),
                       accessKey.left(64), c.apiKey);
        out.permissions = explainPermissions(claims);
        return jwt::Algorithm::HS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("secret"), QStringLiteral("HMS_SECRET"));
        c.apiKey = QString::fromUtf8(source.value(QStringLiteral("access-key"), QStringLiteral("HMS_ACCESS_KEY")));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("100ms checks the token when the client joins: it opens the one room it names."),
                QStringLiteral("What a role may publish, subscribe to and change is set in the room's template in "
                               "the 100ms dashboard; a role the template lacks is refused at join.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& /*spec*/) const override
    {
        batch::DimensionValues roles;
        for (const char* role : {"host", "guest", "viewer-near-realtime", "broadcaster"})
            roles.append({QLatin1String(role), QLatin1String(role)});
        return {batch::MatrixDimension{QStringLiteral("role"), QStringLiteral("role"), roles}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        HmsClaims claims;
        claims.userId = identity;
        claims.roomId = room;
        claims.role = QStringLiteral("guest"); // unless a row names another
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("role"))
                claims.role = value.toString();
        }
        plan.claims = claims.toJson();
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        QList<Finding> ignored;
        return explainPermissions(readClaims(minted.claims.toJsonValue().toObject(), ignored));
    }

    // The role is the common preset column (its alias "role").
    QStringList batchColumns() const override { return {}; }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override
    {
        static const int identityColumn = cells.column(QLatin1StringView("identity"));
        static const int presetColumn = cells.column(QLatin1StringView("preset"));
        HmsClaims claims;
        claims.userId = cells.text(identityColumn);
        claims.roomId = room;
        claims.role = cells.text(presetColumn);
        if (claims.userId.isEmpty())
            return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty (the user ID)"));
        if (auto ok = validateClaims(claims); !ok)
            return fail(ok.error().at(claims.role.isEmpty() ? QStringLiteral("preset") : QStringLiteral("room")));
        plan.claims = claims.toJson();
        batch::RowPlan out;
        out.base = std::move(plan);
        return out;
    }
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint()}; }
};

} // namespace

const ProviderModule& module()
{
    static const HmsModule instance;
    return instance;
}

Result<MintedToken> PreparedHms::mint(const mint::MintPlan& plan, const Clock& clock,
                                      const crypto::RandomSource& random) const
{
    QList<Finding> findings;
    const HmsClaims claims = readClaims(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    return m_minter.mint(claims, plan.ttlSeconds, clock, random);
}

} // namespace td::hms
