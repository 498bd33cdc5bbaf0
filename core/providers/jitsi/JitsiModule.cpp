// SPDX-License-Identifier: MIT
// JaaS and self-hosted Jitsi: two token families with the same claims (room, context) and different signing,
// deployment and verification rules.
#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/jitsi/JitsiCommandLine.h"
#include "core/providers/jitsi/JitsiEndpoints.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/crypto/Pem.h"
#include "core/crypto/SecretBytes.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/jitsi/JitsiToken.h"

#include <QUrl>

#include <optional>

namespace td::jitsi {
namespace {

QStringList defaultMatrixFeatures()
{
    return {QStringLiteral("recording"), QStringLiteral("livestreaming"), QStringLiteral("transcription"),
            QStringLiteral("outbound-call")};
}

void checkPem(credentials::ProfileCheck& check, const QByteArray& pem, bool required)
{
    if (pem.isEmpty()) {
        if (required)
            addFinding(check.findings, Severity::Error, "private-key-missing",
                       QT_TRANSLATE_NOOP("td::Finding", "the RSA private key is missing"));
        return;
    }
    auto key = crypto::loadRsaPrivateKey(pem);
    if (!key) {
        addFinding(check.findings, Severity::Error, "private-key", key.error().in(QStringLiteral("private key: ")));
        return;
    }
    check.fingerprint = key->publicKey().fingerprintSha256();
}

bool isPattern(const mint::MintPlan& plan)
{
    return plan.claims.value(QStringLiteral("context"))
        .toObject()
        .value(QStringLiteral("room"))
        .toObject()
        .value(QStringLiteral("regex"))
        .toBool();
}

/** What JaaS and self-hosted Jitsi share: the claims (room, context) and so History, matrix and batch rows. */
class JitsiFamily : public ProviderModule {
public:
    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    bool usesNotBeforeSkew() const override { return true; }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        const QJsonObject user =
            plan.claims.value(QStringLiteral("context")).toObject().value(QStringLiteral("user")).toObject();
        const QString userId = user.value(QStringLiteral("id")).toString();
        return userId.isEmpty() ? user.value(QStringLiteral("name")).toString() : userId;
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("room")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        auto claims = claimsFromPayload(plan.claims);
        if (!claims)
            return {};
        QStringList parts;
        parts << (claims->user.moderator.value_or(false) ? QStringLiteral("moderator") : QStringLiteral("participant"));
        QStringList on;
        QStringList off;
        for (const auto& [feature, enabled] : claims->features)
            (enabled ? on : off) << feature;
        if (!on.isEmpty())
            parts << on.join(QLatin1Char('+'));
        if (!off.isEmpty())
            parts << QStringLiteral("not ") + off.join(QLatin1Char('+'));
        return parts.join(QStringLiteral(", "));
    }

    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& spec) const override
    {
        QList<batch::MatrixDimension> out{
            batch::MatrixDimension{QStringLiteral("moderator"), QStringLiteral("moderator"), batch::yesNo(true)}};
        for (const QString& feature : spec.features.isEmpty() ? defaultMatrixFeatures() : spec.features)
            out << batch::MatrixDimension{
                QStringLiteral("feature:") + feature, feature,
                batch::DimensionValues{{QStringLiteral("on"), true}, {QStringLiteral("off"), false}}};
        return out;
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        JitsiClaims claims;
        claims.room = room;
        claims.user.id = identity;
        claims.user.name = identity;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("moderator"))
                claims.user.moderator = value.toBool();
            else if (key.startsWith(QStringLiteral("feature:")))
                claims.features.append({key.mid(8), value.toBool()});
        }
        plan.claims = QJsonObject{{QStringLiteral("room"), room},
                                  {QStringLiteral("context"), contextJson(claims, selfHosted()).toJsonValue()}};
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        return explainPermissions(minted.claims.toJsonValue().toObject());
    }

    QStringList batchColumns() const override
    {
        return {QStringLiteral("moderator"), QStringLiteral("features"), QStringLiteral("email"),
                QStringLiteral("avatar")};
    }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override;

protected:
    virtual bool selfHosted() const = 0;

    /** The room part of a join link, or "" when the plan's room is a pattern or "*". */
    QString roomSegment(const mint::MintPlan& plan) const
    {
        const QString room = roomOf(plan);
        if (room.isEmpty() || room == QStringLiteral("*") || isPattern(plan))
            return {};
        if (plan.roomRaw) // the exact text asked for; only a deployment that joins it so can use the link
            return QString::fromLatin1(QUrl::toPercentEncoding(room));
        auto claim = backendSafeRoomName(room);
        return claim ? joinLinkSegment(*claim) : QString();
    }
};

