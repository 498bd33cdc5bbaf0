// SPDX-License-Identifier: MIT
// Rooms as the Jitsi Meet clients join them (issue 13).
//
// Facts (jitsi/jitsi-meet: react/features/base/util/uri getBackendSafeRoomName / getBackendSafePath, and
// resources/prosody-plugins/token/util.lib.lua verify_room):
//  - the client never joins a room name as typed: it decodes percent-escapes when the whole text decodes, applies
//    Unicode NFKC, lower-cases (full Unicode case mapping), re-encodes with encodeURIComponent and lower-cases the
//    escapes; a tenant is treated the same way, segment by segment;
//  - Prosody lower-cases the token's room claim with Lua's string.lower (ASCII letters only) and compares it with
//    the room node the client joined; with context.room.regex (and domain verification on) the claim is a Lua
//    pattern, lower-cased the same way, anchored to the whole room name.
#pragma once

#include "core/Error.h"
#include "core/providers/Finding.h"

#include <QList>
#include <QString>

#include <optional>

namespace td::jitsi {

/** The room name Jitsi Meet joins for `name` ("Team Standup" -> "team%20standup", "Café" -> "caf%c3%a9").
 *  Fails only for text JavaScript cannot encode (an unpaired surrogate), where the client itself throws. */
Result<QString> backendSafeRoomName(const QString& name);

/** The same rule for a tenant path, segment by segment ("Acme/Sales Team" -> "acme/sales%20team"). */
Result<QString> backendSafePath(const QString& path);

/** JavaScript's decodeURIComponent: the decoded text, or nothing when an escape is malformed. */
std::optional<QString> decodeUriComponent(const QString& text);

/** JavaScript's encodeURIComponent with lower-case escapes; nothing for an unpaired surrogate. */
std::optional<QString> encodeUriComponentLower(const QString& text);

/** JavaScript's String.prototype.toLowerCase (full case mapping with the final-sigma rule). */
QString toLowerCaseJs(const QString& text);

/** Lua's string.lower: ASCII letters only, as Prosody lower-cases claims. */
QString luaLower(const QString& text);

/** A room claim as a person reads it: escapes decoded when they decode ("team%20standup" -> "team standup"). */
QString readableRoomName(const QString& claim);

/**
 * The path segment of a join link for a backend-safe room claim. It is the claim itself, except that the
 * characters encodeURIComponent leaves alone but the client strips from a URL path (! ' ( ) *) are escaped, so
 * that the client, after decoding, joins exactly the claim.
 */
QString joinLinkSegment(const QString& claim);

/** What a claim becomes when written: the backend-safe form, and whether that differs from the input. */
struct RoomClaim {
    QString written;
    bool changed = false;
};

/**
 * The claim to write for a room the user typed: "*" and patterns are kept, `raw` keeps the exact text, anything
 * else becomes its backend-safe form.
 */
Result<RoomClaim> roomClaimFor(const QString& typed, bool pattern, bool raw);

/** The info finding that says a room was rewritten ("room claim written as team%20standup, ..."). */
Finding roomRewrittenFinding(const QString& typed, const QString& written);

/**
 * Findings for a room claim as Prosody and the clients treat it: a literal claim no client can ever join (with the
 * corrected value), upper-case Lua classes in a pattern (which lower-casing inverts), a malformed pattern, and a
 * pattern's need for domain verification. `domainVerification` is unknown (nullopt) when no profile says.
 */
QList<Finding> roomClaimFindings(const QString& claim, bool pattern, std::optional<bool> domainVerification);

/** Lua's string.match anchored at both ends ("^pattern$"): whether `subject` matches; nothing for a malformed
 *  pattern, with the reason in `error`. */
std::optional<bool> luaPatternMatchesWhole(const QString& pattern, const QString& subject, QString* error = nullptr);

/** Where a self-hosted deployment is: the host and the tenant path (backend-safe) of its base URL. */
struct JitsiDeployment {
    QString host;   // "meet.example.org"
    QString tenant; // "" or "acme" (backend-safe)
    bool domainVerification = true;
};

/** Splits a profile's base URL ("https://meet.example.org/Acme") into host and backend-safe tenant. */
Result<JitsiDeployment> deploymentFromUrl(const QString& baseUrl, bool domainVerification);

/** Whether `sub` lets the token into rooms of `deployment`, with an error finding when it cannot. */
QList<Finding> subjectFindings(const QString& subject, const JitsiDeployment& deployment);

} // namespace td::jitsi
