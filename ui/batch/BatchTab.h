// SPDX-License-Identifier: MIT
#pragma once

#include "core/batch/BatchMinter.h"
#include "ui/common/AppContext.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;
class QToolButton;

namespace td::ui {

class BatchTableModel;
class ErrorLabel;

/**
 * A participant list as a table (typed, pasted from a spreadsheet, or imported from CSV/JSON) minted in one go
 * with a profile: the run happens off the GUI thread with a progress bar and Cancel, and each row shows its token,
 * join link, expiry and summary, or its error in place. Results export to CSV or JSON (mode 0600).
 */
class BatchTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchTab)

public:
    explicit BatchTab(AppContext& context, QWidget* parent = nullptr);
    ~BatchTab() override;

    BatchTableModel* model() const { return m_model; }
    bool isRunning() const { return m_worker != nullptr; }
    /** Pastes tab-separated or CSV text at the current cell (what Ctrl+V does). */
    void pasteText(const QString& text);
    /** Reads a CSV or JSON file into the table; false (with the error shown) when it cannot be read. */
    bool importFile(const QString& path);
    /** Writes the table with its results; the format comes from the extension. */
    bool exportFile(const QString& path);
    /** Takes the table, results and choices of the page this one replaces (a language change); not while it runs. */
    void takeOver(const BatchTab& previous);

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    void runFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadProfiles();
    void profileChanged();
    void chunkDone(qsizetype first, QList<batch::RowResult> results);
    void finish(bool cancelled);
    void setRunning(bool running);
    void fitColumns();
    void updateSummary();
    void updateColumnMenu();
    void copyToken();
    /** Records the rows of the last run that got a token in History, as single mints are. */
    void recordInHistory();
    /** Selects the next row (after the current one, wrapping) with a cell that contains the find text. */
    void findNext();

    AppContext& m_context;
    BatchTableModel* m_model;
    QComboBox* m_profile;
    QLineEdit* m_room;
    QLineEdit* m_ttl;
    QToolButton* m_addColumn;
    QPushButton* m_addRow;
    QPushButton* m_removeRows;
    QPushButton* m_paste;
    QPushButton* m_import;
    QPushButton* m_export;
    QPushButton* m_copyToken;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QTableView* m_table;
    QLineEdit* m_find;
    QLabel* m_summary;
    QLabel* m_prodNote;
    ErrorLabel* m_error;
    std::shared_ptr<batch::BatchMinter> m_minter;
    batch::RowDefaults m_defaults; // of the run in progress, to record each minted row's plan in History
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<std::atomic<int>> m_pendingChunks; // chunks posted by the worker, not yet shown
    QThread* m_worker = nullptr;
    int m_editTriggers = 0; // the table's, while a run has them off
    qsizetype m_done = 0;
};

} // namespace td::ui
