// SPDX-License-Identifier: MIT
#include "core/providers/livekit/LiveKitModule.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/livekit/LiveKitCommandLine.h"
#include "core/providers/livekit/LiveKitEndpoints.h"
#include "core/providers/livekit/LiveKitPresets.h"

#include <QJsonArray>
#include <QUrl>

namespace td::livekit {
namespace {

// What LiveKit's claims reader understands; anything else in a plan is passed through as a custom claim.
const QStringList& knownClaims()
{
    static const QStringList keys{
        QStringLiteral("sub"),        QStringLiteral("jti"),           QStringLiteral("name"),
        QStringLiteral("video"),      QStringLiteral("sip"),           QStringLiteral("agent"),
        QStringLiteral("inference"),  QStringLiteral("observability"), QStringLiteral("roomConfig"),
        QStringLiteral("roomPreset"), QStringLiteral("metadata"),      QStringLiteral("attributes"),
        QStringLiteral("kind"),       QStringLiteral("kindDetails"),   QStringLiteral("sha256"),
    };
    return keys;
}

void lintEnvelope(const jwt::DecodedJwt& t, QList<Finding>& out)
{
    if (t.algorithm != QStringLiteral("HS256"))
        addFinding(out, Severity::Error, "wrong-alg",
                   QT_TRANSLATE_NOOP("td::Finding", "LiveKit servers accept only HS256, this token uses \"%1\""),
                   t.algorithm);
    if (!t.payload.value(QStringLiteral("iss")).isString())
        addFinding(
            out, Severity::Error, "missing-iss",
            QT_TRANSLATE_NOOP("td::Finding",
                              "no iss: the server finds the API secret by iss (the API key), so it answers 401"));
    const QJsonValue typ = t.header.value(QStringLiteral("typ"));
    if (!typ.isUndefined() && typ.toString() != QStringLiteral("JWT"))
        addFinding(out, Severity::Info, "unusual-typ",
                   QT_TRANSLATE_NOOP("td::Finding", "header typ \"%1\" is unusual (LiveKit ignores it)"),
                   typ.toString());
}

class LiveKitModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::LiveKit; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "LiveKit"); }

    QStringList secretFields() const override { return {QStringLiteral("apiSecret")}; }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"apiKey", "LIVEKIT_API_KEY", false},
                {"serverUrl", "LIVEKIT_URL", false},
                {"apiSecret", "LIVEKIT_API_SECRET", true}};
    }
    QStringList profileFields() const override
    {
        return {QStringLiteral("serverUrl"), QStringLiteral("apiKey"), QStringLiteral("apiSecret")};
    }
    QString identityField() const override { return QStringLiteral("apiKey"); }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "From the LiveKit Cloud project settings (API keys), or the keys: "
                                                 "section of livekit.yaml.");
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        return field == QStringLiteral("serverUrl") ? QStringLiteral("wss://project.livekit.cloud") : QString();
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        const QByteArray secret = secrets.value(QStringLiteral("apiSecret"));
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the LiveKit API key is missing"));
        if (secret.isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the LiveKit API secret is missing"));
        else if (secret.size() < 32)
            addFinding(check.findings, Severity::Warning, "short-secret",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "the API secret has %1 characters; LiveKit accepts it (the dev server uses \"secret\"), "
                           "but production secrets should have at least 32"),
                       secret.size());
        if (!p.serverUrl.isEmpty() && !p.serverUrl.startsWith(QStringLiteral("wss://")) &&
            !p.serverUrl.startsWith(QStringLiteral("ws://")) && !p.serverUrl.startsWith(QStringLiteral("https://")) &&
            !p.serverUrl.startsWith(QStringLiteral("http://")))
            addFinding(
                check.findings, Severity::Error, "server-url",
                QT_TRANSLATE_NOOP("td::Finding", "the LiveKit URL should look like wss://project.livekit.cloud"));
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        return !token.issuer.isEmpty() && p.apiKey == token.issuer;
    }

    qint64 defaultTtlSeconds() const override { return kDefaultTtlSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto minter = LiveKitMinter::create(profile.apiKey, secrets.value(QStringLiteral("apiSecret")));
        if (!minter)
            return std::unexpected(minter.error());
        return std::make_shared<const PreparedLiveKit>(std::move(*minter));
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
    QString joinLink(const mint::MintPlan& plan, const credentials::Profile& profile,
                     const QByteArray& token) const override
    {
        return meetLink(profile.serverUrl, roomOf(plan), token);
    }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("sub")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QList<Finding> ignored;
        return livekit::grantsSummary(readClaims(plan.claims, ignored));
    }

    const char* mintSummary() const override { return "LiveKit access token (HS256)"; }
    const char* mintDescription() const override { return "Mint a LiveKit access token (HS256)."; }
    QList<OptionSpec> mintOptions() const override { return livekit::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return livekit::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return livekit::benchMinter(*this, credentials, clock);
    }

    int recognises(const jwt::DecodedJwt& t) const override
    {
        for (const char* key : {"video", "sip", "agent", "inference", "observability", "roomConfig", "roomPreset",
                                "sha256", "kind", "attributes"}) {
            if (t.payload.contains(QLatin1String(key)))
                return 2;
        }
        return t.payload.value(QStringLiteral("iss")).isString() ? 1 : 0; // 1: a grant-less server API token
    }
    qint64 serverLeewaySeconds() const override { return kServerLeewaySeconds; }
    bool requiresExpiry() const override { return true; }
    std::optional<jwt::Algorithm> inspectJwt(const jwt::DecodedJwt& t, const VerifyCredentials& c,
                                             Inspection& out) const override
    {
        out.kind = QStringLiteral("livekit-access-token");
        lintEnvelope(t, out.findings);
        const LiveKitClaims claims = readClaims(t.payload, out.findings);
        out.permissions = explainPermissions(claims, claims.identity);
        if (!c.apiKey.isEmpty() && t.payload.value(QStringLiteral("iss")).toString() != c.apiKey)
            addFinding(out.findings, Severity::Error, "iss-mismatch",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "iss is \"%1\", not the API key \"%2\": the server would look up another key's secret"),
                       t.payload.value(QStringLiteral("iss")).toString(), c.apiKey);
        return jwt::Algorithm::HS256;
    }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.apiKey = QString::fromUtf8(source.value(QStringLiteral("api-key"), QStringLiteral("LIVEKIT_API_KEY")));
        c.secret = source.value(QStringLiteral("api-secret"), QStringLiteral("LIVEKIT_API_SECRET"));
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("LiveKit checks the token when the participant connects; expiry only gates that first "
                               "connection, not reconnects (spec 1.7)."),
                QStringLiteral("canPublishSources narrows canPublish: a source may be published only when canPublish "
                               "is true and the list is empty or names it. canPublishData follows canPublish when it "
                               "is not set (spec 1.4)."),
                QStringLiteral("A hidden participant is invisible to the others: they do not see it in the "
                               "participant list, even while it subscribes.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& spec) const override
    {
        QList<QStringList> sets = spec.sourceSets;
        if (sets.isEmpty())
            sets = {{},
                    {QStringLiteral("camera")},
                    {QStringLiteral("microphone")},
                    {QStringLiteral("screen_share"), QStringLiteral("screen_share_audio")}};
        batch::DimensionValues sources;
        for (const QStringList& set : sets)
            sources.append({batch::listLabel(set, QStringLiteral("all")), QJsonArray::fromStringList(set)});
        return {
            batch::MatrixDimension{QStringLiteral("canPublish"), QStringLiteral("can publish"), batch::yesNo(true)},
            batch::MatrixDimension{QStringLiteral("canPublishSources"), QStringLiteral("publish sources"), sources},
            batch::MatrixDimension{QStringLiteral("canSubscribe"), QStringLiteral("can subscribe"), batch::yesNo(true)},
            batch::MatrixDimension{QStringLiteral("hidden"), QStringLiteral("hidden"), batch::yesNo(false)},
            batch::MatrixDimension{QStringLiteral("roomAdmin"), QStringLiteral("room admin"), batch::yesNo(false)}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        QJsonObject video{{QStringLiteral("roomJoin"), true}, {QStringLiteral("room"), room}};
        for (const auto& [key, value] : chosen)
            video.insert(key, value);
        plan.claims = QJsonObject{
            {QStringLiteral("sub"), identity}, {QStringLiteral("name"), identity}, {QStringLiteral("video"), video}};
    }
    QStringList expectedBehaviour(const MintedToken& minted, const mint::MintPlan& /*plan*/) const override
    {
        // From what the token itself carries, so the checklist describes the real token.
        QList<Finding> ignored;
        const LiveKitClaims claims = readClaims(minted.claims.toJsonValue().toObject(), ignored);
        return explainPermissions(claims, claims.identity);
    }

    QStringList batchColumns() const override
    {
        return {QStringLiteral("grants"), QStringLiteral("metadata"), QStringLiteral("attributes"),
                QStringLiteral("claims")};
    }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override;
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint(), &standardEndpoint()}; }
};

