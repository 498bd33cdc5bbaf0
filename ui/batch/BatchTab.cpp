// SPDX-License-Identifier: MIT
#include "ui/batch/BatchTab.h"

#include "core/io/PrivateFile.h"

#include <QAction>
#include <QComboBox>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/Duration.h"
#include "core/batch/RowIo.h"
#include "core/mint/MintPlan.h"
#include "ui/batch/BatchTableModel.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "core/batch/BatchRow.h"
#include "core/history/HistoryStore.h"
#include "core/settings/Settings.h"

namespace td::ui {
namespace {

constexpr qsizetype kChunk = 256;

} // namespace

BatchTab::BatchTab(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_model(new BatchTableModel(this)), m_profile(new QComboBox(this)),
      m_room(new QLineEdit(this)), m_ttl(new QLineEdit(this)), m_addColumn(new QToolButton(this)),
      m_addRow(new QPushButton(tr("Add &row"), this)), m_removeRows(new QPushButton(tr("Remove rows"), this)),
      m_paste(new QPushButton(tr("&Paste"), this)), m_import(new QPushButton(tr("&Import…"), this)),
      m_export(new QPushButton(tr("&Export…"), this)), m_copyToken(new QPushButton(tr("Cop&y token"), this)),
      m_run(new QPushButton(tr("&Mint all"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_table(new QTableView(this)), m_summary(new QLabel(this)),
      m_prodNote(new QLabel(this)), m_error(makeErrorLabel(this, QStringLiteral("batchErrorLabel"), tr("Batch error")))
{
    name(m_profile, QStringLiteral("profileComboBox"), tr("Profile to mint with"));
    name(m_room, QStringLiteral("roomLineEdit"), tr("Room for rows without one"));
    m_room->setPlaceholderText(tr("the profile's default room"));
    name(m_ttl, QStringLiteral("ttlLineEdit"), tr("Lifetime for rows without a ttl"));
    m_ttl->setPlaceholderText(tr("the profile's or provider's default (10m, 1h, 6h)"));
    name(m_addColumn, QStringLiteral("addColumnToolButton"), tr("Add a column"));
    m_addColumn->setText(tr("Add &column"));
    m_addColumn->setPopupMode(QToolButton::InstantPopup);
    m_addColumn->setMenu(new QMenu(m_addColumn));
    name(m_addRow, QStringLiteral("addRowPushButton"), tr("Add a row"));
    name(m_removeRows, QStringLiteral("removeRowsPushButton"), tr("Remove the selected rows"));
    m_addRow->setIcon(actionIcon(QStringLiteral("add")));
    m_removeRows->setIcon(actionIcon(QStringLiteral("delete")));
    m_paste->setIcon(actionIcon(QStringLiteral("paste")));
    m_import->setIcon(actionIcon(QStringLiteral("import")));
    m_export->setIcon(actionIcon(QStringLiteral("export")));
    m_copyToken->setIcon(actionIcon(QStringLiteral("copy")));
    m_run->setIcon(pageIcon(QStringLiteral("mint")));
    name(m_paste, QStringLiteral("pastePushButton"), tr("Paste rows from the clipboard"));
    m_paste->setToolTip(tr("Cells copied from a spreadsheet (tab-separated) or CSV text; a first line naming columns "
                           "is used as the header"));
    name(m_import, QStringLiteral("importPushButton"), tr("Import rows from a CSV or JSON file"));
    name(m_export, QStringLiteral("exportPushButton"), tr("Export the rows and their tokens"));
    m_export->setToolTip(tr("CSV or JSON, readable only by you: the file holds live tokens"));
    name(m_copyToken, QStringLiteral("copyTokenPushButton"), tr("Copy the selected row's token"));
    name(m_run, QStringLiteral("runPushButton"), tr("Mint a token for every row"));
    name(m_cancel, QStringLiteral("cancelPushButton"), tr("Cancel the run"));
    m_cancel->setEnabled(false);
    name(m_progress, QStringLiteral("batchProgressBar"), tr("Rows minted"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    name(m_table, QStringLiteral("rowsTableView"), tr("Rows to mint"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    m_table->installEventFilter(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_prodNote->setObjectName(QStringLiteral("prodNoteLabel"));
    m_prodNote->setWordWrap(true);
    m_prodNote->setText(tr("This profile is tagged prod: the fixed clock and seed of golden output "
                           "(tokendesk-cli batch --clock --seed) are refused for it."));

    auto* settings = new QFormLayout;
    settings->addRow(tr("Pr&ofile:"), m_profile);
    settings->addRow(tr("Defa&ult room:"), m_room);
    settings->addRow(tr("Default &TTL:"), m_ttl);
    auto* edit = new QHBoxLayout;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_addRow, m_removeRows, m_addColumn, m_paste, m_import, m_export, m_copyToken})
        edit->addWidget(w);
    edit->addStretch();
    m_find = new QLineEdit(this);
    name(m_find, QStringLiteral("findLineEdit"), tr("Find a row"));
    m_find->setPlaceholderText(tr("Find (Ctrl+F), Enter for the next"));
    m_find->setMinimumWidth(150);
    bindSearchField(this, m_find, m_table);
    edit->addWidget(m_find, 1);
    connect(m_find, &QLineEdit::textEdited, this, [this] {
        m_table->setCurrentIndex({}); // a new search starts from the top
        findNext();
    });
    connect(m_find, &QLineEdit::returnPressed, this, &BatchTab::findNext);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addWidget(m_prodNote);
    layout->addLayout(edit);
    layout->addWidget(m_table, 1);
    layout->addLayout(runRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);

    connect(m_addRow, &QPushButton::clicked, this, [this] {
        m_model->addRows(1);
        m_table->setCurrentIndex(m_model->index(m_model->rowCount() - 1, 0));
        m_table->edit(m_table->currentIndex());
    });
    addContextMenu(m_table, {m_copyToken, m_addRow, m_removeRows, m_paste});
    connect(m_removeRows, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex& index : m_table->selectionModel()->selectedIndexes())
            rows << index.row();
        m_model->removeRowsAt(rows);
    });
    connect(m_paste, &QPushButton::clicked, this, [this] { pasteText(QGuiApplication::clipboard()->text()); });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path =
            m_context.dialogs.openFileName(this, tr("Import rows"), tr("Rows (*.csv *.tsv *.txt *.json *.jsonl)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = m_context.dialogs.saveFileName(
            this, tr("Export rows and tokens"), QStringLiteral("tokens.csv"), tr("CSV (*.csv);;JSON (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(m_copyToken, &QPushButton::clicked, this, &BatchTab::copyToken);
    connect(m_run, &QPushButton::clicked, this, &BatchTab::run);
    connect(m_cancel, &QPushButton::clicked, this, &BatchTab::cancel);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &BatchTab::profileChanged);
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &BatchTab::reloadProfiles);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchTab::updateColumnMenu);
    reloadProfiles();
    m_model->addRows(3);
    updateSummary();
}

BatchTab::~BatchTab()
{
    if (m_worker) {
        m_cancelFlag->store(true);
        m_worker->wait();
    }
}

void BatchTab::reloadProfiles()
{
    fillProfileComboBox(m_profile, m_context.profiles.profiles());
    profileChanged();
}

void BatchTab::profileChanged()
{
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    m_prodNote->setVisible(profile && profile->environment == QStringLiteral("prod"));
    m_run->setEnabled(profile.has_value() && !isRunning());
    updateColumnMenu();
}

void BatchTab::updateColumnMenu()
{
    QMenu* menu = m_addColumn->menu();
    menu->clear();
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    const QStringList columns = batch::columnsFor(profile ? profile->provider : Provider::LiveKit);
    for (const QString& column : columns) {
        if (m_model->headers().contains(column))
            continue;
        menu->addAction(column, this, [this, column] { m_model->addColumn(column); });
    }
    m_addColumn->setEnabled(!menu->isEmpty() && !isRunning());
}

bool BatchTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Paste)) {
        pasteText(QGuiApplication::clipboard()->text());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void BatchTab::pasteText(const QString& text)
{
    if (isRunning())
        return;
    auto records = csv::parseText(text.toUtf8());
    if (!records) {
        m_error->showError(tr("Cannot paste: %1").arg(records.error().localized()));
        return;
    }
    const QModelIndex at = m_table->currentIndex();
    const int leftOut = m_model->paste(*records, at.isValid() ? at.row() : -1, at.isValid() ? at.column() : 0);
    if (leftOut > 0)
        m_error->showNote(tr("%n cell(s) to the right of the last column were not pasted: add columns first, or paste "
                             "with a header line.",
                             nullptr, leftOut));
    else
        m_error->clear();
    updateSummary();
    fitColumns();
}

bool BatchTab::importFile(const QString& path)
{
    if (isRunning())
        return false;
    const auto format = batch::chooseFormat(path, batch::FileUse::Rows);
    QFile file(path);
    if (!format || !file.open(QIODevice::ReadOnly)) {
        m_error->showError(format ? tr("Cannot read %1: %2").arg(path, file.errorString())
                                  : tr("Cannot tell the format of %1: use .csv, .tsv or .json").arg(path));
        return false;
    }
    auto reader = batch::openRowReader(file, *format);
    if (!reader) {
        m_error->showError(tr("%1: %2").arg(QFileInfo(path).fileName(), reader.error().localized()));
        return false;
    }
    QStringList headers = (*reader)->headers();
    QList<batch::InputRow> rows;
    bool broken = false;
    for (;;) {
        auto row = (*reader)->next();
        if (!row) {
            m_error->showError(tr("%1: %2 (the rows before it were imported)")
                                   .arg(QFileInfo(path).fileName(), row.error().localized()));
            broken = true;
            break;
        }
        if (!*row)
            break;
        for (const batch::Cell& cell : (*row)->cells) {
            if (!headers.contains(cell.header))
                headers << cell.header;
        }
        rows.append(std::move(**row));
    }
    m_model->setInputRows(headers, rows);
    fitColumns();
    if (!broken)
        m_error->showNote(tr("Imported %n row(s) from %1.", nullptr, int(rows.size())).arg(QFileInfo(path).fileName()));
    updateSummary();
    return true;
}

bool BatchTab::exportFile(const QString& path)
{
    const auto format = batch::chooseFormat(path, batch::FileUse::Rows);
    if (!format) {
        m_error->showError(tr("Cannot tell the format of %1: use .csv or .json").arg(path));
        return false;
    }
    io::AtomicOutputFile file(path);
    if (auto ok = file.start(); !ok) {
        m_error->showError(tr("Cannot write %1: %2").arg(path, ok.error().localized()));
        return false;
    }
    auto writer = batch::makeRowWriter(file, *format, m_model->headers());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const batch::RowResult* result = m_model->result(row);
        writer->write(m_model->inputRow(row), result ? *result : batch::RowResult{});
    }
    if (!writer->finish()) {
        m_error->showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (auto ok = file.commit(); !ok) {
        m_error->showError(tr("Cannot write %1: %2").arg(path, ok.error().localized()));
        return false;
    }
    m_error->showNote(tr("Wrote %n row(s) to %1 (readable only by you).", nullptr, m_model->rowCount())
                          .arg(QFileInfo(path).fileName()));
    return true;
}

void BatchTab::run()
{
    if (isRunning())
        return;
    m_error->clear();
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    if (!profile) {
        m_error->showError(tr("Choose a profile first (add one on the Profiles page)."));
        return;
    }
    auto secrets = m_context.profiles.secrets(profile->name);
    if (!secrets) {
        m_error->showError(tr("Cannot read the secrets of %1: %2").arg(profile->name, secrets.error().localized()));
        return;
    }
    batch::BatchOptions options;
    options.defaults.room = m_room->text().trimmed().isEmpty() ? profile->room : m_room->text().trimmed();
    options.defaults.ttlSeconds = mint::defaultTtlSeconds(profile->provider);
    if (const QString ttl = m_ttl->text().trimmed().isEmpty() ? profile->ttl : m_ttl->text().trimmed();
        !ttl.isEmpty()) {
        auto seconds = parseDuration(ttl);
        if (!seconds) {
            m_error->showError(tr("Default TTL: %1").arg(seconds.error().localized()));
            return;
        }
        options.defaults.ttlSeconds = *seconds;
    }
    QStringList copied;
    if (auto ok = batch::checkColumns(profile->provider, m_model->headers(), &copied); !ok) {
        m_error->showError(ok.error().localized());
        return;
    }
    if (m_model->rowCount() == 0) {
        m_error->showError(tr("Add rows first: type them, paste them or import a file."));
        return;
    }
    auto minter = batch::BatchMinter::create(*profile, *secrets, options);
    if (!minter) {
        m_error->showError(minter.error().localized());
        return;
    }
    m_minter = std::make_shared<batch::BatchMinter>(std::move(*minter));
    m_defaults = options.defaults;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_model->clearResults();
    m_done = 0;
    QList<batch::InputRow> rows;
    for (int i = 0; i < m_model->rowCount(); ++i)
        rows << m_model->inputRow(i);
    m_progress->setRange(0, qMax<int>(1, int(rows.size())));
    m_progress->setValue(0);

    // The rows are copied for the worker; results come back per chunk and are checked for duplicates here, in order.
    auto minterRef = m_minter;
    auto cancelFlag = m_cancelFlag;
    auto pending = m_pendingChunks = std::make_shared<std::atomic<int>>(0);
    const Clock& clock = m_context.clock;
    m_worker = QThread::create([this, rows, minterRef, cancelFlag, pending, &clock] {
        for (qsizetype first = 0; first < rows.size() && !cancelFlag->load(); first += kChunk) {
            // Stay at most a few chunks ahead of the table, so Cancel stops the run where the user sees it.
            while (pending->load() >= 4 && !cancelFlag->load())
                QThread::msleep(2);
            QList<batch::RowResult> results;
            for (qsizetype i = first; i < qMin(rows.size(), first + kChunk); ++i)
                results << minterRef->mintOnly(rows[i], clock);
            ++*pending;
            QMetaObject::invokeMethod(
                this, [this, first, results] { chunkDone(first, results); }, Qt::QueuedConnection);
        }
        const bool cancelled = cancelFlag->load();
        QMetaObject::invokeMethod(
            this, [this, cancelled] { finish(cancelled); }, Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("batch worker"));
    setRunning(true);
    m_worker->start();
}

void BatchTab::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void BatchTab::chunkDone(qsizetype first, QList<batch::RowResult> results)
{
    --*m_pendingChunks;
    for (batch::RowResult& result : results)
        m_minter->checkAgainstEarlierRows(result);
    m_model->setResults(int(first), results);
    m_done = first + results.size();
    m_progress->setValue(int(m_done));
    updateSummary();
}

void BatchTab::finish(bool cancelled)
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    setRunning(false);
    updateSummary();
    fitColumns();
    recordInHistory();
    if (cancelled)
        m_error->showNote(tr("Cancelled after %n row(s); their tokens are kept.", nullptr, int(m_done)));
    Q_EMIT runFinished();
}

void BatchTab::setRunning(bool running)
{
    // The rows are what the results line up with: they stay as they are until the run ends.
    for (QWidget* w : std::initializer_list<QWidget*>{m_profile, m_room, m_ttl, m_addColumn, m_addRow, m_removeRows,
                                                      m_paste, m_import, m_export})
        w->setEnabled(!running);
    if (running) {
        m_editTriggers = int(m_table->editTriggers());
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    } else {
        m_table->setEditTriggers(QAbstractItemView::EditTriggers(m_editTriggers));
    }
    m_cancel->setEnabled(running);
    profileChanged(); // Run and Add column follow isRunning()
}

void BatchTab::fitColumns()
{
    // Short input columns shrink so the error, summary and the start of the token fit beside them; errors get the
    // most room, since they are what a reader looks for. (Only the visible rows are measured.)
    for (int column = 0; column < m_model->columnCount(); ++column) {
        int low = 60, high = 160;
        if (column == m_model->resultColumn(BatchTableModel::ErrorResult))
            low = 120, high = 320;
        else if (column == m_model->resultColumn(BatchTableModel::SummaryResult))
            low = 120, high = 220;
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, qBound(low, m_table->columnWidth(column), high));
    }
}

void BatchTab::updateSummary()
{
    int minted = 0, failed = 0, warnings = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const batch::RowResult* r = m_model->result(row)) {
            r->ok() ? ++minted : ++failed;
            warnings += int(r->warnings.size());
        }
    }
    m_summary->setText(tr("%n row(s)", nullptr, m_model->rowCount()) + QStringLiteral(" · ") +
                       tr("%1 minted, %2 failed, %3 warnings").arg(minted).arg(failed).arg(warnings));
}

void BatchTab::recordInHistory()
{
    if (!m_minter)
        return;
    const credentials::Profile& profile = m_minter->profile();
    const bool keepTokens = m_context.settings.historyStoresTokens();
    const qint64 now = m_context.clock.nowSeconds();
    QList<history::HistoryEntry> entries;
    for (int row = 0; row < int(m_done) && row < m_model->rowCount(); ++row) {
        const batch::RowResult* result = m_model->result(row);
        if (!result || !result->ok())
            continue;
        history::HistoryEntry entry;
        entry.provider = profile.provider;
        entry.profile = profile.name;
        entry.identity = result->identity;
        entry.room = result->room;
        entry.summary = result->summary;
        entry.createdAt = now;
        entry.expiresAt = result->expiresAt;
        // The row's plan, so History can mint it again; a row that no longer reads (edited since) keeps the rest.
        if (auto plan = batch::planForRow(m_model->inputRow(row), profile, m_defaults))
            entry.plan = plan->plan().toJson();
        if (keepTokens)
            entry.token = QString::fromLatin1(result->token);
        entries.append(std::move(entry));
    }
    if (auto ok = m_context.history.appendAll(std::move(entries)); !ok)
        m_error->showError(tr("Minted, but History could not record the rows: %1").arg(ok.error().localized()));
}

void BatchTab::findNext()
{
    const QString text = m_find->text();
    const int rows = m_model->rowCount();
    if (text.isEmpty() || rows == 0)
        return;
    const int start = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + 1 : 0;
    for (int step = 0; step < rows; ++step) {
        const int row = (start + step) % rows;
        for (int column = 0; column < m_model->columnCount(); ++column) {
            const QModelIndex index = m_model->index(row, column);
            if (index.data(Qt::DisplayRole).toString().contains(text, Qt::CaseInsensitive)) {
                m_table->setCurrentIndex(index);
                m_table->scrollTo(index);
                return;
            }
        }
    }
    m_table->clearSelection();
}

void BatchTab::copyToken()
{
    const QModelIndex at = m_table->currentIndex();
    const batch::RowResult* r = at.isValid() ? m_model->result(at.row()) : nullptr;
    if (!r || !r->ok()) {
        m_error->showError(tr("Select a row with a token first."));
        return;
    }
    m_context.clipboard.copySecret(QString::fromLatin1(r->token));
    m_error->showNote(tr("Token of line %1 copied; the clipboard is cleared later.").arg(r->line));
}

void BatchTab::takeOver(const BatchTab& previous)
{
    m_model->copyFrom(*previous.m_model);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(previous.m_profile->currentData())));
    m_room->setText(previous.m_room->text());
    m_ttl->setText(previous.m_ttl->text());
    fitColumns();
    updateSummary();
    updateColumnMenu();
}

} // namespace td::ui