Result<batch::RowPlan> JitsiFamily::planForRow(const batch::RowCells& cells, const QString& room,
                                               mint::MintPlan plan) const
{
    static const int identityColumn = cells.column(QLatin1StringView("identity"));
    static const int nameColumn = cells.column(QLatin1StringView("name"));
    static const int emailColumn = cells.column(QLatin1StringView("email"));
    static const int avatarColumn = cells.column(QLatin1StringView("avatar"));
    static const int presetColumn = cells.column(QLatin1StringView("preset"));
    static const int moderatorColumn = cells.column(QLatin1StringView("moderator"));
    static const int featuresColumn = cells.column(QLatin1StringView("features"));
    JitsiClaims claims;
    claims.room = room;
    if (claims.room.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "room: empty (a room name, or * for any room)"));
    claims.user.id = cells.text(identityColumn);
    claims.user.name = cells.text(nameColumn);
    claims.user.email = cells.text(emailColumn);
    claims.user.avatar = cells.text(avatarColumn);
    if (claims.user.id.isEmpty() && claims.user.name.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty (and no name either)"));
    if (const QString preset = cells.text(presetColumn).toLower(); !preset.isEmpty()) {
        if (preset != QStringLiteral("moderator") && preset != QStringLiteral("participant"))
            return fail(
                ErrorCode::InvalidValue,
                QT_TRANSLATE_NOOP("td::Error", "preset: \"%1\" is not a Jitsi preset; use moderator or participant"),
                preset);
        claims.user.moderator = preset == QStringLiteral("moderator");
    }
    if (!cells.isEmpty(moderatorColumn)) {
        auto on = cells.boolean(moderatorColumn);
        if (!on)
            return std::unexpected(on.error());
        claims.user.moderator = *on;
    }
    if (!cells.isEmpty(featuresColumn)) {
        auto obj = cells.object(featuresColumn);
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it) {
            auto feature = parseFeature(it.key() + QLatin1Char('=') + cells.valueText(it.value()));
            if (!feature)
                return fail(feature.error().at(QStringLiteral("features")));
            claims.features.append(*feature);
        }
    }
    plan.claims = QJsonObject{{QStringLiteral("room"), claims.room},
                              {QStringLiteral("context"), contextJson(claims, selfHosted()).toJsonValue()}};
    batch::RowPlan out;
    out.base = std::move(plan);
    return out;
}

