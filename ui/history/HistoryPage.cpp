// SPDX-License-Identifier: MIT
#include "ui/history/HistoryPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "core/io/PrivateFile.h"
#include "core/settings/Settings.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Widgets.h"
#include "ui/history/HistoryModel.h"

namespace td::ui {
namespace {

constexpr int kMaxRetentionDays = 3650;
constexpr qint64 kDay = 86400;

} // namespace

HistoryPage::HistoryPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_model(new HistoryModel(context.clock, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_table(new QTableView(this)),
      m_empty(new QLabel(this)), m_remint(new QPushButton(tr("&Re-mint"), this)),
      m_copyToken(new QPushButton(tr("&Copy token"), this)), m_delete(new QPushButton(tr("&Delete"), this)),
      m_clear(new QPushButton(tr("Clear &all"), this)), m_export(new QPushButton(tr("&Export CSV…"), this)),
      m_retention(new QSpinBox(this)), m_keepTokens(new QCheckBox(tr("Keep &token strings in history"), this)),
      m_keepTokensWarning(new QLabel(this)), m_status(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_proxy->setFilterRole(HistoryModel::FilterRole);
    m_proxy->setFilterKeyColumn(HistoryModel::ProviderColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    name(m_filter, QStringLiteral("filterLineEdit"), tr("Filter history"));
    m_filter->setPlaceholderText(tr("Profile, identity, room or grants (Ctrl+F)"));
    bindSearchField(this, m_filter, m_table);
    name(m_table, QStringLiteral("historyTableView"), tr("Minted tokens"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(HistoryModel::GrantsColumn, QHeaderView::Stretch);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    name(m_remint, QStringLiteral("remintPushButton"), tr("Re-mint the selected entry"));
    m_remint->setIcon(actionIcon(QStringLiteral("remint")));
    m_copyToken->setIcon(actionIcon(QStringLiteral("copy")));
    m_delete->setIcon(actionIcon(QStringLiteral("delete")));
    m_clear->setIcon(actionIcon(QStringLiteral("clear")));
    m_export->setIcon(actionIcon(QStringLiteral("export")));
    m_remint->setToolTip(tr("Open the Mint page with the same claims (new times, new signature)"));
    name(m_copyToken, QStringLiteral("copyTokenPushButton"), tr("Copy the selected entry's token"));
    m_copyToken->setToolTip(tr("Only for entries that kept their token string; the clipboard is cleared later"));
    name(m_delete, QStringLiteral("deletePushButton"), tr("Delete the selected entry"));
    name(m_clear, QStringLiteral("clearPushButton"), tr("Clear all history"));
    name(m_export, QStringLiteral("exportPushButton"), tr("Export the listed entries as CSV"));
    m_export->setToolTip(tr("Writes the entries the filter shows, in the order shown"));

    name(m_retention, QStringLiteral("retentionSpinBox"), tr("Days to keep history"));
    m_retention->setRange(0, kMaxRetentionDays);
    m_retention->setSpecialValueText(tr("forever"));
    m_retention->setSuffix(tr(" days"));
    // Only a finished value prunes: typing "365" must not pass through "3" and delete everything older.
    m_retention->setKeyboardTracking(false);
    m_retention->setValue(m_context.settings.historyRetentionDays());
    name(m_keepTokens, QStringLiteral("keepTokensCheckBox"), tr("Keep token strings in history"));
    m_keepTokens->setChecked(m_context.settings.historyStoresTokens());
    m_keepTokensWarning->setObjectName(QStringLiteral("keepTokensWarningLabel"));
    m_keepTokensWarning->setWordWrap(true);
    m_keepTokensWarning->setText(
        tr("Tokens are credentials: anyone who can read the history file can join as that identity until the "
           "token expires. Off, history keeps only the metadata above."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filterLabel = new QLabel(tr("Fi&lter:"), this);
    filterLabel->setBuddy(m_filter);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_remint);
    buttons->addWidget(m_copyToken);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_clear);

    auto* settingsBox = new QGroupBox(tr("History settings"), this);
    auto* settingsForm = new QFormLayout(settingsBox);
    auto* retentionLabel = new QLabel(tr("Keep histor&y for:"), settingsBox);
    retentionLabel->setBuddy(m_retention);
    settingsForm->addRow(retentionLabel, m_retention);
    settingsForm->addRow(m_keepTokens);
    settingsForm->addRow(m_keepTokensWarning);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(settingsBox);

    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, m_model, &HistoryModel::refreshCountdowns);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateState();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPage::updateState);
    connect(m_table, &QTableView::doubleClicked, this, &HistoryPage::remintSelected);
    addContextMenu(m_table, {m_remint, m_copyToken, m_delete});
    connect(m_remint, &QPushButton::clicked, this, &HistoryPage::remintSelected);
    connect(m_copyToken, &QPushButton::clicked, this, &HistoryPage::copySelectedToken);
    connect(m_delete, &QPushButton::clicked, this, &HistoryPage::deleteSelected);
    connect(m_clear, &QPushButton::clicked, this, &HistoryPage::clearAll);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::exportCsv);
    connect(m_retention, &QSpinBox::valueChanged, this, &HistoryPage::retentionChanged);
    connect(m_keepTokens, &QCheckBox::toggled, this, &HistoryPage::keepTokensToggled);

    pruneNow();
    reload();
    connect(&m_context.history, &history::HistoryStore::changed, this, &HistoryPage::reload);
    setFocusProxy(m_filter);
}

void HistoryPage::reload()
{
    const std::optional<history::HistoryEntry> selected = selectedEntry();
    const bool wasEmpty = m_model->rowCount() == 0;
    int skipped = 0;
    auto loaded = m_context.history.load(&skipped);
    if (!loaded) {
        m_model->setEntries({});
        m_loadStatus = tr("The history cannot be read: %1").arg(loaded.error().localized());
    } else {
        m_model->setEntries(std::move(*loaded));
        m_loadStatus = skipped > 0
                           ? tr("%n damaged line(s) in %1 could not be read and were skipped.", nullptr, skipped)
                                 .arg(m_context.history.path())
                           : QString();
    }
    if (selected) {
        if (const int row = m_model->rowOf(selected->id); row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            if (index.isValid())
                m_table->selectRow(index.row());
        }
    }
    // Fit the columns to the first entries; later reloads keep the widths the user may have set.
    if (wasEmpty && m_model->rowCount() > 0)
        m_table->resizeColumnsToContents();
    showStatus({});
    updateState();
}

void HistoryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The app may stay open for days: entries that aged out while it ran go when the page is looked at.
    pruneNow();
    m_model->refreshCountdowns();
    m_countdownTimer.start();
}

void HistoryPage::hideEvent(QHideEvent* event)
{
    m_countdownTimer.stop();
    QWidget::hideEvent(event);
}

void HistoryPage::pruneNow()
{
    const auto removed =
        m_context.history.prune(m_context.settings.historyRetentionDays(), m_context.clock.nowSeconds());
    if (!removed)
        showStatus(tr("Old entries could not be removed: %1").arg(removed.error().localized()));
}

std::optional<history::HistoryEntry> HistoryPage::selectedEntry() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->entry(source.row());
}

void HistoryPage::updateState()
{
    const bool any = m_model->rowCount() > 0;
    const bool listed = m_proxy->rowCount() > 0;
    m_table->setVisible(listed);
    m_empty->setVisible(!listed);
    m_empty->setText(any ? tr("No entry matches the filter.")
                         : tr("No mints recorded yet. Every token you mint appears here with its identity, room, "
                              "grants and expiry; the token string itself only if you keep token strings below."));
    const std::optional<history::HistoryEntry> entry = selectedEntry();
    m_remint->setEnabled(entry.has_value());
    m_delete->setEnabled(entry.has_value());
    m_copyToken->setEnabled(entry && !entry->token.isEmpty());
    m_clear->setEnabled(any);
    m_export->setEnabled(listed);
}

void HistoryPage::showStatus(const QString& text)
{
    QStringList parts;
    if (!m_loadStatus.isEmpty())
        parts << m_loadStatus;
    if (!text.isEmpty())
        parts << text;
    m_status->setText(parts.join(QLatin1Char('\n')));
    m_status->setVisible(!parts.isEmpty());
}

void HistoryPage::remintSelected()
{
    const auto entry = selectedEntry();
    if (!entry)
        return;
    auto plan = mint::MintPlan::fromJson(entry->plan);
    if (!plan) {
        m_context.dialogs.error(this, tr("Re-mint"),
                                tr("The claims of this entry cannot be read back (%1). Set them on the Mint page "
                                   "instead.")
                                    .arg(plan.error().localized()));
        return;
    }
    if (plan->profile.isEmpty())
        plan->profile = entry->profile;
    Q_EMIT remintRequested(*plan);
}

void HistoryPage::copySelectedToken()
{
    const auto entry = selectedEntry();
    if (!entry || entry->token.isEmpty())
        return;
    m_context.clipboard.copySecret(entry->token);
    const int seconds = m_context.clipboard.secondsLeft();
    showStatus(seconds > 0 ? tr("Token copied; the clipboard is cleared in %n second(s).", nullptr, seconds)
                           : tr("Token copied."));
}

void HistoryPage::deleteSelected()
{
    const auto entry = selectedEntry();
    if (!entry)
        return;
    const QString what = entry->room.isEmpty() ? tr("the token for %1").arg(entry->identity)
                                               : tr("the token for %1 in %2").arg(entry->identity, entry->room);
    if (!m_context.dialogs.confirm(this, tr("Delete history entry"),
                                   tr("Delete %1 from the history? This cannot be undone.").arg(what)))
        return;
    if (auto ok = m_context.history.remove(entry->id); !ok)
        m_context.dialogs.error(this, tr("Delete history entry"), ok.error().localized());
}

void HistoryPage::clearAll()
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    if (!m_context.dialogs.confirm(this, tr("Clear history"),
                                   tr("Delete all %n history entry(ies)? This cannot be undone.", nullptr, count)))
        return;
    if (auto ok = m_context.history.clear(); !ok)
        m_context.dialogs.error(this, tr("Clear history"), ok.error().localized());
}

