// SPDX-License-Identifier: MIT
#include "ui/profiles/ProfilesPage.h"

#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Toast.h"
#include "ui/common/Widgets.h"
#include "ui/profiles/EnvironmentDelegate.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/profiles/ProfileText.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

using credentials::Profile;

const QString kProd = QStringLiteral("prod");

QLabel* statusLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProfilesPage::ProfilesPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_transfer(context, this), m_add(new QPushButton(tr("&Add"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_delete(new QPushButton(tr("&Delete…"), this)),
      m_mintWith(new QPushButton(tr("&Mint with"), this)), m_import(new QPushButton(tr("&Import"), this)),
      m_export(new QPushButton(tr("E&xport"), this)), m_filter(new QLineEdit(this)), m_list(new QTreeWidget(this)),
      m_details(new QGroupBox(tr("Selected profile"), this)), m_detailForm(new QFormLayout),
      m_empty(statusLabel(QStringLiteral("emptyLabel"), this)),
      m_noMatch(statusLabel(QStringLiteral("noMatchLabel"), this)),
      m_loadError(statusLabel(QStringLiteral("loadErrorLabel"), this)),
      m_result(statusLabel(QStringLiteral("resultLabel"), this)), m_undoBar(new QWidget(this)),
      m_undoLabel(statusLabel(QStringLiteral("undoLabel"), m_undoBar)),
      m_store(statusLabel(QStringLiteral("storeLabel"), this))
{
    setObjectName(QStringLiteral("profilesPage"));

    name(m_add, QStringLiteral("addPushButton"), tr("Add a profile"));
    m_add->setIcon(actionIcon(QStringLiteral("add")));
    auto* addMenu = new QMenu(m_add);
    addProviderActions(addMenu, QStringLiteral("add"), [this](Provider p) { addProfile(p); });
    m_add->setMenu(addMenu);
    name(m_edit, QStringLiteral("editPushButton"), tr("Edit the selected profile"));
    m_edit->setIcon(actionIcon(QStringLiteral("edit")));
    name(m_delete, QStringLiteral("deletePushButton"), tr("Delete the selected profile"));
    m_delete->setIcon(actionIcon(QStringLiteral("delete")));
    name(m_mintWith, QStringLiteral("mintWithPushButton"), tr("Mint a token with the selected profile"));
    m_mintWith->setIcon(pageIcon(QStringLiteral("mint")));

    name(m_import, QStringLiteral("importPushButton"), tr("Import profiles"));
    m_import->setIcon(actionIcon(QStringLiteral("import")));
    auto* importMenu = new QMenu(m_import);
    const auto importAction = [&](const QString& objectName, const QString& text, ProfileTransfer::Source source) {
        QAction* action = importMenu->addAction(text);
        action->setObjectName(objectName);
        connect(action, &QAction::triggered, this, [this, source] { showResult(m_transfer.importProfiles(source)); });
    };
    importAction(QStringLiteral("importEnvFileAction"), tr("Env file or .dev.vars…"), ProfileTransfer::Source::EnvFile);
    importAction(QStringLiteral("importLiveKitCliAction"), tr("livekit-cli config…"),
                 ProfileTransfer::Source::LiveKitCliConfig);
    importAction(QStringLiteral("importBundleAction"), tr("Encrypted bundle…"), ProfileTransfer::Source::Bundle);
    m_import->setMenu(importMenu);

    name(m_export, QStringLiteral("exportPushButton"), tr("Export profiles"));
    m_export->setIcon(actionIcon(QStringLiteral("export")));
    auto* exportMenu = new QMenu(m_export);
    QAction* exportJson = exportMenu->addAction(tr("JSON without secrets…"));
    exportJson->setObjectName(QStringLiteral("exportJsonAction"));
    connect(exportJson, &QAction::triggered, this, [this] { showResult(m_transfer.exportJson()); });
    QAction* exportBundle = exportMenu->addAction(tr("Encrypted bundle with secrets…"));
    exportBundle->setObjectName(QStringLiteral("exportBundleAction"));
    connect(exportBundle, &QAction::triggered, this, [this] { showResult(m_transfer.exportBundle()); });
    m_export->setMenu(exportMenu);

    name(m_filter, QStringLiteral("filterLineEdit"), tr("Search profiles"));
    m_filter->setPlaceholderText(tr("Search (Ctrl+F): name, provider, key, note"));
    m_filter->setMinimumWidth(160);
    bindSearchField(this, m_filter, m_list);

    auto* listLabel = new QLabel(tr("&Profiles:"), this);
    listLabel->setObjectName(QStringLiteral("profilesLabel"));
    listLabel->setBuddy(m_list);
    name(m_list, QStringLiteral("profilesTreeWidget"), tr("Profiles"));
    m_list->setHeaderLabels({tr("Name"), tr("Provider"), tr("Environment"), tr("Identity"), tr("Note")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setItemDelegateForColumn(EnvironmentColumn, new EnvironmentDelegate(m_list));
    m_list->setTextElideMode(Qt::ElideMiddle);
    // Columns never push the list sideways: long names and keys are elided (in full in the detail pane), the note
    // takes what is left.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(ProviderColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(EnvironmentColumn, QHeaderView::ResizeToContents);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    // One set of actions for the context menu, the keys and the buttons' tooltips.
    const auto rowAction = [this](const QString& objectName, const QString& text, const QString& icon) {
        auto* action = new QAction(icon.isEmpty() ? QIcon() : actionIcon(icon), text, m_list);
        action->setObjectName(objectName);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
        return action;
    };
    m_mintAction = rowAction(QStringLiteral("mintWithAction"), tr("&Mint with this profile"), QString());
    m_mintAction->setIcon(pageIcon(QStringLiteral("mint")));
    m_editAction = rowAction(QStringLiteral("editAction"), tr("&Edit…"), QStringLiteral("edit"));
    m_editAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_duplicateAction = rowAction(QStringLiteral("duplicateAction"), tr("D&uplicate…"), QStringLiteral("copy"));
    m_copyNameAction = rowAction(QStringLiteral("copyNameAction"), tr("&Copy name"), QStringLiteral("copy"));
    m_copyNameAction->setShortcut(QKeySequence::Copy);
    m_deleteAction = rowAction(QStringLiteral("deleteAction"), tr("&Delete…"), QStringLiteral("delete"));
    m_deleteAction->setShortcut(QKeySequence::Delete);

    m_details->setObjectName(QStringLiteral("detailsGroupBox"));
    m_details->setLayout(m_detailForm);
    m_details->setMinimumWidth(240);
    m_details->setMaximumWidth(360);
    m_detailForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_detailForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_empty->setText(tr("No profiles yet. Add one for your provider, or import an env file, a .dev.vars or a "
                        "livekit-cli config."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_store->setText(tr("Secrets are stored in %1. Profiles are kept in %2.")
                         .arg(m_context.profiles.secretStoreDescription(),
                              QDir::toNativeSeparators(m_context.profiles.configDir())));
    m_store->setAccessibleName(m_store->text());

    // Undo after a delete: the profile and its secrets are kept in memory for a short while, then wiped.
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoBar->setAutoFillBackground(true);
    QPalette undoPalette = m_undoBar->palette();
    undoPalette.setColor(QPalette::Window, toneBackground(Tone::Warning, palette()));
    m_undoBar->setPalette(undoPalette);
    auto* undo = new QPushButton(tr("&Undo"), m_undoBar);
    name(undo, QStringLiteral("undoPushButton"), tr("Undo the delete"));
    auto* undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(8, 4, 8, 4);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undo);
    m_undoBar->hide();
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(15000);
    connect(&m_undoTimer, &QTimer::timeout, this, &ProfilesPage::hideUndo);
    connect(undo, &QPushButton::clicked, this, &ProfilesPage::undoDelete);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_mintWith);
    buttons->addStretch();
    buttons->addWidget(m_filter, 1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    auto* listColumn = new QVBoxLayout;
    listColumn->setContentsMargins(0, 0, 0, 0);
    listColumn->addWidget(listLabel);
    listColumn->addWidget(m_list, 1);
    listColumn->addWidget(m_empty);
    listColumn->addWidget(m_noMatch);
    auto* body = new QHBoxLayout;
    body->addLayout(listColumn, 3);
    body->addWidget(m_details, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(body, 1);
    layout->addWidget(m_undoBar);
    layout->addWidget(m_loadError);
    layout->addWidget(m_result);
    layout->addWidget(m_store);

    connect(m_edit, &QPushButton::clicked, this, &ProfilesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesPage::deleteSelected);
    connect(m_mintWith, &QPushButton::clicked, m_mintAction, &QAction::trigger);
    connect(m_mintAction, &QAction::triggered, this, [this] {
        if (const QString current = selectedName(); !current.isEmpty())
            Q_EMIT mintRequested(current);
    });
    connect(m_editAction, &QAction::triggered, this, &ProfilesPage::editSelected);
    connect(m_duplicateAction, &QAction::triggered, this, &ProfilesPage::duplicateSelected);
    connect(m_copyNameAction, &QAction::triggered, this, [this] {
        if (const QString current = selectedName(); !current.isEmpty()) {
            QGuiApplication::clipboard()->setText(current); // a name, not a credential: no clearing needed
            Toast::show(this, tr("Copied the name %1.").arg(current), 2500);
        }
    });
    connect(m_deleteAction, &QAction::triggered, this, &ProfilesPage::deleteSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProfilesPage::editSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProfilesPage::updateActions);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ProfilesPage::showContextMenu);
    connect(m_filter, &QLineEdit::textChanged, this, &ProfilesPage::applyFilter);
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &ProfilesPage::refresh);
    reload();
}

void ProfilesPage::showContextMenu(const QPoint& position)
{
    if (QTreeWidgetItem* item = m_list->itemAt(position))
        m_list->setCurrentItem(item);
    if (selectedName().isEmpty())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("profileContextMenu"));
    menu.addAction(m_mintAction);
    menu.addSeparator();
    menu.addAction(m_editAction);
    menu.addAction(m_duplicateAction);
    menu.addAction(m_copyNameAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void ProfilesPage::reload()
{
    (void)m_context.profiles.reload(); // refresh() runs on profilesChanged and shows any error
}

void ProfilesPage::refresh()
{
    const QString error = m_context.profiles.loadError();
    m_loadError->setText(
        error.isEmpty()
            ? QString()
            : tr("The profiles could not be read, so none are shown and nothing is overwritten: %1").arg(error));
    m_loadError->setVisible(!error.isEmpty());
    const QString keep = selectedName();
    m_list->clear();
    for (const Profile& p : m_context.profiles.profiles()) {
        auto* item = new QTreeWidgetItem(m_list);
        const bool prod = p.environment == kProd;
        item->setText(NameColumn, p.name);
        item->setIcon(NameColumn, providerIcon(p.provider));
        item->setData(NameColumn, Qt::UserRole, p.name);
        item->setText(ProviderColumn, providerTitle(p.provider));
        item->setText(EnvironmentColumn, p.environment);
        item->setBackground(EnvironmentColumn, environmentColor(p.environment));
        item->setData(EnvironmentColumn, Qt::AccessibleTextRole, prod ? tr("production") : p.environment);
        item->setText(IdentityColumn, profileIdentity(p.provider, p.apiKey, p.appId));
        item->setText(NoteColumn, p.note.simplified());
        item->setToolTip(NoteColumn, p.note);
        if (prod) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
            item->setToolTip(NameColumn,
                             tr("Production credentials: tokens minted with them work on the live service"));
        }
    }
    const bool empty = m_list->topLevelItemCount() == 0;
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
    m_details->setVisible(!empty);
    m_list->resizeColumnToContents(NameColumn);
    m_list->resizeColumnToContents(IdentityColumn);
    m_list->setColumnWidth(NameColumn, std::min(m_list->columnWidth(NameColumn), 200));
    m_list->setColumnWidth(IdentityColumn, std::min(m_list->columnWidth(IdentityColumn), 150));
    applyFilter();
    select(keep);
    updateActions();
}

void ProfilesPage::applyFilter()
{
    const QStringList words = m_filter->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int shown = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        QString haystack;
        for (int c = 0; c < m_list->columnCount(); ++c)
            haystack += item->text(c) + QLatin1Char(' ');
        // Every word must appear somewhere in the row, in any case.
        const bool match = std::all_of(words.cbegin(), words.cend(), [&haystack](const QString& word) {
            return haystack.contains(word, Qt::CaseInsensitive);
        });
        item->setHidden(!match);
        shown += match ? 1 : 0;
    }
    const bool none = shown == 0 && m_list->topLevelItemCount() > 0;
    m_noMatch->setText(none ? tr("No profile matches “%1”. Escape clears the search.").arg(m_filter->text())
                            : QString());
    m_noMatch->setVisible(none);
    QTreeWidgetItem* current = m_list->currentItem();
    if (!current || current->isHidden()) {
        QTreeWidgetItem* first = nullptr;
        for (int i = 0; i < m_list->topLevelItemCount() && !first; ++i) {
            if (!m_list->topLevelItem(i)->isHidden())
                first = m_list->topLevelItem(i);
        }
        if (first)
            m_list->setCurrentItem(first);
        else
            m_list->clearSelection();
    }
    updateActions();
}

void ProfilesPage::showDetails()
{
    while (m_detailForm->rowCount() > 0)
        m_detailForm->removeRow(0);
    const auto profile = m_context.profiles.find(selectedName());
    if (!profile) {
        m_details->setTitle(tr("Selected profile"));
        auto* none = new QLabel(tr("Select a profile to see its settings."), m_details);
        none->setWordWrap(true);
        m_detailForm->addRow(none);
        return;
    }
    m_details->setTitle(profile->name);
    const auto add = [this](const QString& label, const QString& value, const QString& objectName) {
        auto* field = new QLabel(value, m_details);
        field->setObjectName(objectName);
        field->setTextFormat(Qt::PlainText);
        field->setWordWrap(true);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        field->setAccessibleName(label);
        m_detailForm->addRow(label + QLatin1Char(':'), field);
    };
    const auto plain = [&profile](const char* field) {
        return fieldLabel(QLatin1String(field), profile->provider).remove(QLatin1Char('&'));
    };
    add(plain("provider"), providerTitle(profile->provider), QStringLiteral("detailProviderLabel"));
    add(plain("environment"),
        profile->environment == kProd ? tr("%1 (production: live service)").arg(profile->environment)
                                      : profile->environment,
        QStringLiteral("detailEnvironmentLabel"));
    const std::initializer_list<std::pair<const char*, QString credentials::Profile::*>> fields = {
        {"serverUrl", &Profile::serverUrl}, {"apiKey", &Profile::apiKey},     {"appId", &Profile::appId},
        {"keyId", &Profile::keyId},         {"audience", &Profile::audience}, {"subject", &Profile::subject},
        {"cipher", &Profile::cipher},       {"ttl", &Profile::ttl},           {"room", &Profile::room}};
    for (const auto& [field, member] : fields) {
        if (!((*profile).*member).isEmpty())
            add(plain(field), (*profile).*member,
                QStringLiteral("detail%1Label")
                    .arg(QString::fromLatin1(field).left(1).toUpper() + QString::fromLatin1(field).mid(1)));
    }
    QStringList secrets;
    for (const QString& field : Profile::secretFields(profile->provider))
        secrets << fieldLabel(field, profile->provider).remove(QLatin1Char('&'));
    add(tr("Secrets"),
        tr("%1, kept in %2 (not shown here)")
            .arg(secrets.join(tr(" or ")), m_context.profiles.secretStoreDescription()),
        QStringLiteral("detailSecretsLabel"));
    if (!profile->note.isEmpty())
        add(plain("note"), profile->note, QStringLiteral("detailNoteLabel"));
}

QString ProfilesPage::selectedName() const
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(NameColumn, Qt::UserRole).toString();
}

void ProfilesPage::select(const QString& name)
{
    QTreeWidgetItem* target = m_list->topLevelItem(0);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString() == name)
            target = m_list->topLevelItem(i);
    }
    if (target)
        m_list->setCurrentItem(target);
}

void ProfilesPage::updateActions()
{
    const bool selected = !selectedName().isEmpty();
    for (QWidget* w : std::initializer_list<QWidget*>{m_edit, m_delete, m_mintWith})
        w->setEnabled(selected);
    for (QAction* a : {m_mintAction, m_editAction, m_duplicateAction, m_copyNameAction, m_deleteAction})
        a->setEnabled(selected);
    m_export->setEnabled(!m_context.profiles.profiles().isEmpty());
    showDetails();
}

QStringList ProfilesPage::namesExcept(const QString& name) const
{
    QStringList names;
    for (const Profile& p : m_context.profiles.profiles()) {
        if (p.name != name)
            names << p.name;
    }
    return names;
}

bool ProfilesPage::runDialog(ProfileDialog& dialog, const QString& previousName)
{
    // A failed save (a locked keychain, a read-only disk) reopens the dialog with everything still typed in.
    while (m_context.dialogs.exec(dialog) == QDialog::Accepted && dialog.isComplete()) {
        const Profile profile = dialog.profile();
        if (auto ok = m_context.profiles.save(profile, dialog.secrets(), previousName); !ok) {
            m_context.dialogs.error(this, tr("Save profile"), ok.error().localized());
            continue;
        }
        m_filter->clear(); // the saved profile must be visible, whatever the search
        select(profile.name);
        showResult(tr("Saved profile %1.").arg(profile.name));
        return true;
    }
    return false;
}

void ProfilesPage::showResult(const QString& message)
{
    if (message.isEmpty())
        return;
    m_result->setText(message);
}

void ProfilesPage::addProfile(Provider provider)
{
    ProfileDialog dialog(m_context, this);
    dialog.setProvider(provider);
    dialog.setTakenNames(namesExcept({}));
    runDialog(dialog, {});
}

void ProfilesPage::editSelected()
{
    const QString current = selectedName();
    const auto profile = m_context.profiles.find(current);
    if (!profile)
        return;
    const auto secrets = m_context.profiles.secrets(current);
    if (!secrets) {
        m_context.dialogs.error(this, tr("Edit profile"), secrets.error().localized());
        return;
    }
    ProfileDialog dialog(m_context, this);
    dialog.setProfile(*profile, *secrets);
    dialog.setTakenNames(namesExcept(current));
    runDialog(dialog, current);
}

void ProfilesPage::duplicateSelected()
{
    const QString current = selectedName();
    auto copy = m_context.profiles.find(current);
    if (!copy)
        return;
    const auto secrets = m_context.profiles.secrets(current);
    if (!secrets) {
        m_context.dialogs.error(this, tr("Duplicate profile"), secrets.error().localized());
        return;
    }
    const QStringList taken = namesExcept({});
    QString name = current + QStringLiteral("-copy");
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1-copy%2").arg(current).arg(n);
    copy->name = name;
    copy->secretGeneration = 0;
    ProfileDialog dialog(m_context, this);
    dialog.setProfile(*copy, *secrets);
    dialog.setWindowTitle(tr("Duplicate profile %1").arg(current));
    dialog.setTakenNames(taken);
    runDialog(dialog, {});
}

void ProfilesPage::deleteSelected()
{
    const QString current = selectedName();
    const auto profile = m_context.profiles.find(current);
    if (!profile)
        return;
    const QString question = profile->environment == kProd
                                 ? tr("Delete the production profile %1 and its stored secrets?")
                                 : tr("Delete the profile %1 and its stored secrets?");
    if (!m_context.dialogs.confirm(this, tr("Delete profile"), question.arg(current)))
        return;
    // Read before deleting, for Undo; a profile whose secrets cannot be read is deleted without an Undo offer.
    auto secrets = m_context.profiles.secrets(current);
    if (auto ok = m_context.profiles.remove(current); !ok) {
        m_context.dialogs.error(this, tr("Delete profile"), ok.error().localized());
        return;
    }
    m_result->clear();
    if (!secrets) {
        showResult(tr("Deleted profile %1 and its secrets.").arg(current));
        return;
    }
    m_deleted = *profile;
    m_deletedSecrets = std::move(*secrets);
    m_undoLabel->setText(tr("Deleted profile %1 and its secrets.").arg(current));
    m_undoBar->show();
    m_undoTimer.start();
}

void ProfilesPage::undoDelete()
{
    if (!m_deleted)
        return;
    const Profile profile = *m_deleted;
    if (auto ok = m_context.profiles.save(profile, m_deletedSecrets); !ok) {
        m_context.dialogs.error(this, tr("Undo delete"), ok.error().localized());
        return;
    }
    hideUndo();
    m_filter->clear();
    select(profile.name);
    showResult(tr("Restored profile %1 and its secrets.").arg(profile.name));
}

void ProfilesPage::hideUndo()
{
    m_undoTimer.stop();
    m_undoBar->hide();
    m_deleted.reset();
    m_deletedSecrets = {}; // wipes the copies
}

} // namespace td::ui
