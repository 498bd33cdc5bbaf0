// SPDX-License-Identifier: MIT
#include "core/providers/zego/ZegoModule.h"

#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/batch/RowCells.h"
#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/inspect/TokenInspector.h"
#include "core/mint/MintPlan.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/ZegoCommandLine.h"
#include "core/providers/zego/ZegoEndpoints.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonArray>

namespace td::zego {
namespace {

class PreparedZego final : public PreparedMinter {
public:
    PreparedZego(quint32 appId, QByteArray secret) : m_appId(appId), m_secret(std::move(secret)) {}

    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override
    {
        Token04Request request;
        request.appId = m_appId;
        request.userId = plan.claims.value(QStringLiteral("user_id")).toString();
        request.serverSecret = m_secret;
        request.effectiveSeconds = plan.ttlSeconds;
        request.payload = plan.claims.value(QStringLiteral("payload")).toString();
        request.random = random;
        const QString cipher = plan.claims.value(QStringLiteral("cipher")).toString(QStringLiteral("gcm"));
        const auto layout = parseLayout(cipher);
        if (!layout)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "cipher must be gcm or cbc, not \"%1\""), cipher);
        request.layout = *layout;
        auto minted = mintToken04(request, clock);
        if (!minted)
            return minted;
        const QJsonObject kit = plan.claims.value(QStringLiteral("kit")).toObject();
        if (!kit.isEmpty()) {
            const KitInfo info{request.userId, kit.value(QStringLiteral("room_id")).toString(),
                               kit.value(QStringLiteral("user_name")).toString(), request.appId};
            auto kitToken = makeKitToken(minted->token, info);
            if (!kitToken)
                return std::unexpected(kitToken.error());
            minted->token = *kitToken;
        }
        return minted;
    }

private:
    quint32 m_appId;
    crypto::SecretByteArray m_secret;
};

