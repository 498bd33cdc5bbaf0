// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/Provider.h"
#include "ui/common/AppContext.h"
#include "ui/profiles/ProfileTransfer.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace td::ui {

/**
 * The stored profiles: provider icon, name and a coloured environment badge (production in red), with add, edit,
 * delete, import (env file, .dev.vars, livekit-cli config, encrypted bundle) and export (JSON without secrets,
 * encrypted bundle). The status line says where the secrets are kept.
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
    /** Re-reads profiles.json and shows a load error, if any. */
    void reload();

private:
    enum Column { NameColumn, ProviderColumn, EnvironmentColumn, IdentityColumn, NoteColumn };

    void refresh();
    QString selectedName() const;
    void select(const QString& name);
    void updateActions();
    void showResult(const QString& message);

    AppContext& m_context;
    ProfileTransfer m_transfer;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_import;
    QPushButton* m_export;
    QTreeWidget* m_list;
    QLabel* m_empty;
    QLabel* m_loadError;
    QLabel* m_result;
    QLabel* m_store;
};

} // namespace td::ui