Result<batch::RowPlan> LiveKitModule::planForRow(const batch::RowCells& cells, const QString& room,
                                                 mint::MintPlan plan) const
{
    static const int identity = cells.column(QLatin1StringView("identity"));
    static const int name = cells.column(QLatin1StringView("name"));
    static const int metadata = cells.column(QLatin1StringView("metadata"));
    static const int preset = cells.column(QLatin1StringView("preset"));
    static const int grants = cells.column(QLatin1StringView("grants"));
    static const int attributes = cells.column(QLatin1StringView("attributes"));
    LiveKitClaims claims;
    claims.identity = cells.text(identity);
    claims.name = cells.text(name);
    claims.metadata = cells.rawText(metadata); // metadata is opaque: a text cell is kept exactly, untrimmed
    VideoGrant defaults;
    defaults.roomJoin = true;
    defaults.room = room;
    claims.video = defaults;
    if (const QString role = cells.text(preset).toLower(); !role.isEmpty()) {
        if (auto ok = applyPreset(role, claims); !ok)
            return fail(ok.error().at(QStringLiteral("preset")));
    }
    if (!cells.isEmpty(grants)) {
        auto obj = cells.object(grants, {QStringLiteral("canPublishSources")});
        if (!obj)
            return std::unexpected(obj.error());
        if (auto ok = claims.video->merge(*obj); !ok)
            return fail(ok.error().at(QStringLiteral("grants")));
    }
    if (claims.identity.isEmpty() && claims.video->roomJoin)
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "identity: empty, and LiveKit needs one to join a room"));
    if (claims.video->roomJoin && claims.video->room.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "room: empty (give a room column or a default room)"));
    if (!cells.isEmpty(attributes)) {
        auto obj = cells.object(attributes);
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it)
            claims.attributes.append({it.key(), cells.valueText(it.value())});
    }
    batch::RowPlan out;
    out.base = std::move(plan);
    out.liveKit = std::move(claims);
    return out;
}

} // namespace

