// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/json/OrderedJson.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// The claims of JaaS and self-hosted Jitsi tokens (room, context), apart from how they are signed (JitsiToken.h).
namespace td::jitsi {

inline constexpr qint64 kDefaultTtlSeconds = qint64{2} * 3600;
/** 8x8's samples back-date nbf by 10 s; Prosody has no leeway, so a slow clock would otherwise refuse the token. */
inline constexpr qint64 kDefaultNotBeforeSkew = 10;

/** Feature keys 8x8 documents for JaaS, and those the Jitsi Meet client knows (spec 3.1). */
const QStringList& jaasFeatures();
const QStringList& meetFeatures();
/** Both lists, without duplicates. */
QStringList knownFeatures();

struct JitsiUser {
    QString id;
    QString name;
    QString email;
    QString avatar;
    std::optional<bool> moderator; // emitted as "true"/"false"
    std::optional<bool> hiddenFromRecorder;
    QString affiliation; // self-hosted: owner | member | moderator | teacher
};

struct JitsiClaims {
    QString room; // a room name, "*" for any, or a pattern with roomRegex
    bool roomRegex = false;
    /** Write `room` exactly as given; otherwise a name becomes the form Jitsi Meet joins (backendSafeRoomName). */
    bool roomRaw = false;
    JitsiUser user;
    QList<QPair<QString, bool>> features; // unset features are simply absent
    QString group;                        // self-hosted context.group
};

/** context (user, features, room regex, group) as minted; self-hosted leaves out what it does not need. */
OrderedJson contextJson(const JitsiClaims& claims, bool selfHosted);
/** Reads room and context back from a payload (the Mint page's JSON view, history re-mint). */
Result<JitsiClaims> claimsFromPayload(const QJsonObject& payload);

/** Parses "name=true|false" (the --feature flag) and checks the name against the known features. */
Result<QPair<QString, bool>> parseFeature(const QString& text);

} // namespace td::jitsi
