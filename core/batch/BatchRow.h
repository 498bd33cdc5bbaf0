// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/mint/MintPlan.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::batch {

/** One cell: CSV and JSON strings give `text`; other JSON values (true, 3600, {...}, [...]) give `json`. */
struct Cell {
    QString header;
    QString text;
    QJsonValue json = QJsonValue::Undefined;

    /** The cell as a JSON value (a string for text cells). */
    QJsonValue toJson() const { return json.isUndefined() ? QJsonValue(text) : json; }
    /** The cell as text (compact JSON for objects and arrays). */
    QString toText() const;
};

/** One input row: the line it starts on and its cells in column order. */
struct InputRow {
    qint64 line = 0;
    QList<Cell> cells;
    QString problem; // what the reader found wrong with this row (wrong number of fields, not an object, ...)
};

/**
 * The batch columns a provider understands, by canonical name. Headers match case-insensitively, ignoring
 * spaces, '_' and '-', and a few aliases (user_id -> identity, role -> preset, stream_id_list -> streams).
 */
QStringList columnsFor(Provider provider);
/** The canonical name of a header, or "" when it is not a batch column of any provider. */
QString canonicalColumn(const QString& header);

/**
 * Checks a header row: a batch column that does not apply to the provider (grants for Zego, features for
 * LiveKit) is an error, since its permissions would silently not apply; other unknown columns are listed in
 * `copiedUnchanged` (they are kept in the output as they are). Every provider needs an identity column.
 */
Result<void> checkColumns(Provider provider, const QStringList& headers, QStringList* copiedUnchanged);

/**
 * What a row becomes. LiveKit rows keep their claims as the struct the minter takes, so a batch mints them
 * without a JSON round trip (that halves the time per row); plan() gives the same thing as a mint plan.
 */
struct RowPlan {
    mint::MintPlan base;                           // provider, profile, TTL; the claims of Zego and Jitsi rows
    std::optional<livekit::LiveKitClaims> liveKit; // LiveKit rows
    QJsonObject liveKitExtra;                      // LiveKit rows: custom claims from the claims column

    mint::MintPlan plan() const;
    QString identity() const;
    QString room() const;
};

struct RowDefaults {
    qint64 ttlSeconds = 0;
    QString room; // used when a row has no room
};

/**
 * Turns a row into a mint plan for the profile's provider. The error names the column and says what is wrong
 * ("grants: unknown key canPublishh (did you mean canPublish?)").
 */
Result<RowPlan> planForRow(const InputRow& row, const credentials::Profile& profile, const RowDefaults& defaults);

} // namespace td::batch