const ProviderModule& module()
{
    static const LiveKitModule instance;
    return instance;
}

Result<MintedToken> PreparedLiveKit::mint(const mint::MintPlan& plan, const Clock& clock,
                                          const crypto::RandomSource& /*random*/) const
{
    QList<Finding> findings;
    const LiveKitClaims claims = readClaims(plan.claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    QJsonObject extra;
    for (auto it = plan.claims.begin(); it != plan.claims.end(); ++it) {
        if (!knownClaims().contains(it.key()))
            extra.insert(it.key(), it.value());
    }
    return mintClaims(claims, plan.ttlSeconds, clock, extra);
}

Result<MintedToken> PreparedLiveKit::mintClaims(const LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                                const QJsonObject& extraClaims) const
{
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    return m_minter.mint(claims, ttlSeconds, clock, extraClaims);
}

QString meetLink(const QString& serverUrl, const QString& room, const QByteArray& token)
{
    if (serverUrl.isEmpty() || room.isEmpty())
        return {};
    // LiveKit Meet's "custom" page connects to any server with a URL and a token.
    return QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=%1&token=%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(serverUrl)), QString::fromLatin1(token));
}

QString grantsSummary(const LiveKitClaims& claims)
{
    QStringList parts;
    if (claims.video) {
        const VideoGrant& v = *claims.video;
        if (v.roomJoin)
            parts << QStringLiteral("join");
        if (v.roomAdmin)
            parts << QStringLiteral("admin");
        if (v.roomJoin) {
            if (!v.effectiveCanPublish())
                parts << QStringLiteral("no publish");
            else if (!v.canPublishSources.isEmpty())
                parts << QStringLiteral("publish ") + v.canPublishSources.join(QLatin1Char('+'));
            else
                parts << QStringLiteral("publish");
            parts << (v.effectiveCanSubscribe() ? QStringLiteral("subscribe") : QStringLiteral("no subscribe"));
            if (!v.effectiveCanPublishData())
                parts << QStringLiteral("no data");
        }
        for (const auto& [on, word] : {std::pair{v.roomCreate, "create"},
                                       {v.roomList, "list"},
                                       {v.roomRecord, "record"},
                                       {v.ingressAdmin, "ingress admin"},
                                       {v.hidden, "hidden"},
                                       {v.recorder, "recorder"},
                                       {v.agent, "agent"}}) {
            if (on)
                parts << QString::fromLatin1(word);
        }
    }
    if (claims.sip)
        parts << QStringLiteral("sip");
    if (claims.agent)
        parts << QStringLiteral("agent admin");
    return parts.join(QStringLiteral(", "));
}

} // namespace td::livekit