void HistoryPage::exportCsv()
{
    QList<history::HistoryEntry> listed;
    int tokens = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const history::HistoryEntry& e = m_model->entry(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        listed.append(e);
        tokens += e.token.isEmpty() ? 0 : 1;
    }
    if (listed.isEmpty())
        return;
    const QString path =
        m_context.dialogs.saveFileName(this, tr("Export history as CSV"), QStringLiteral("tokendesk-history.csv"),
                                       tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto ok = io::writeFileAtomically(path, history::HistoryStore::toCsv(listed)); !ok) {
        m_context.dialogs.error(this, tr("Export history"), ok.error().localized());
        return;
    }
    QString done = tr("Exported %n entry(ies) to %1.", nullptr, int(listed.size())).arg(path);
    if (tokens > 0)
        done += QLatin1Char(' ') + tr("The file holds %n token string(s): keep it private.", nullptr, tokens);
    showStatus(done);
}

void HistoryPage::retentionChanged(int days)
{
    const int previous = m_context.settings.historyRetentionDays();
    if (days == previous)
        return;
    if (days > 0) {
        const qint64 cutoff = m_context.clock.nowSeconds() - qint64(days) * kDay;
        const auto doomed = std::count_if(m_model->entries().cbegin(), m_model->entries().cend(),
                                          [cutoff](const history::HistoryEntry& e) { return e.createdAt < cutoff; });
        if (doomed > 0 &&
            !m_context.dialogs.confirm(
                this, tr("Shorten history"),
                tr("Keeping history for %1 days deletes %n older entry(ies) now. Continue?", nullptr, int(doomed))
                    .arg(days))) {
            const QSignalBlocker block(m_retention);
            m_retention->setValue(previous);
            return;
        }
    }
    m_context.settings.setHistoryRetentionDays(days);
    const auto removed = m_context.history.prune(days, m_context.clock.nowSeconds());
    if (!removed)
        m_context.dialogs.error(this, tr("Shorten history"), removed.error().localized());
    else if (*removed > 0)
        showStatus(tr("%n old entry(ies) removed.", nullptr, *removed));
}

void HistoryPage::keepTokensToggled(bool keep)
{
    m_context.settings.setHistoryStoresTokens(keep);
    if (keep)
        return;
    const auto kept = std::count_if(m_model->entries().cbegin(), m_model->entries().cend(),
                                    [](const history::HistoryEntry& e) { return !e.token.isEmpty(); });
    if (kept == 0 ||
        !m_context.dialogs.confirm(this, tr("Forget kept tokens"),
                                   tr("%n token string(s) are already kept in history. Remove them now? The rest "
                                      "of each entry stays.",
                                      nullptr, int(kept))))
        return;
    if (auto forgotten = m_context.history.forgetTokens(); !forgotten)
        m_context.dialogs.error(this, tr("Forget kept tokens"), forgotten.error().localized());
}

} // namespace td::ui
