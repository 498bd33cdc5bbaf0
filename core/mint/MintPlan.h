// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/providers/MintedToken.h"
#include "core/providers/Provider.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace td::mint {

/**
 * One mint, described independently of any form: what the Mint page edits (its raw JSON view), what History
 * keeps to mint the same claims again, and what a batch row becomes. `claims` holds the provider's claims as the
 * token carries them, without the times and issuer the minter sets:
 *  - LiveKit: sub (identity), name, video, sip, agent, inference, observability, roomConfig, roomPreset, metadata,
 *    attributes, kind, kindDetails, sha256, and any custom top-level claim;
 *  - JaaS / Jitsi: room and context (user, features, room regex, group);
 *  - ZEGOCLOUD: {"user_id", "payload", "cipher": "gcm"|"cbc", "kit": {"room_id", "user_name"}} (kit optional).
 */
struct MintPlan {
    Provider provider = Provider::Unknown;
    QString profile;
    qint64 ttlSeconds = 0;
    qint64 notBeforeSkew = 10; // Jitsi and JaaS only
    bool roomRaw = false;      // Jitsi and JaaS: write the room exactly as typed, not as Jitsi Meet joins it
    QJsonObject claims;

    QJsonObject toJson() const;
    static Result<MintPlan> fromJson(const QJsonObject& json);
};

/** A plan's mint result with the inspector's verdict on it (the lint findings the Mint page shows). */
struct MintOutcome {
    MintedToken minted;
    Inspection inspection;
    QString joinLink; // "" when the provider or the claims give no link
};

/** Mints a plan with a profile and its secrets (field name -> value, as the secret store holds them). */
Result<MintedToken> mint(const MintPlan& plan, const credentials::Profile& profile,
                         const QHash<QString, QByteArray>& secrets, const Clock& clock);

/** mint(), then inspects the result against the same credentials, and builds the join link. */
Result<MintOutcome> mintAndInspect(const MintPlan& plan, const credentials::Profile& profile,
                                   const QHash<QString, QByteArray>& secrets, const Clock& clock);

/** The credentials to verify a token with, from a profile (Inspect's "verify against a profile"). */
Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                            const QHash<QString, QByteArray>& secrets);

/** The link that joins a meeting with the token, or "" when there is none (the provider module's joinLink). */
QString joinLink(const MintPlan& plan, const credentials::Profile& profile, const QByteArray& token);

/** The lifetime the provider's own SDK gives a token when none is asked for (1 h for an unknown provider). */
qint64 defaultTtlSeconds(Provider provider);

/** The identity and room of a plan, and its grants in a few words, for history and batch output. */
QString identityOf(const MintPlan& plan);
QString roomOf(const MintPlan& plan);
QString grantsSummary(const MintPlan& plan);

} // namespace td::mint
