// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/batch/BatchRow.h"
#include "core/credentials/Profile.h"
#include "core/mint/PlanMinter.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::batch {

/** What became of one row. */
struct RowResult {
    qint64 line = 0;
    QString error;        // "" when minted
    QStringList warnings; // e.g. the same identity in the same room as an earlier row
    QString identity;
    QString room;
    QByteArray token;
    QString joinLink;
    qint64 expiresAt = 0;
    QString summary;

    bool ok() const { return error.isEmpty(); }
};

struct BatchOptions {
    RowDefaults defaults;
    /** Reproducible output: Zego nonces and IVs from this seed (per row), so equal input gives equal tokens. */
    std::optional<QByteArray> seed;
    /** The caller pinned the clock (--clock); with a seed, this is what makes output reproducible. */
    bool fixedClock = false;
};

/**
 * Mints batch rows with one profile: row -> plan -> token, join link, expiry and grants summary. Remembers each
 * identity and room it has seen (as a 64-bit hash, so memory grows by a few bytes per distinct participant) to
 * warn about two rows that would disconnect each other.
 */
class BatchMinter final {
public:
    /** Refuses a seed or a fixed clock for a profile tagged prod: reproducible tokens are predictable tokens. */
    static Result<BatchMinter> create(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets,
                                      BatchOptions options);

    /** Mints one row and checks it against the rows seen before. */
    RowResult mintRow(const InputRow& row, const Clock& clock);
    /** The minting part of mintRow(): const and thread-safe, so rows can be minted in parallel. */
    RowResult mintOnly(const InputRow& row, const Clock& clock) const;
    /** The checking part: call it for each minted row in input order (adds the duplicate warning). */
    void checkAgainstEarlierRows(RowResult& result);
    const credentials::Profile& profile() const { return m_minter.profile(); }

private:
    BatchMinter(mint::PlanMinter minter, BatchOptions options);

    mint::PlanMinter m_minter;
    BatchOptions m_options;
    QString m_liveKitLinkPrefix;  // LiveKit Meet's link up to the token: the same for every row
    QHash<size_t, qint64> m_seen; // hash of identity + room -> first line
};

/** The reason a profile refuses reproducible output, or "" when it allows it. */
QString reproducibleRefusal(const credentials::Profile& profile);

} // namespace td::batch
