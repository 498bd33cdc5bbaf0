// SPDX-License-Identifier: MIT
// ZEGOCLOUD half of the inspector: Token04 (both layouts) and the UIKit Kit Token.
#include "core/inspect/TokenInspector.h"

#include "core/Duration.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"

#include <QJsonArray>

namespace td {
namespace {

void explainPrivilege(const QString& payload, Inspection& out)
{
    out.permissions << zego::explainPayload(payload);
    auto priv = zego::RoomPrivilege::fromPayload(payload);
    if (payload.isEmpty() || !priv)
        return;
    out.claims.insert(QStringLiteral("privilege"),
                      QJsonObject{{QStringLiteral("room_id"), priv->roomId},
                                  {QStringLiteral("login"), priv->allowLogin},
                                  {QStringLiteral("publish"), priv->allowPublish},
                                  {QStringLiteral("stream_id_list"),
                                   priv->streamIds ? QJsonValue(QJsonArray::fromStringList(*priv->streamIds))
                                                   : QJsonValue(QJsonValue::Null)}});
}

} // namespace

Result<Inspection> TokenInspector::inspectZego(const QByteArray& token, const VerifyCredentials& c) const
{
    Inspection out;
    out.provider = Provider::Zego;
    QByteArray token04 = token;
    std::optional<zego::KitInfo> kitInfo;
    if (token.contains('#')) {
        auto kit = zego::parseKitToken(token);
        if (!kit)
            return std::unexpected(kit.error());
        token04 = kit->token04;
        kitInfo = kit->info;
        out.kind = QStringLiteral("zego-kit-token");
        out.header.insert(QStringLiteral("kit"),
                          QJsonObject{{QStringLiteral("userID"), kit->info.userId},
                                      {QStringLiteral("roomID"), kit->info.roomId},
                                      {QStringLiteral("userName"), kit->info.userName},
                                      {QStringLiteral("appID"), static_cast<qint64>(kit->info.appId)}});
        if (c.zegoAppId && kit->info.appId != *c.zegoAppId)
            addFinding(out.findings, Severity::Error, "app-id-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "the Kit Token's appID %1 is not the expected %2"),
                       kit->info.appId, *c.zegoAppId);
    }
    auto env = zego::parseToken04(token04);
    if (!env)
        return std::unexpected(env.error());
    if (out.kind.isEmpty())
        out.kind = QStringLiteral("zego-token04-") + zego::layoutName(env->layout);
    out.header.insert(QStringLiteral("version"), QStringLiteral("04"));
    out.header.insert(QStringLiteral("layout"), zego::layoutName(env->layout));
    out.header.insert(QStringLiteral("expire"), env->expire);
    out.header.insert(QStringLiteral("ivLength"), env->iv.size());
    out.header.insert(QStringLiteral("ciphertextLength"), env->ciphertext.size());
    addTime(out, QStringLiteral("expire"), static_cast<double>(env->expire));

    const qint64 now = m_clock.nowSeconds();
    const qint64 leeway = c.leewaySeconds.value_or(0);
    if (now >= env->expire + leeway)
        addFinding(out.findings, Severity::Error, "expired",
                   QT_TRANSLATE_NOOP("td::Finding", "expired %1: ZEGOCLOUD refuses it at login"),
                   formatRelative(env->expire, now));
    if (env->layout == zego::Layout::Cbc)
        addFinding(
            out.findings, Severity::Info, "cbc-layout",
            QT_TRANSLATE_NOOP("td::Finding",
                              "CBC layout: accepted, but the newest official generator writes GCM (authenticated)"));

    if (c.secret.isEmpty()) {
        addFinding(out.findings, Severity::Info, "encrypted",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "the claims are encrypted: give the ServerSecret to read and verify them"));
        return out;
    }
    auto plain = zego::decryptToken04(*env, c.secret);
    if (!plain) {
        out.signature = SignatureState::Invalid;
        addFinding(out.findings, Severity::Error, "decrypt-failed", plain.error());
        return out;
    }
    out.signature = SignatureState::Valid;
    out.claims = plain->object;
    out.times.clear();
    addTime(out, QStringLiteral("ctime"), static_cast<double>(plain->ctime));
    addTime(out, QStringLiteral("expire"), static_cast<double>(plain->expire));
    if (plain->expire != env->expire)
        addFinding(out.findings, Severity::Error, "expire-mismatch",
                   QT_TRANSLATE_NOOP(
                       "td::Finding",
                       "the clear expire (%1) differs from the encrypted one (%2): the token was assembled by hand"),
                   env->expire, plain->expire);
    if (c.zegoAppId && plain->appId != *c.zegoAppId)
        addFinding(out.findings, Severity::Error, "app-id-mismatch",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "app_id %1 is not the expected AppID %2: ZEGOCLOUD refuses tokens of another app"),
                   plain->appId, *c.zegoAppId);
    if (plain->ctime > now + 60)
        addFinding(out.findings, Severity::Warning, "ctime-future",
                   QT_TRANSLATE_NOOP("td::Finding", "ctime is %1: the minting machine's clock is ahead"),
                   formatRelative(plain->ctime, now));
    if (!plain->payload)
        addFinding(out.findings, Severity::Info, "no-payload",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "no payload member: made by the UIKit test generator (generateKitTokenForTest)"));
    // The Kit Token's outer part is plain base64 anyone can rewrite; only the Token04 inside is authenticated.
    if (kitInfo) {
        if (kitInfo->userId != plain->userId)
            addFinding(
                out.findings, Severity::Error, "kit-user-mismatch",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "the Kit Token says userID \"%1\" but its authenticated Token04 is for \"%2\": the "
                                  "outer part was changed, or the two were assembled from different mints"),
                kitInfo->userId, plain->userId);
        const auto privilege = zego::RoomPrivilege::fromPayload(plain->payload.value_or(QString()));
        if (privilege && !privilege->roomId.isEmpty() && privilege->roomId != kitInfo->roomId)
            addFinding(
                out.findings, Severity::Error, "kit-room-mismatch",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "the Kit Token says roomID \"%1\" but its authenticated Token04 allows only room "
                                  "\"%2\""),
                kitInfo->roomId, privilege->roomId);
        if (kitInfo->appId != plain->appId)
            addFinding(out.findings, Severity::Error, "kit-app-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding",
                                         "the Kit Token says appID %1 but its authenticated Token04 is for app %2"),
                       kitInfo->appId, plain->appId);
    }
    out.permissions << QStringLiteral("user %1 of app %2").arg(plain->userId).arg(plain->appId);
    explainPrivilege(plain->payload.value_or(QString()), out);
    return out;
}

} // namespace td
