// SPDX-License-Identifier: MIT
#include "core/providers/agora/AgoraModule.h"

#include "core/Duration.h"
#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/mint/MintPlan.h"
#include "core/providers/agora/AgoraCommandLine.h"
#include "core/providers/agora/AgoraEndpoints.h"

#include <QDateTime>

namespace td::agora {
namespace {

Inspection inspect006(QByteArrayView token, qint64 now)
{
    Inspection out;
    out.provider = Provider::Agora;
    out.kind = QStringLiteral("agora-accesstoken-006");
    out.header.insert(QStringLiteral("version"), QStringLiteral("006"));
    auto legacy = parse006(token);
    if (!legacy) {
        addFinding(out.findings, Severity::Error, "malformed", legacy.error());
        return out;
    }
    QJsonObject privileges;
    for (auto it = legacy->privileges.begin(); it != legacy->privileges.end(); ++it) {
        const QString name = it.key() == 1000 ? QStringLiteral("rtm_login")
                                              : privilegeName(static_cast<quint16>(ServiceType::Rtc), it.key());
        privileges.insert(name, static_cast<qint64>(it.value()));
        if (it.value() != 0)
            out.times << TimeClaim::make(name, it.value(), now);
    }
    out.claims = QJsonObject{{QStringLiteral("app_id"), legacy->appId},
                             {QStringLiteral("ts"), static_cast<qint64>(legacy->ts)},
                             {QStringLiteral("salt"), static_cast<qint64>(legacy->salt)},
                             {QStringLiteral("crc_channel"), static_cast<qint64>(legacy->crcChannel)},
                             {QStringLiteral("crc_uid"), static_cast<qint64>(legacy->crcUid)},
                             {QStringLiteral("privileges"), privileges}};
    out.times.prepend(TimeClaim::make(QStringLiteral("ts"), legacy->ts, now));
    addFinding(out.findings, Severity::Warning, "legacy-006",
               QT_TRANSLATE_NOOP("td::Finding", "a legacy AccessToken (006): Agora replaced it with AccessToken2 "
                                                "(007); TokenDesk decodes 006 but does not mint it"));
    addFinding(out.findings, Severity::Info, "unverifiable-006",
               QT_TRANSLATE_NOOP("td::Finding", "the 006 signature covers the channel name and uid, which the token "
                                                "holds only as CRC32 checksums, so it is not verified here"));
    if (now >= legacy->ts)
        addFinding(out.findings, Severity::Error, "expired",
                   QT_TRANSLATE_NOOP("td::Finding", "expired %1: Agora refuses it"), formatRelative(legacy->ts, now));
    for (auto it = legacy->privileges.begin(); it != legacy->privileges.end(); ++it) {
        const QString name = it.key() == 1000 ? QStringLiteral("RTM login")
                                              : privilegeName(static_cast<quint16>(ServiceType::Rtc), it.key());
        out.permissions << (it.value() == 0
                                ? QStringLiteral("%1: no expiry of its own (0).").arg(name)
                                : QStringLiteral("%1 until %2 (%3).")
                                      .arg(name,
                                           QDateTime::fromSecsSinceEpoch(it.value(), Qt::UTC).toString(Qt::ISODate),
                                           formatRelative(it.value(), now)));
    }
    return out;
}

class AgoraModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::Agora; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Agora"); }

    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"appId", "AGORA_APP_ID", false}, {"apiSecret", "AGORA_APP_CERTIFICATE", true}};
    }
    QStringList profileFields() const override { return {QStringLiteral("appId"), QStringLiteral("apiSecret")}; }
    const char* fieldLabel(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QT_TRANSLATE_NOOP("td::Provider", "App &ID");
        if (field == QStringLiteral("apiSecret"))
            return QT_TRANSLATE_NOOP("td::Provider", "App &certificate");
        return nullptr;
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        if (field == QStringLiteral("appId") || field == QStringLiteral("apiSecret"))
            return QString::fromUtf8(QT_TRANSLATE_NOOP("td::Provider", "32 hex characters"));
        return {};
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From Agora Console, the project's page: the App ID and the primary "
                                                 "App Certificate (enable it first), 32 hex characters each.");
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (p.appId.isEmpty())
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the Agora app ID is missing"));
        else if (!isHex32(p.appId))
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the Agora app ID is 32 hex characters"));
        const QByteArray certificate = secrets.value(QStringLiteral("apiSecret"));
        if (certificate.isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the app certificate is missing"));
        else if (!isHex32(QString::fromLatin1(certificate)))
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the app certificate is 32 hex characters"));
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        const QString appId = token.claims.value(QStringLiteral("app_id")).toString();
        return !appId.isEmpty() && p.appId.compare(appId, Qt::CaseInsensitive) == 0;
    }

    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = AgoraMinter::create(profile.appId, secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedAgora>(std::move(*minter));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.accountId = profile.appId;
        c.secret = secrets.value(QStringLiteral("apiSecret"));
        return c;
    }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        const AgoraClaims c = readClaims(plan.claims, ignored);
        if (c.uid && *c.uid == 0)
            return QStringLiteral("0 (any user)"); // uid 0 ties the token to no one
        return c.uid ? QString::number(*c.uid) : c.account;
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("channel")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return summary(readClaims(plan.claims, ignored));
    }

    const char* mintSummary() const override { return "Agora AccessToken2: RTC, RTM, Chat (007)"; }
    const char* mintDescription() const override
    {
        return "Mint an Agora AccessToken2 (007) as RtcTokenBuilder2 builds it: join the channel, and publish as a "
               "publisher, with RTM login and Chat user services when asked for.";
    }
    QList<OptionSpec> mintOptions() const override { return agora::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return agora::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return agora::benchMinter(*this, credentials, clock);
    }

    bool mintsJwt() const override { return false; }
    bool recognisesText(QByteArrayView token) const override
    {
        return (token.startsWith("007") || token.startsWith("006")) && !token.contains('.');
    }
    Result<Inspection> inspectText(QByteArrayView token, const VerifyCredentials& c, qint64 now) const override
    {
        if (token.startsWith("006"))
            return inspect006(token, now);
        auto parsed = parse(token);
        if (!parsed)
            return std::unexpected(parsed.error());
        Inspection out;
        out.provider = id();
        out.kind = QStringLiteral("agora-accesstoken2");
        out.header.insert(QStringLiteral("version"), QStringLiteral("007"));
        out.claims = describe(*parsed).toJsonValue().toObject();
        out.times << TimeClaim::make(QStringLiteral("issue_ts"), parsed->issueTs, now)
                  << TimeClaim::make(QStringLiteral("expire"), qint64{parsed->issueTs} + parsed->expire, now);
        lint(*parsed, now, out.findings);
        if (!c.accountId.isEmpty() && c.accountId.compare(parsed->appId, Qt::CaseInsensitive) != 0)
            addFinding(out.findings, Severity::Error, "app-id-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "the token is for app %1, not %2: Agora refuses it in this "
                                                        "project"),
                       parsed->appId.left(40), c.accountId);
        if (c.secret.isEmpty()) {
            addFinding(out.findings, Severity::Info, "unverified",
                       QT_TRANSLATE_NOOP("td::Finding", "give the app certificate to verify the signature"));
        } else if (verifySignature(*parsed, c.secret.bytes())) {
            out.signature = SignatureState::Valid;
        } else {
            out.signature = SignatureState::Invalid;
            addFinding(out.findings, Severity::Error, "bad-signature",
                       QT_TRANSLATE_NOOP("td::Finding", "the signature does not match this app certificate: the "
                                                        "token was changed, or another certificate (or project) "
                                                        "made it"));
        }
        out.permissions = explainPermissions(*parsed, now);
        return out;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("app-certificate"), QStringLiteral("AGORA_APP_CERTIFICATE"));
        c.accountId = QString::fromUtf8(source.value(QStringLiteral("app-id"), QStringLiteral("AGORA_APP_ID")));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("Agora checks the token when the client joins and again when a privilege expires: "
                               "the client is told 30 s before and must renew with a new token."),
                QStringLiteral("A subscriber token stops publishing only where co-host authentication is enabled for "
                               "the project; elsewhere Agora treats it like a publisher token.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& /*spec*/) const override
    {
        const batch::DimensionValues roles{{QStringLiteral("publisher"), QStringLiteral("publisher")},
                                           {QStringLiteral("subscriber"), QStringLiteral("subscriber")}};
        const batch::DimensionValues privilege{{QStringLiteral("the token's TTL"), QJsonValue()},
                                               {QStringLiteral("10 minutes"), 600}};
        return {batch::MatrixDimension{QStringLiteral("role"), QStringLiteral("role"), roles},
                batch::MatrixDimension{QStringLiteral("privilegeTtl"), QStringLiteral("privilege expiry"), privilege}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        AgoraClaims c;
        c.channel = room;
        c.setUser(identity);
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("role"))
                c.publisher = value.toString() != QStringLiteral("subscriber");
            else if (key == QStringLiteral("privilegeTtl") && value.isDouble())
                c.privilegeTtlSeconds = value.toInteger();
        }
        plan.claims = c.toJson();
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        auto parsed = parse(minted.token);
        return parsed ? explainPermissions(*parsed, parsed->issueTs) : QStringList{parsed.error().message};
    }

    // The role is the common preset column (its alias "role"); the identity is the uid or account.
    QStringList batchColumns() const override
    {
        return {QStringLiteral("privilege_ttl"), QStringLiteral("rtm_user_id"), QStringLiteral("chat_user_id")};
    }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override
    {
        static const int identityColumn = cells.column(QLatin1StringView("identity"));
        static const int presetColumn = cells.column(QLatin1StringView("preset"));
        static const int privilegeColumn = cells.column(QLatin1StringView("privilege_ttl"));
        static const int rtmColumn = cells.column(QLatin1StringView("rtm_user_id"));
        static const int chatColumn = cells.column(QLatin1StringView("chat_user_id"));
        AgoraClaims c;
        c.channel = room;
        const QString user = cells.text(identityColumn);
        if (user.isEmpty())
            return fail(ErrorCode::MissingValue,
                        QT_TRANSLATE_NOOP("td::Error", "identity: empty (the uid, or 0 for any user, or an account)"));
        c.setUser(user);
        const QString role = cells.text(presetColumn);
        if (!role.isEmpty() && role != QStringLiteral("publisher") && role != QStringLiteral("subscriber"))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "preset: \"%1\" is not publisher or subscriber"), role.left(32));
        c.publisher = role != QStringLiteral("subscriber");
        if (!cells.isEmpty(privilegeColumn)) {
            auto privilege = parseDuration(cells.text(privilegeColumn));
            if (!privilege)
                return fail(privilege.error().at(QStringLiteral("privilege_ttl")));
            c.privilegeTtlSeconds = *privilege;
        }
        c.rtmUserId = cells.text(rtmColumn);
        c.chatUserId = cells.text(chatColumn);
        if (auto ok = validateClaims(c, plan.ttlSeconds); !ok)
            return fail(ok.error().at(QStringLiteral("room")));
        plan.claims = c.toJson();
        batch::RowPlan out;
        out.base = std::move(plan);
        return out;
    }
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint()}; }
};

} // namespace

const ProviderModule& module()
{
    static const AgoraModule instance;
    return instance;
}

Result<MintedToken> PreparedAgora::mint(const mint::MintPlan& plan, const Clock& clock,
                                        const crypto::RandomSource& random) const
{
    QList<Finding> findings;
    const AgoraClaims claims = readClaims(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    return m_minter.mint(claims, plan.ttlSeconds, clock, random);
}

} // namespace td::agora