class JaasModule final : public JitsiFamily {
public:
    Provider id() const override { return Provider::Jaas; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "JaaS (8x8)"); }

    QStringList secretFields() const override { return {QStringLiteral("privateKey")}; }
    QStringList profileFields() const override
    {
        return {QStringLiteral("serverUrl"), QStringLiteral("appId"), QStringLiteral("keyId"),
                QStringLiteral("privateKey")};
    }
    QStringList completeImport(credentials::Profile& p) const override
    {
        if (p.serverUrl.isEmpty())
            p.serverUrl = QStringLiteral("https://8x8.vc");
        return {};
    }
    void completeProfile(credentials::Profile& p) const override
    {
        // The console shows the key id alone; JaaS wants the kid as "<AppID>/<key id>".
        if (!p.keyId.isEmpty() && !p.keyId.contains(QLatin1Char('/')) && validateJaasAppId(p.appId))
            p.keyId = p.appId + QLatin1Char('/') + p.keyId;
    }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {
            {"appId", "JAAS_APP_ID", false}, {"keyId", "JAAS_KEY_ID", false}, {"privateKey", "JAAS_PRIVATE_KEY", true}};
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider",
                                 "From the JaaS console (API keys): the AppID, the key ID shown next to the key, and "
                                 "the private key downloaded when the key was made.");
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        if (field == QStringLiteral("serverUrl"))
            return QStringLiteral("https://8x8.vc");
        if (field == QStringLiteral("appId"))
            return QStringLiteral("vpaas-magic-cookie-…");
        if (field == QStringLiteral("keyId"))
            return QStringLiteral("vpaas-magic-cookie-…/4f4910");
        return {};
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        if (auto ok = validateJaasAppId(p.appId); !ok)
            addFinding(check.findings, Severity::Error, "app-id", ok.error());
        if (p.keyId.isEmpty())
            addFinding(check.findings, Severity::Error, "key-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the JaaS key id is missing (AppID/kid)"));
        else if (p.keyId.contains(QLatin1Char('/')) && p.keyId.section(QLatin1Char('/'), 0, 0) != p.appId)
            addFinding(check.findings, Severity::Error, "key-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the key id must start with the AppID followed by '/'"));
        checkPem(check, secrets.value(QStringLiteral("privateKey")), true);
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        return (!token.keyId.isEmpty() && p.keyId == token.keyId) ||
               (!token.subject.isEmpty() && p.appId == token.subject);
    }

    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        return std::make_shared<const PreparedJitsi>(profile, QByteArray(), std::move(*key));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& /*profile*/,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        c.publicKey = key->publicKey();
        return c;
    }
    QString joinLink(const mint::MintPlan& plan, const credentials::Profile& profile,
                     const QByteArray& token) const override
    {
        const QString segment = roomSegment(plan);
        if (segment.isEmpty())
            return {};
        return QStringLiteral("https://8x8.vc/%1/%2?jwt=%3").arg(profile.appId, segment, QString::fromLatin1(token));
    }

    const char* mintSummary() const override { return "8x8 JaaS token (RS256)"; }
    const char* mintDescription() const override { return "Mint an 8x8 JaaS token (RS256)."; }
    QList<OptionSpec> mintOptions() const override { return jitsi::mintOptions(true); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return jitsi::mintFromArguments(*this, arguments, true);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return jitsi::benchMinter(*this, credentials, clock, true);
    }
    qint64 benchCount() const override { return 2000; } // RSA-2048 signing

    int recognises(const jwt::DecodedJwt& t) const override
    {
        const QString cookie = QStringLiteral("vpaas-magic-cookie");
        return t.payload.value(QStringLiteral("sub")).toString().startsWith(cookie) ||
                       t.header.value(QStringLiteral("kid")).toString().startsWith(cookie)
                   ? 3
                   : 0;
    }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& /*c*/,
                                             Inspection& out) const override
    {
        out.kind = QStringLiteral("jaas");
        out.findings += lint(t, true);
        out.permissions = explainPermissions(t.payload);
        return jwt::Algorithm::RS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        if (source.isSet(QStringLiteral("app-secret")))
            c.secret = source.flagValue(QStringLiteral("app-secret")).toUtf8();
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("JaaS applies context.features only to moderators: a participant's features have no "
                               "effect (spec 3.1)."),
                QStringLiteral("The Meet client hides the controls of features the token turns off.")};
    }

protected:
    bool selfHosted() const override { return false; }
};