class ZegoModule final : public ProviderModule {
public:
    Provider id() const override { return Provider::Zego; }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "ZEGOCLOUD"); }

    QStringList secretFields() const override { return {QStringLiteral("serverSecret")}; }
    QStringList profileFields() const override
    {
        return {QStringLiteral("appId"), QStringLiteral("serverSecret"), QStringLiteral("cipher")};
    }
    QList<EnvironmentVariable> environmentVariables() const override
    {
        return {{"appId", "ZEGO_APP_ID", false}, {"serverSecret", "ZEGO_SERVER_SECRET", true}};
    }
    const char* profileHint() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider",
                                 "From the ZEGOCLOUD console: the AppID (digits) and the 32-character ServerSecret.");
    }
    QString fieldPlaceholder(const QString& field) const override
    {
        if (field == QStringLiteral("appId"))
            return QString::fromUtf8(QT_TRANSLATE_NOOP("td::Provider", "digits, for example 1234567890"));
        if (field == QStringLiteral("serverSecret"))
            return QString::fromUtf8(QT_TRANSLATE_NOOP("td::Provider", "32 characters"));
        return {};
    }
    void checkProfile(const credentials::Profile& p, const ProfileSecrets& secrets,
                      credentials::ProfileCheck& check) const override
    {
        bool ok = false;
        const qulonglong appId = p.appId.toULongLong(&ok); // as stored: surrounding spaces are an error here
        if (!ok || appId == 0 || appId > 0xffffffffULL)
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the ZEGOCLOUD AppID must be a non-zero 32-bit number"));
        const QByteArray secret = secrets.value(QStringLiteral("serverSecret"));
        if (secret.size() != 32)
            addFinding(check.findings, Severity::Error, "server-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the ServerSecret must be exactly 32 characters, this has %1"),
                       secret.size());
        if (!p.cipher.isEmpty() && p.cipher != QStringLiteral("gcm") && p.cipher != QStringLiteral("cbc"))
            addFinding(check.findings, Severity::Error, "cipher",
                       QT_TRANSLATE_NOOP("td::Finding", "the cipher is gcm or cbc"));
    }
    bool matchesBySignature(const Inspection& decoded) const override
    {
        return !decoded.header.contains(QStringLiteral("kit")); // a Kit Token names its AppID in the clear
    }
    bool profileMatches(const credentials::Profile& p, const TokenKeys& token) const override
    {
        return token.kitAppId.isUndefined() || p.appId == QString::number(token.kitAppId.toInteger());
    }

    qint64 defaultTtlSeconds() const override { return kDefaultEffectiveSeconds; }
    Result<std::shared_ptr<const PreparedMinter>> prepare(const credentials::Profile& profile,
                                                          const ProfileSecrets& secrets) const override
    {
        auto appId = parseAppId(profile.appId);
        if (!appId)
            return std::unexpected(appId.error());
        return std::make_shared<const PreparedZego>(*appId, secrets.value(QStringLiteral("serverSecret")));
    }
    Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                                const ProfileSecrets& secrets) const override
    {
        VerifyCredentials c;
        c.provider = id();
        c.secret = secrets.value(QStringLiteral("serverSecret"));
        auto appId = parseAppId(profile.appId);
        if (!appId)
            return std::unexpected(appId.error());
        c.zegoAppId = *appId;
        return c;
    }
    QString identityOf(const mint::MintPlan& plan) const override
    {
        return plan.claims.value(QStringLiteral("user_id")).toString();
    }
    QString roomOf(const mint::MintPlan& plan) const override
    {
        QString kitRoom =
            plan.claims.value(QStringLiteral("kit")).toObject().value(QStringLiteral("room_id")).toString();
        if (!kitRoom.isEmpty())
            return kitRoom;
        auto privilege = RoomPrivilege::fromPayload(plan.claims.value(QStringLiteral("payload")).toString());
        return privilege ? privilege->roomId : QString();
    }
    QString grantsSummary(const mint::MintPlan& plan) const override
    {
        QStringList parts;
        const QString payload = plan.claims.value(QStringLiteral("payload")).toString();
        auto privilege = RoomPrivilege::fromPayload(payload);
        if (payload.isEmpty()) {
            parts << QStringLiteral("basic token");
        } else if (privilege) {
            parts << (privilege->allowLogin ? QStringLiteral("login") : QStringLiteral("no login"));
            parts << (privilege->allowPublish ? QStringLiteral("publish") : QStringLiteral("no publish"));
            if (privilege->streamIds)
                parts << QStringLiteral("streams ") + privilege->streamIds->join(QLatin1Char('+'));
        } else {
            parts << QStringLiteral("custom payload");
        }
        if (plan.claims.contains(QStringLiteral("kit")))
            parts << QStringLiteral("kit token");
        return parts.join(QStringLiteral(", "));
    }

    const char* mintSummary() const override
    {
        return "ZEGOCLOUD Token04 (GCM or CBC), room privileges, UIKit Kit Token";
    }
    const char* mintDescription() const override
    {
        return "Mint a ZEGOCLOUD Token04, optionally with room privileges or as a UIKit Kit Token.";
    }
    QList<OptionSpec> mintOptions() const override { return zego::mintOptions(); }
    Result<MintedToken> mintFromArguments(const MintArguments& arguments) const override
    {
        return zego::mintFromArguments(*this, arguments);
    }
    Result<BenchMint> benchMinter(const BenchCredentials& credentials, const Clock& clock) const override
    {
        return zego::benchMinter(*this, credentials, clock);
    }

    bool mintsJwt() const override { return false; }
    Result<void> readVerifyCredentials(const CredentialSource& source, const Inspection& /*decoded*/,
                                       VerifyCredentials& c) const override
    {
        c.secret = source.value(QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET"));
        const QByteArray appId = source.value(QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID"));
        if (appId.isEmpty())
            return {};
        auto id = parseAppId(QString::fromUtf8(appId));
        if (!id)
            return fail(ErrorCode::ZegoAppIdInvalid,
                        QT_TRANSLATE_NOOP("td::Error", "the Zego AppID must be a non-zero 32-bit number"));
        c.zegoAppId = *id;
        return {};
    }

    QStringList matrixNotes() const override
    {
        return {QStringLiteral("ZEGOCLOUD checks login and publish privileges only when room privilege authentication "
                               "is enabled for the AppID (ZEGO support turns it on); otherwise every valid token may "
                               "log in and publish (spec 2.6)."),
                QStringLiteral("Zego tokens have no join link: give the token to the SDK's loginRoom.")};
    }
    QList<batch::MatrixDimension> matrixDimensions(const batch::MatrixSpec& spec) const override
    {
        QList<QStringList> lists = spec.streamLists;
        if (lists.isEmpty())
            lists = {{}, {spec.identityPrefix + QStringLiteral("-stream")}};
        batch::DimensionValues streams;
        for (const QStringList& list : lists)
            streams.append({batch::listLabel(list, QStringLiteral("any")), QJsonArray::fromStringList(list)});
        return {batch::MatrixDimension{QStringLiteral("login"), QStringLiteral("may log in"), batch::yesNo(true)},
                batch::MatrixDimension{QStringLiteral("publish"), QStringLiteral("may publish"), batch::yesNo(true)},
                batch::MatrixDimension{QStringLiteral("streams"), QStringLiteral("stream list"), streams}};
    }
    void matrixClaims(mint::MintPlan& plan, const QString& identity, const QString& room,
                      const QList<QPair<QString, QJsonValue>>& chosen) const override
    {
        RoomPrivilege privilege;
        privilege.roomId = room;
        for (const auto& [key, value] : chosen) {
            if (key == QStringLiteral("login"))
                privilege.allowLogin = value.toBool();
            else if (key == QStringLiteral("publish"))
                privilege.allowPublish = value.toBool();
            else if (key == QStringLiteral("streams") && value.isArray() && !value.toArray().isEmpty()) {
                QStringList ids;
                for (const QJsonValue& streamId : value.toArray())
                    ids << streamId.toString();
                privilege.streamIds = ids;
            }
        }
        plan.claims =
            QJsonObject{{QStringLiteral("user_id"), identity}, {QStringLiteral("payload"), privilege.toPayload()}};
    }
    QStringList expectedBehaviour(const MintedToken& /*minted*/, const mint::MintPlan& plan) const override
    {
        return explainPayload(plan.claims.value(QStringLiteral("payload")).toString());
    }

    QStringList batchColumns() const override
    {
        return {QStringLiteral("login"), QStringLiteral("publish"), QStringLiteral("streams"), QStringLiteral("kit"),
                QStringLiteral("cipher")};
    }
    Result<batch::RowPlan> planForRow(const batch::RowCells& cells, const QString& room,
                                      mint::MintPlan plan) const override;
    QList<const server::EndpointKind*> endpointKinds() const override { return {&getEndpoint()}; }
};

Result<batch::RowPlan> ZegoModule::planForRow(const batch::RowCells& cells, const QString& room,
                                              mint::MintPlan plan) const
{
    static const int identityColumn = cells.column(QLatin1StringView("identity"));
    static const int nameColumn = cells.column(QLatin1StringView("name"));
    static const int presetColumn = cells.column(QLatin1StringView("preset"));
    static const int loginColumn = cells.column(QLatin1StringView("login"));
    static const int publishColumn = cells.column(QLatin1StringView("publish"));
    static const int streamsColumn = cells.column(QLatin1StringView("streams"));
    static const int cipherColumn = cells.column(QLatin1StringView("cipher"));
    static const int kitColumn = cells.column(QLatin1StringView("kit"));
    const QString identity = cells.text(identityColumn);
    if (identity.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty (the Zego user ID)"));
    plan.claims.insert(QStringLiteral("user_id"), identity);
    RoomPrivilege privilege;
    privilege.roomId = room;
    bool restricted = false;
    if (const QString preset = cells.text(presetColumn).toLower(); !preset.isEmpty()) {
        if (preset != QStringLiteral("viewer") && preset != QStringLiteral("speaker"))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "preset: \"%1\" is not a Zego preset; use viewer (login only) or speaker "
                                          "(login and publish)"),
                        preset);
        privilege.allowPublish = preset == QStringLiteral("speaker");
        restricted = true;
    }
    for (const auto& [column, target] :
         {std::pair{loginColumn, &privilege.allowLogin}, {publishColumn, &privilege.allowPublish}}) {
        if (cells.isEmpty(column))
            continue;
        auto on = cells.boolean(column);
        if (!on)
            return std::unexpected(on.error());
        *target = *on;
        restricted = true;
    }
    if (!cells.isEmpty(streamsColumn)) {
        auto ids = cells.list(streamsColumn);
        if (!ids)
            return std::unexpected(ids.error());
        privilege.streamIds = *ids;
        restricted = true;
    }
    if (restricted)
        plan.claims.insert(QStringLiteral("payload"), privilege.toPayload());
    if (!cells.isEmpty(cipherColumn))
        plan.claims.insert(QStringLiteral("cipher"), cells.text(cipherColumn).toLower());
    if (!cells.isEmpty(kitColumn)) {
        auto on = cells.boolean(kitColumn);
        if (!on)
            return std::unexpected(on.error());
        if (*on) {
            if (room.isEmpty())
                return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "kit: a Kit Token needs a room"));
            const QString name = cells.text(nameColumn);
            plan.claims.insert(QStringLiteral("kit"),
                               QJsonObject{{QStringLiteral("room_id"), room},
                                           {QStringLiteral("user_name"), name.isEmpty() ? identity : name}});
        }
    }
    batch::RowPlan out;
    out.base = std::move(plan);
    return out;
}

} // namespace

const ProviderModule& module()
{
    static const ZegoModule instance;
    return instance;
}

Result<quint32> parseAppId(const QString& text)
{
    bool ok = false;
    const qulonglong id = text.trimmed().toULongLong(&ok);
    if (!ok || id == 0 || id > 0xffffffffULL)
        return fail(ErrorCode::ZegoAppIdInvalid,
                    QT_TRANSLATE_NOOP("td::Error", "the profile's AppID must be a non-zero 32-bit number"));
    return static_cast<quint32>(id);
}

} // namespace td::zego
