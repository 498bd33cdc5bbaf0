// SPDX-License-Identifier: MIT
#pragma once

#include "core/history/HistoryStore.h"
#include "core/mint/MintPlan.h"
#include "ui/common/AppContext.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace td::ui {

class HistoryModel;

/**
 * Every mint as metadata: provider, profile, identity, room, grants, created, and the expiry counting down. Re-mint
 * the same claims, copy a kept token, delete, clear, export CSV; the retention and "keep tokens" settings live here
 * too, because this is where their effect shows.
 */
class HistoryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    explicit HistoryPage(AppContext& context, QWidget* parent = nullptr);

    /** Re-reads history.jsonl (also runs whenever the store reports a change). */
    void reload();

Q_SIGNALS:
    /** The user asked to mint the selected entry's claims again; the main window hands the plan to the Mint page. */
    void remintRequested(const td::mint::MintPlan& plan);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void remintSelected();
    void copySelectedToken();
    void deleteSelected();
    void clearAll();
    void exportCsv();
    void retentionChanged(int days);
    void keepTokensToggled(bool keep);
    void updateState();
    std::optional<history::HistoryEntry> selectedEntry() const;
    void showStatus(const QString& text);
    void pruneNow();

    AppContext& m_context;
    HistoryModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_table;
    QLabel* m_empty;
    QPushButton* m_remint;
    QPushButton* m_copyToken;
    QPushButton* m_delete;
    QPushButton* m_clear;
    QPushButton* m_export;
    QSpinBox* m_retention;
    QCheckBox* m_keepTokens;
    QLabel* m_keepTokensWarning;
    QLabel* m_status;
    QTimer m_countdownTimer;
    QString m_loadStatus; // damaged lines or a read error, shown until the next reload
};

} // namespace td::ui
