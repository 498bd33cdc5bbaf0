// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Importer.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace td::ui {

/**
 * What an import found: one line per profile with its provider, environment and whether it replaces a profile of
 * the same name. Profiles the core's validation rejects are listed with the reason and cannot be ticked.
 */
class ImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const credentials::ImportResult& found, const QStringList& existingNames, const QString& source,
                 QWidget* parent = nullptr);

    /** The ticked profiles, with their secrets. */
    QList<credentials::ImportedProfile> selected() const;

private:
    void updateButton();

    QList<credentials::ImportedProfile> m_found;
    QListWidget* m_list;
    QPushButton* m_import;
};

} // namespace td::ui
