// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/providers/Provider.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace td::history {

/** One mint, as metadata. `token` is empty unless the user chose to keep tokens in history. */
struct HistoryEntry {
    QString id; // random, stable across rewrites
    Provider provider = Provider::Unknown;
    QString profile;
    QString identity;
    QString room;
    QString summary; // grants in a few words ("join demo, publish camera+mic")
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QJsonObject plan; // the mint plan (core/mint) that re-mints the same claims
    QString token;

    QJsonObject toJson() const;
    static Result<HistoryEntry> fromJson(const QJsonObject& json);
};

/**
 * history.jsonl in the config directory: one JSON object per line, mode 0600, appended per mint and rewritten
 * atomically when pruned or edited. A damaged line is skipped (and counted), never fatal; a rewrite drops it.
 */
class HistoryStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    explicit HistoryStore(QString path, QObject* parent = nullptr);

    QString path() const { return m_path; }
    /** Newest first. `skipped` (optional) receives the number of unreadable lines. */
    Result<QList<HistoryEntry>> load(int* skipped = nullptr) const;
    /** Adds an entry (an id is assigned when empty). */
    Result<void> append(HistoryEntry entry);
    /** Adds several entries in one write (a batch run), oldest first; `changed` is emitted once. */
    Result<void> appendAll(QList<HistoryEntry> entries);
    /** Drops entries created more than `retentionDays` before `now`; 0 keeps everything. Returns how many went. */
    Result<int> prune(int retentionDays, qint64 now);
    /** Removes one entry; an unknown id changes nothing. */
    Result<void> remove(const QString& id);
    Result<void> clear();
    /** Drops kept token strings, keeping the metadata (keeping tokens was turned off). Returns how many. */
    Result<int> forgetTokens();

    /** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are defused with a quote. */
    static QByteArray toCsv(const QList<HistoryEntry>& entries);

Q_SIGNALS:
    void changed();

private:
    Result<void> rewrite(const QList<HistoryEntry>& newestFirst);

    QString m_path;
};

} // namespace td::history