class SelfHostedModule final : public JitsiFamily {
public:
    Provider id() const override { return Provider::Jitsi; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Jitsi (self-hosted)"); }

    QStringList secretFields() const override { return {QStringLiteral("appSecret"), QStringLiteral("privateKey")}; }
    QStringList profileFields() const override
    {
        return {QStringLiteral("serverUrl"),  QStringLiteral("appId"),
                QStringLiteral("keyId"),      QStringLiteral("audience"),
                QStringLiteral("subject"),    QStringLiteral("appSecret"),
                QStringLiteral("privateKey"), QStringLiteral("domainVerification")};
    }
    const char* fieldLabel(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QT_TRANSLATE_NOOP("td::Provider", "App &ID (app_id)");
        if (field == QStringLiteral("keyId"))
            return QT_TRANSLATE_NOOP("td::Provider", "Key I&D (kid, RS256)");
        if (field == QStringLiteral("privateKey"))
            return QT_TRANSLATE_NOOP("td::Provider", "Private &key (RS256)");
        return nullptr;
    }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"appId", "JITSI_APP_ID", false},
                {"keyId", "JITSI_KEY_ID", false},
                {"appSecret", "JITSI_APP_SECRET", true},
                {"privateKey", "JITSI_PRIVATE_KEY", true}};
    }
    QList<EnvironmentVariable> importedVariables() const override
    {
        return {{"serverUrl", "JITSI_URL", false}, {"subject", "JITSI_DOMAIN", false}};
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Prosody's token settings: app_id with app_secret (HS256), or a "
                                                 "private key and its key ID (RS256).");
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        if (field == QStringLiteral("serverUrl"))
            return QStringLiteral("https://meet.example.com");
        if (field == QStringLiteral("appId"))
            return QStringLiteral("my_app");
        if (field == QStringLiteral("keyId"))
            return QString::fromUtf8(QT_TRANSLATE_NOOP("td::Provider", "the key's name on the public key server"));
        if (field == QStringLiteral("audience"))
            return QStringLiteral("jitsi");
        if (field == QStringLiteral("subject"))
            return QString::fromUtf8(QT_TRANSLATE_NOOP("td::Provider", "meet.example.com, a tenant, or *"));
        return {};
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        const QByteArray appSecret = secrets.value(QStringLiteral("appSecret"));
        const QByteArray privateKey = secrets.value(QStringLiteral("privateKey"));
        if (p.appId.isEmpty())
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the Jitsi app_id is missing"));
        if (appSecret.isEmpty() && privateKey.isEmpty())
            addFinding(check.findings, Severity::Error, "credentials",
                       QT_TRANSLATE_NOOP("td::Finding", "give the app_secret (HS256) or a private key (RS256)"));
        if (!privateKey.isEmpty()) {
            checkPem(check, privateKey, false);
            if (p.keyId.isEmpty())
                addFinding(check.findings, Severity::Error, "key-id",
                           QT_TRANSLATE_NOOP("td::Finding", "RS256 needs a key id: Prosody fetches the key by it"));
        }
        if (!p.serverUrl.isEmpty()) {
            auto deployment = deploymentFromUrl(p.serverUrl, p.domainVerification);
            if (!deployment)
                addFinding(check.findings, Severity::Error, "server-url", deployment.error());
            else
                check.findings.append(
                    subjectFindings(p.subject.isEmpty() ? QStringLiteral("*") : p.subject, *deployment));
        }
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        return (!token.issuer.isEmpty() && p.appId == token.issuer) &&
               (token.keyId.isEmpty() || p.keyId.isEmpty() || p.keyId == token.keyId);
    }

    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        QByteArray secret = secrets.value(QStringLiteral("appSecret"));
        // With neither secret nor key, minting says which credentials Prosody needs.
        if (!secret.isEmpty() || secrets.value(QStringLiteral("privateKey")).isEmpty())
            return std::make_shared<const PreparedJitsi>(profile, std::move(secret), std::nullopt);
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        return std::make_shared<const PreparedJitsi>(profile, QByteArray(), std::move(*key));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.issuer = profile.appId;
        c.audience = profile.audience.isEmpty() ? QStringLiteral("jitsi") : profile.audience;
        c.secret = secrets.value(QStringLiteral("appSecret"));
        if (!c.secret.isEmpty())
            return c;
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        c.publicKey = key->publicKey();
        return c;
    }
    /**
     * What the profile knows and a bare token does not: whether Prosody verifies domains (a room pattern needs it)
     * and where the deployment is (what sub must be). Replaces the inspector's "needs domain verification" guess.
     */
    QList<Finding> profileFindings(const QJsonObject& payload, const credentials::Profile& profile,
                                   QList<Finding>& inspected) const override
    {
        QList<Finding> out;
        const bool pattern = payload.value(QStringLiteral("context"))
                                 .toObject()
                                 .value(QStringLiteral("room"))
                                 .toObject()
                                 .value(QStringLiteral("regex"))
                                 .toBool();
        if (pattern) {
            inspected.removeIf(
                [](const Finding& f) { return f.code == QStringLiteral("room-pattern-needs-domain-verification"); });
            for (const Finding& f : roomClaimFindings(payload.value(QStringLiteral("room")).toString(), true,
                                                      profile.domainVerification)) {
                if (f.code.contains(QStringLiteral("domain-verification")))
                    out.append(f);
            }
        }
        if (!profile.serverUrl.trimmed().isEmpty()) {
            if (auto d = deploymentFromUrl(profile.serverUrl, profile.domainVerification))
                out.append(subjectFindings(payload.value(QStringLiteral("sub")).toString(), *d));
        }
        return out;
    }
    QString joinLink(const mint::MintPlan& plan, const credentials::Profile& profile,
                     const QByteArray& token) const override
    {
        const QString segment = roomSegment(plan);
        if (segment.isEmpty())
            return {};
        QString base = profile.serverUrl.trimmed();
        if (base.isEmpty() && profile.subject != QStringLiteral("*"))
            base = profile.subject;
        if (base.isEmpty())
            return {};
        auto deployment = deploymentFromUrl(base, profile.domainVerification);
        if (!deployment)
            return {};
        const QUrl url = QUrl::fromUserInput(base);
        const QString authority =
            deployment->host + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString());
        const QString tenant =
            deployment->tenant.isEmpty() ? QString() : joinLinkSegment(deployment->tenant) + QLatin1Char('/');
        return QStringLiteral("https://%1/%2%3?jwt=%4").arg(authority, tenant, segment, QString::fromLatin1(token));
    }

    const char* mintSummary() const override { return "self-hosted Jitsi / Prosody token (HS256 or RS256)"; }
    const char* mintDescription() const override { return "Mint a self-hosted Jitsi (Prosody) token, HS256 or RS256."; }
    QList<OptionSpec> mintOptions() const override { return jitsi::mintOptions(false); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return jitsi::mintFromArguments(*this, arguments, false);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return jitsi::benchMinter(*this, credentials, clock, false);
    }

    int recognises(const jwt::DecodedJwt& t) const override
    {
        const QJsonObject& p = t.payload;
        return p.contains(QStringLiteral("context")) || p.contains(QStringLiteral("aud")) ||
                       p.contains(QStringLiteral("room"))
                   ? 2
                   : 0;
    }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        out.kind = t.algorithm.startsWith(QStringLiteral("RS")) ? QStringLiteral("jitsi-rs256")
                                                                : QStringLiteral("jitsi-hs256");
        out.findings += lint(t, false);
        out.permissions = explainPermissions(t.payload);
        if (!c.issuer.isEmpty() && t.payload.value(QStringLiteral("iss")).toString() != c.issuer)
            addFinding(
                out.findings, Severity::Error, "iss-mismatch",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "iss is not the app_id \"%1\": Prosody only accepts its asap_accepted_issuers"),
                c.issuer);
        if (!c.audience.isEmpty() && t.payload.value(QStringLiteral("aud")).toString() != c.audience)
            addFinding(out.findings, Severity::Error, "aud-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "aud is not \"%1\" (asap_accepted_audiences)"), c.audience);
        return std::nullopt;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& decoded,
                                       VerifyCredentials& c) const override
    {
        c.issuer = QString::fromUtf8(source.value(QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
        c.audience = source.flagValue(QStringLiteral("audience"));
        if (!decoded.header.value(QStringLiteral("alg")).toString().startsWith(QStringLiteral("RS")) ||
            source.isSet(QStringLiteral("app-secret")))
            c.secret = source.value(QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET"));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("Prosody makes a participant moderator (owner) when context.user.moderator is true "
                               "(mod_token_affiliation); the server must run it, with Jicofo's auto-owner off, for "
                               "the moderator column to matter (spec 3.2)."),
                QStringLiteral("Without context.features the server's defaults apply (mod_jitsi_permissions).")};
    }

protected:
    bool selfHosted() const override { return true; }
    // jitsi-get serves JaaS profiles too; it is listed once, here.
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint()}; }
};

} // namespace

