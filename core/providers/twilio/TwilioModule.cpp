// SPDX-License-Identifier: MIT
#include "core/providers/twilio/TwilioModule.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/twilio/TwilioCommandLine.h"
#include "core/providers/twilio/TwilioEndpoints.h"

namespace td::twilio {
namespace {

class TwilioModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::Twilio; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Twilio"); }

    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"appId", "TWILIO_ACCOUNT_SID", false},
                {"apiKey", "TWILIO_API_KEY", false},
                {"apiSecret", "TWILIO_API_SECRET", true}};
    }
    QStringList profileFields() const override
    {
        return {QStringLiteral("appId"), QStringLiteral("apiKey"), QStringLiteral("apiSecret")};
    }
    const char* fieldLabel(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QT_TRANSLATE_NOOP("td::Provider", "Account S&ID");
        if (field == QStringLiteral("apiKey"))
            return QT_TRANSLATE_NOOP("td::Provider", "API &key SID");
        return nullptr;
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QStringLiteral("AC…");
        if (field == QStringLiteral("apiKey"))
            return QStringLiteral("SK…");
        return {};
    }
    QString identityField() const override { return QStringLiteral("apiKey"); }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the Twilio Console: the account SID (AC…) on its dashboard, an "
                                                 "API key's SID (SK…) and secret under API keys & tokens.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.appId.isEmpty())
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the account SID is missing"));
        else if (!isSid(p.appId, QLatin1StringView("AC")))
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the account SID is AC and 32 lowercase hex digits"));
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the API key SID is missing"));
        else if (!isSid(p.apiKey, QLatin1StringView("SK")))
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the API key SID is SK and 32 lowercase hex digits (the "
                                                        "key's SID, not its secret)"));
        if (secrets.value(QStringLiteral("apiSecret")).isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the API secret is missing"));
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        return !token.issuer.isEmpty() && p.apiKey == token.issuer;
    }

    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = TwilioMinter::create(profile.appId, profile.apiKey, secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedTwilio>(std::move(*minter));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.apiKey = profile.apiKey;
        c.accountId = profile.appId;
        c.secret = secrets.value(QStringLiteral("apiSecret"));
        return c;
    }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("identity")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return summary(readGrants(plan.claims, ignored));
    }

    const char* mintSummary() const override { return "Twilio Access Token: Video, Chat, Sync, Voice (HS256)"; }
    const char* mintDescription() const override
    {
        return "Mint a Twilio Access Token (HS256) with a Video grant, limited to --room when given, and the Chat, "
               "Sync and Voice grants asked for.";
    }
    QList<OptionSpec> mintOptions() const override { return twilio::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return twilio::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return twilio::benchMinter(*this, credentials, clock);
    }

    int recognises(const jwt::DecodedJwt& t) const override
    {
        if (t.header.value(QStringLiteral("cty")).toString().startsWith(QStringLiteral("twilio-fpa")))
            return 3;
        return t.payload.value(QStringLiteral("grants")).isObject() &&
                       t.payload.value(QStringLiteral("iss")).toString().startsWith(QStringLiteral("SK"))
                   ? 2
                   : 0;
    }
    bool requiresExpiry() const override { return true; }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        const TwilioGrants grants = readGrants(t.payload.value(QStringLiteral("grants")).toObject(), out.findings);
        out.kind = QStringLiteral("twilio-access-token");
        lint(t, out.findings);
        if (!c.apiKey.isEmpty() && t.payload.value(QStringLiteral("iss")).toString() != c.apiKey)
            addFinding(out.findings, Severity::Error, "iss-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "iss is \"%1\", not the API key \"%2\": Twilio would look "
                                                        "up another key's secret"),
                       t.payload.value(QStringLiteral("iss")).toString().left(64), c.apiKey);
        if (!c.accountId.isEmpty() && t.payload.value(QStringLiteral("sub")).toString() != c.accountId)
            addFinding(out.findings, Severity::Error, "sub-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "sub is \"%1\", not the account %2: the token belongs to "
                                                        "another account"),
                       t.payload.value(QStringLiteral("sub")).toString().left(64), c.accountId);
        out.permissions = explainPermissions(grants);
        const auto alg = jwt::parseAlgorithm(t.algorithm);
        // HS384 and HS512 are accepted too; the one the token names is verified.
        if (alg && (*alg == jwt::Algorithm::HS384 || *alg == jwt::Algorithm::HS512))
            return alg;
        return jwt::Algorithm::HS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("api-secret"), QStringLiteral("TWILIO_API_SECRET"));
        c.apiKey = QString::fromUtf8(source.value(QStringLiteral("api-key"), QStringLiteral("TWILIO_API_KEY")));
        c.accountId =
            QString::fromUtf8(source.value(QStringLiteral("account-sid"), QStringLiteral("TWILIO_ACCOUNT_SID")));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("Twilio checks the token when the client connects: a Video grant with a room opens "
                               "that room only, one without opens every room of the account."),
                QStringLiteral("Who may publish or subscribe is not in the token: Twilio Video gives every "
                               "participant both; the room's settings decide the rest.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& /*spec*/) const override
    {
        return {batch::MatrixDimension{QStringLiteral("roomOnly"), QStringLiteral("limited to the room"),
                                       batch::yesNo(true)},
                batch::MatrixDimension{QStringLiteral("voiceIncoming"), QStringLiteral("voice: incoming calls"),
                                       batch::yesNo(false)}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        TwilioGrants g;
        g.identity = identity;
        g.room = room;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("roomOnly") && !value.toBool())
                g.room.clear();
            else if (key == QStringLiteral("voiceIncoming"))
                g.voiceIncoming = value.toBool();
        }
        plan.claims = g.toJson();
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        QList<Finding> ignored;
        return explainPermissions(
            readGrants(minted.claims.toJsonValue().toObject().value(QStringLiteral("grants")).toObject(), ignored));
    }

    QStringList batchColumns() const override
    {
        return {QStringLiteral("chat_service_sid"), QStringLiteral("sync_service_sid"),
                QStringLiteral("voice_app_sid")};
    }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override
    {
        static const int identityColumn = cells.column(QLatin1StringView("identity"));
        static const int chatColumn = cells.column(QLatin1StringView("chat_service_sid"));
        static const int syncColumn = cells.column(QLatin1StringView("sync_service_sid"));
        static const int voiceColumn = cells.column(QLatin1StringView("voice_app_sid"));
        TwilioGrants g;
        g.identity = cells.text(identityColumn);
        if (g.identity.isEmpty())
            return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty"));
        g.room = room;
        g.chatServiceSid = cells.text(chatColumn);
        g.syncServiceSid = cells.text(syncColumn);
        g.voiceAppSid = cells.text(voiceColumn);
        if (auto ok = validateGrants(g); !ok)
            return fail(ok.error());
        plan.claims = g.toJson();
        batch::RowPlan out;
        out.base = std::move(plan);
        return out;
    }
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint()}; }
};

} // namespace

const ProviderModule& module()
{
    static const TwilioModule instance;
    return instance;
}

Result<MintedToken> PreparedTwilio::mint(const mint::MintPlan& plan, const Clock& clock,
                                         const crypto::RandomSource& /*random*/) const
{
    QList<Finding> findings;
    const TwilioGrants grants = readGrants(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    return m_minter.mint(grants, plan.ttlSeconds, clock);
}

} // namespace td::twilio
