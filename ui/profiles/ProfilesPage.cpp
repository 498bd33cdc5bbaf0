// SPDX-License-Identifier: MIT
#include "ui/profiles/ProfilesPage.h"

#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "ui/profiles/EnvironmentDelegate.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/profiles/ProfileText.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

using credentials::Profile;

const QString kProd = QStringLiteral("prod");

QString actionName(const QString& verb, const QString& what)
{
    return verb + what.left(1).toUpper() + what.mid(1) + QStringLiteral("Action");
}

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
      m_import(new QPushButton(tr("&Import"), this)), m_export(new QPushButton(tr("E&xport"), this)),
      m_list(new QTreeWidget(this)), m_empty(statusLabel(QStringLiteral("emptyLabel"), this)),
      m_loadError(statusLabel(QStringLiteral("loadErrorLabel"), this)),
      m_result(statusLabel(QStringLiteral("resultLabel"), this)),
      m_store(statusLabel(QStringLiteral("storeLabel"), this))
{
    setObjectName(QStringLiteral("profilesPage"));

    name(m_add, QStringLiteral("addPushButton"), tr("Add a profile"));
    m_add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    auto* addMenu = new QMenu(m_add);
    for (Provider p : {Provider::LiveKit, Provider::Zego, Provider::Jaas, Provider::Jitsi}) {
        QAction* action = addMenu->addAction(providerIcon(p), tr("%1…").arg(providerTitle(p)));
        action->setObjectName(actionName(QStringLiteral("add"), providerName(p)));
        connect(action, &QAction::triggered, this, [this, p] { addProfile(p); });
    }
    m_add->setMenu(addMenu);
    name(m_edit, QStringLiteral("editPushButton"), tr("Edit the selected profile"));
    name(m_delete, QStringLiteral("deletePushButton"), tr("Delete the selected profile"));
    m_delete->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete")));

    name(m_import, QStringLiteral("importPushButton"), tr("Import profiles"));
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
    auto* exportMenu = new QMenu(m_export);
    QAction* exportJson = exportMenu->addAction(tr("JSON without secrets…"));
    exportJson->setObjectName(QStringLiteral("exportJsonAction"));
    connect(exportJson, &QAction::triggered, this, [this] { showResult(m_transfer.exportJson()); });
    QAction* exportBundle = exportMenu->addAction(tr("Encrypted bundle with secrets…"));
    exportBundle->setObjectName(QStringLiteral("exportBundleAction"));
    connect(exportBundle, &QAction::triggered, this, [this] { showResult(m_transfer.exportBundle()); });
    m_export->setMenu(exportMenu);

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
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ProviderColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(EnvironmentColumn, QHeaderView::ResizeToContents);
    auto* deleteKey = new QAction(tr("Delete profile"), m_list);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(deleteKey);

    m_empty->setText(tr("No profiles yet. Add one for your provider, or import an env file, a .dev.vars or a "
                        "livekit-cli config."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_store->setText(tr("Secrets are stored in %1. Profiles are kept in %2.")
                         .arg(m_context.profiles.secretStoreDescription(),
                              QDir::toNativeSeparators(m_context.profiles.configDir())));
    m_store->setAccessibleName(m_store->text());

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_loadError);
    layout->addWidget(m_result);
    layout->addWidget(m_store);

    connect(m_edit, &QPushButton::clicked, this, &ProfilesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesPage::deleteSelected);
    connect(deleteKey, &QAction::triggered, this, &ProfilesPage::deleteSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProfilesPage::editSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProfilesPage::updateActions);
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &ProfilesPage::refresh);
    reload();
}

void ProfilesPage::reload()
{
    const auto loaded = m_context.profiles.reload();
    m_loadError->setText(loaded ? QString()
                                : tr("The profiles could not be read, so none are shown and nothing is overwritten: %1")
                                      .arg(loaded.error().message));
    m_loadError->setVisible(!loaded);
    refresh();
}

void ProfilesPage::refresh()
{
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
        item->setText(NoteColumn, p.note);
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
    select(keep);
    updateActions();
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
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_export->setEnabled(!m_context.profiles.profiles().isEmpty());
}

void ProfilesPage::showResult(const QString& message)
{
    if (message.isEmpty())
        return;
    m_result->setText(message);
}

void ProfilesPage::addProfile(Provider provider)
{
    QStringList names;
    for (const Profile& p : m_context.profiles.profiles())
        names << p.name;
    ProfileDialog dialog(m_context, this);
    dialog.setProvider(provider);
    dialog.setTakenNames(names);
    // A failed save (a locked keychain, a read-only disk) reopens the dialog with everything still typed in.
    while (m_context.dialogs.exec(dialog) == QDialog::Accepted && dialog.isComplete()) {
        const Profile profile = dialog.profile();
        if (auto ok = m_context.profiles.save(profile, dialog.secrets()); !ok) {
            m_context.dialogs.error(this, tr("Save profile"), ok.error().message);
            continue;
        }
        select(profile.name);
        showResult(tr("Saved profile %1.").arg(profile.name));
        return;
    }
}

void ProfilesPage::editSelected()
{
    const QString current = selectedName();
    const auto profile = m_context.profiles.find(current);
    if (!profile)
        return;
    const auto secrets = m_context.profiles.secrets(current);
    if (!secrets) {
        m_context.dialogs.error(this, tr("Edit profile"), secrets.error().message);
        return;
    }
    QStringList others;
    for (const Profile& p : m_context.profiles.profiles()) {
        if (p.name != current)
            others << p.name;
    }
    ProfileDialog dialog(m_context, this);
    dialog.setProfile(*profile, *secrets);
    dialog.setTakenNames(others);
    while (m_context.dialogs.exec(dialog) == QDialog::Accepted && dialog.isComplete()) {
        const Profile edited = dialog.profile();
        if (auto ok = m_context.profiles.save(edited, dialog.secrets(), current); !ok) {
            m_context.dialogs.error(this, tr("Save profile"), ok.error().message);
            continue;
        }
        select(edited.name);
        showResult(tr("Saved profile %1.").arg(edited.name));
        return;
    }
}

void ProfilesPage::deleteSelected()
{
    const QString current = selectedName();
    const auto profile = m_context.profiles.find(current);
    if (!profile)
        return;
    const QString question = profile->environment == kProd
                                 ? tr("Delete the production profile %1 and its stored secrets? This cannot be undone.")
                                 : tr("Delete the profile %1 and its stored secrets? This cannot be undone.");
    if (!m_context.dialogs.confirm(this, tr("Delete profile"), question.arg(current)))
        return;
    if (auto ok = m_context.profiles.remove(current); !ok) {
        m_context.dialogs.error(this, tr("Delete profile"), ok.error().message);
        return;
    }
    showResult(tr("Deleted profile %1 and its secrets.").arg(current));
}

} // namespace td::ui