PreparedJitsi::PreparedJitsi(const credentials::Profile& profile, QByteArray secret,
                             std::optional<crypto::RsaPrivateKey> key)
    : m_appId(profile.appId), m_keyId(profile.keyId), m_audience(profile.audience), m_subject(profile.subject),
      m_jaas(profile.provider == Provider::Jaas), m_secret(std::move(secret)), m_privateKey(std::move(key))
{
}

Result<MintedToken> PreparedJitsi::mint(const mint::MintPlan& plan, const Clock& clock,
                                        const crypto::RandomSource& /*random*/) const
{
    auto claims = claimsFromPayload(plan.claims);
    if (!claims)
        return std::unexpected(claims.error());
    claims->roomRaw = plan.roomRaw;
    return mintClaims(*claims, plan.ttlSeconds, plan.notBeforeSkew, clock);
}

Result<MintedToken> PreparedJitsi::mintClaims(const JitsiClaims& claims, qint64 ttlSeconds, qint64 notBeforeSkew,
                                              const Clock& clock) const
{
    if (m_jaas) {
        JaasRequest request{m_appId, m_keyId,    m_privateKey.value_or(crypto::RsaPrivateKey()),
                            claims,  ttlSeconds, notBeforeSkew};
        return mintJaas(request, clock);
    }
    SelfHostedRequest request;
    request.appId = m_appId;
    request.appSecret = m_secret;
    if (m_privateKey)
        request.privateKey = *m_privateKey;
    request.keyId = m_keyId;
    if (!m_audience.isEmpty())
        request.audience = m_audience;
    if (!m_subject.isEmpty())
        request.subject = m_subject;
    request.claims = claims;
    request.ttlSeconds = ttlSeconds;
    request.notBeforeSkew = notBeforeSkew;
    return mintSelfHosted(request, clock);
}

const ProviderModule& jaasModule()
{
    static const JaasModule instance;
    return instance;
}

const ProviderModule& selfHostedModule()
{
    static const SelfHostedModule instance;
    return instance;
}

} // namespace td::jitsi
