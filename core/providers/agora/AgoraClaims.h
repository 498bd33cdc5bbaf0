// SPDX-License-Identifier: MIT
// What one Agora mint asks for (the plan's claims, the form, a batch row) and how a token reads in words.
#pragma once

#include "core/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"
#include "core/providers/agora/AgoraToken.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace td::agora {

/** An RTC token, as RtcTokenBuilder2 builds it, with the RTM and Chat services beside it when asked for. */
struct AgoraClaims {
    QString channel;
    std::optional<quint32> uid; // set: a numeric uid (0: any user); unset: the account below
    QString account;
    bool publisher = true;                     // publish audio, video and data as well as join
    std::optional<qint64> privilegeTtlSeconds; // unset: the token's own TTL
    QString rtmUserId;                         // an RTM login service for this user
    QString chatUserId;                        // a Chat user service for this user

    /** Sets the user from text, as forms and batch rows give it: digits are a uid (0: any user), else an account. */
    void setUser(const QString& user);
    /** The RTC service's user as the token writes it (uid 0: ""). */
    QString rtcUser() const { return uid ? uidText(*uid) : account; }
    /** The plan's JSON: channel, uid or account, role, privilege_ttl, rtm_user_id, chat_user_id. */
    QJsonObject toJson() const;
};

/** Reads a plan's claims; what is malformed becomes a finding. */
AgoraClaims readClaims(const QJsonObject& claims, QList<Finding>& findings);
/** Checks what Agora refuses or the SDK cannot build: the channel, an account over 255 bytes, the lifetimes. */
Result<void> validateClaims(const AgoraClaims& claims, qint64 ttlSeconds);

/** Mints AccessToken2 tokens with one app ID and certificate. Thread-safe. */
class AgoraMinter final {
public:
    static Result<AgoraMinter> create(const QString& appId, QByteArrayView appCertificate);
    /** `random` draws the salt (empty: the CSPRNG). */
    Result<MintedToken> mint(const AgoraClaims& claims, qint64 ttlSeconds, const Clock& clock,
                             const crypto::RandomSource& random = {}) const;

private:
    AgoraMinter(QString appId, QByteArray certificate)
        : m_appId(std::move(appId)), m_certificate(std::move(certificate))
    {
    }
    QString m_appId;
    QByteArray m_certificate;
};

/** A token's services as JSON: app_id, issue_ts, expire, salt, services [{service, channel, uid, privileges}]. */
OrderedJson describe(const AccessToken2& token);
/** Findings of a parsed token at `now`: expiry, lifetimes, uid 0, the channel, services this build cannot read. */
void lint(const AccessToken2& token, qint64 now, QList<Finding>& findings);
/** What the token lets its holder do, in words, with each privilege's expiry. */
QStringList explainPermissions(const AccessToken2& token, qint64 now);
/** The claims in a few words ("channel standup, uid 42, publisher"), for History and batch output. */
QString summary(const AgoraClaims& claims);

} // namespace td::agora
