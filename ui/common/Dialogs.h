// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

class QDialog;
class QWidget;

namespace td::ui {

/**
 * The seam for everything modal or external: dialogs, file pickers, message boxes, the browser. The app uses this
 * class as is; GUI tests subclass it to answer without real popups.
 */
class Dialogs {
    Q_DECLARE_TR_FUNCTIONS(Dialogs)

public:
    virtual ~Dialogs() = default;

    /** Runs a dialog the page has built and filled; returns QDialog::Accepted or Rejected. */
    virtual int exec(QDialog& dialog);
    virtual QString openFileName(QWidget* parent, const QString& caption, const QString& filter);
    virtual QString saveFileName(QWidget* parent, const QString& caption, const QString& suggestedName,
                                 const QString& filter);
    /** A passphrase (for the vault or an encrypted bundle); nullopt when the user cancels. */
    virtual std::optional<QString> passphrase(QWidget* parent, const QString& prompt);
    /** Yes or Cancel, with Cancel the default button: every caller guards something that is hard to get back. */
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text);
    virtual void error(QWidget* parent, const QString& title, const QString& text);
    virtual void openUrl(const QUrl& url);
};

} // namespace td::ui
