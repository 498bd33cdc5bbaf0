// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/Provider.h"
#include "ui/common/AppContext.h"
#include "ui/profiles/ProfileTransfer.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAction;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace td::ui {

/**
 * The stored profiles: provider icon, name and a coloured environment badge (production in red), with add, edit,
 * duplicate, delete (undoable for a while), import (env file, .dev.vars, livekit-cli config, encrypted bundle) and
 * export (JSON without secrets, encrypted bundle). Ctrl+F filters the list, a context menu offers every action on a
 * row, and a detail pane shows the selected profile (never its secrets). The status line says where secrets are kept.
 */
class ProfilesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    explicit ProfilesPage(AppContext& context, QWidget* parent = nullptr);

    /** Opens the dialog for a new profile of this provider and saves it when accepted. */
    void addProfile(Provider provider);
    /** Edits the selected profile. */
    void editSelected();
    /** Deletes the selected profile and its secrets, after asking. */
    void deleteSelected();
    /** Opens the dialog on a copy of the selected profile (secrets included) under a new name. */
    void duplicateSelected();
    /** Saves the last deleted profile and its secrets again, while the undo bar shows. */
    void undoDelete();
    /** Re-reads profiles.json and shows a load error, if any. */
    void reload();

Q_SIGNALS:
    /** "Mint with this profile": the main window opens the Mint page on it. */
    void mintRequested(const QString& profile);

private:
    enum Column { NameColumn, ProviderColumn, EnvironmentColumn, IdentityColumn, NoteColumn };

    void refresh();
    void applyFilter();
    void showDetails();
    void showContextMenu(const QPoint& position);
    QString selectedName() const;
    void select(const QString& name);
    void updateActions();
    void showResult(const QString& message);
    void hideUndo();
    QStringList namesExcept(const QString& name) const;
    bool runDialog(class ProfileDialog& dialog, const QString& previousName);

    AppContext& m_context;
    ProfileTransfer m_transfer;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_mintWith;
    QPushButton* m_import;
    QPushButton* m_export;
    QLineEdit* m_filter;
    QTreeWidget* m_list;
    QGroupBox* m_details;
    QFormLayout* m_detailForm;
    QLabel* m_empty;
    QLabel* m_noMatch;
    QLabel* m_loadError;
    QLabel* m_result;
    QWidget* m_undoBar;
    QLabel* m_undoLabel;
    QLabel* m_store;
    QAction* m_mintAction;
    QAction* m_editAction;
    QAction* m_duplicateAction;
    QAction* m_copyNameAction;
    QAction* m_deleteAction;
    // The last deletion, kept in memory (secrets wiped with it) only while its Undo is offered.
    std::optional<credentials::Profile> m_deleted;
    crypto::SecretMap m_deletedSecrets;
    QTimer m_undoTimer;
};

} // namespace td::ui
