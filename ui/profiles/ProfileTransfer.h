// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Importer.h"
#include "ui/common/AppContext.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace td::ui {

/**
 * Import into and export from the profile store, for the Profiles page. Files, passphrases and questions go
 * through the dialog seam; formats, validation and encryption are the core's.
 */
class ProfileTransfer final {
    Q_DECLARE_TR_FUNCTIONS(ProfileTransfer)
    Q_DISABLE_COPY_MOVE(ProfileTransfer)

public:
    /** What the user asked to import from; a bundle is recognised whichever was chosen. */
    enum class Source { EnvFile, LiveKitCliConfig, Bundle };

    ProfileTransfer(AppContext& context, QWidget* page) : m_context(context), m_page(page) {}

    /**
     * Asks for a file, shows what it holds, and saves the profiles the user keeps (asking before replacing one).
     * Returns what to tell the user, or "" when nothing happened.
     */
    QString importProfiles(Source source);
    /**
     * Shows profiles found elsewhere (a file, the environment) under `fileName`, and saves the ones the user keeps.
     * `plainTextPath`, when given, is the file that held them in plain text (the message says it can go).
     */
    QString offer(const credentials::ImportResult& found, const QString& fileName, const QString& plainTextPath = {});
    /** Every profile as JSON, without any secret. */
    QString exportJson();
    /** Every profile with its secrets, sealed under a passphrase asked twice. */
    QString exportBundle();

private:
    AppContext& m_context;
    QWidget* m_page;
};

} // namespace td::ui
