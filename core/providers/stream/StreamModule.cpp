// SPDX-License-Identifier: MIT
#include "core/providers/stream/StreamModule.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/stream/StreamCommandLine.h"
#include "core/providers/stream/StreamEndpoints.h"

#include <QJsonArray>

namespace td::stream {
namespace {

/** The call a batch or matrix room names: "type:id" as given, a bare name as a call of the default type. */
QString callCidFor(const QString& room)
{
    return room.contains(QLatin1Char(':')) ? room : QStringLiteral("default:") + room;
}

class StreamModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::Stream; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Stream"); }

    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"apiKey", "STREAM_API_KEY", false}, {"apiSecret", "STREAM_API_SECRET", true}};
    }
    QStringList profileFields() const override { return {QStringLiteral("apiKey"), QStringLiteral("apiSecret")}; }
    QString identityField() const override { return QStringLiteral("apiKey"); }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the Stream dashboard (your app's overview): the key and the "
                                                 "secret; the secret signs the tokens, the key names the app.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the Stream API key is missing"));
        if (secrets.value(QStringLiteral("apiSecret")).isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the Stream API secret is missing"));
    }
    bool profileMatches(const credentials::Profile& /*profile*/, const TokenKeys& /*token*/) const override
    {
        return true; // a Stream token names no key: any Stream profile may have signed it (its signature tells)
    }
    bool matchesBySignature(const Inspection& /*decoded*/) const override { return true; }

    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& /*profile*/,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = StreamMinter::create(secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedStream>(std::move(*minter));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& /*profile*/,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.secret = secrets.value(QStringLiteral("apiSecret"));
        return c;
    }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("user_id")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        // The first call; one of the default type reads as its id, the way a batch room names it.
        const QString cid = plan.claims.value(QStringLiteral("call_cids")).toArray().first().toString();
        return cid.startsWith(QStringLiteral("default:")) ? cid.mid(8) : cid;
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return summary(readClaims(plan.claims, ignored));
    }

    const char* mintSummary() const override { return "Stream Video and Chat user or call token (HS256)"; }
    const char* mintDescription() const override
    {
        return "Mint a Stream Video and Chat token (HS256): a user token, or with --call-cid a call token.";
    }
    QList<OptionSpec> mintOptions() const override { return stream::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return stream::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return stream::benchMinter(*this, credentials, clock);
    }

    int recognises(const jwt::DecodedJwt& t) const override
    {
        if (!t.payload.value(QStringLiteral("user_id")).isString())
            return 0;
        // 100ms tokens carry user_id too, beside their access_key and room_id; LiveKit's never do.
        for (const char* other : {"access_key", "room_id", "video", "grants", "context"}) {
            if (t.payload.contains(QLatin1String(other)))
                return 0;
        }
        return t.payload.contains(QStringLiteral("call_cids")) ||
                       t.payload.contains(QStringLiteral("validity_in_seconds"))
                   ? 2
                   : 1;
    }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& /*c*/,
                                             Inspection& out) const override
    {
        const StreamClaims claims = readClaims(t.payload, out.findings);
        out.kind =
            claims.callCids.isEmpty() ? QStringLiteral("stream-user-token") : QStringLiteral("stream-call-token");
        lint(t, out.findings);
        out.permissions = explainPermissions(claims);
        return jwt::Algorithm::HS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("api-secret"), QStringLiteral("STREAM_API_SECRET"));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("Stream checks the token when the client connects (connectUser) and again when it "
                               "joins a call: a call token opens only the calls it lists."),
                QStringLiteral("What a role may do is set per call type in the Stream dashboard (Roles & "
                               "Permissions); the rows name the role, the dashboard decides.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& /*spec*/) const override
    {
        batch::DimensionValues roles;
        for (const char* role : {"", "user", "call_member", "host", "admin"})
            roles.append({*role ? QLatin1String(role) : QStringLiteral("(user's own)"), QLatin1String(role)});
        return {batch::MatrixDimension{QStringLiteral("callOnly"), QStringLiteral("limited to the call"),
                                       batch::yesNo(true)},
                batch::MatrixDimension{QStringLiteral("role"), QStringLiteral("role"), roles}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        StreamClaims claims;
        claims.userId = identity;
        claims.callCids = {callCidFor(room)}; // a call token unless the row says otherwise
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("callOnly") && !value.toBool())
                claims.callCids.clear();
            else if (key == QStringLiteral("role"))
                claims.role = value.toString();
        }
        plan.claims = claims.toJson();
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        QList<Finding> ignored;
        return explainPermissions(readClaims(minted.claims.toJsonValue().toObject(), ignored));
    }

    // The role is the common preset column (its alias "role" reads naturally here).
    QStringList batchColumns() const override { return {QStringLiteral("call_cids")}; }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override
    {
        static const int identityColumn = cells.column(QLatin1StringView("identity"));
        static const int presetColumn = cells.column(QLatin1StringView("preset"));
        static const int callsColumn = cells.column(QLatin1StringView("call_cids"));
        StreamClaims claims;
        claims.userId = cells.text(identityColumn);
        if (claims.userId.isEmpty())
            return fail(ErrorCode::MissingValue,
                        QT_TRANSLATE_NOOP("td::Error", "identity: empty (the Stream user ID)"));
        if (!cells.isEmpty(callsColumn)) {
            auto calls = cells.list(callsColumn);
            if (!calls)
                return std::unexpected(calls.error());
            claims.callCids = *calls;
        } else if (!room.isEmpty()) {
            claims.callCids = {callCidFor(room)};
        }
        claims.role = cells.text(presetColumn); // the role in the calls

        if (auto ok = validateClaims(claims); !ok)
            return fail(
                ok.error().at(cells.isEmpty(callsColumn) ? QStringLiteral("room") : QStringLiteral("call_cids")));
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
    static const StreamModule instance;
    return instance;
}

Result<MintedToken> PreparedStream::mint(const mint::MintPlan& plan, const Clock& clock,
                                         const crypto::RandomSource& /*random*/) const
{
    QList<Finding> findings;
    const StreamClaims claims = readClaims(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    return m_minter.mint(claims, plan.ttlSeconds, clock);
}

} // namespace td::stream
