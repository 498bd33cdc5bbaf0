// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Dialogs.h"

#include <QDialog>
#include <QQueue>
#include <QStringList>

#include <functional>

namespace td::test {

/**
 * The dialog seam for GUI tests: queued answers instead of real popups. `onDialog` fills a page's dialog (by
 * objectName, like a user) before it is accepted; without it the dialog is rejected.
 */
class ScriptedDialogs final : public ui::Dialogs {
public:
    std::function<int(QDialog&)> onDialog;
    QQueue<QString> fileNames; // answers to openFileName / saveFileName, in order
    QQueue<std::optional<QString>> passphrases;
    bool confirmAnswer = true;
    QStringList errors; // "title: text" of every error shown
    QList<QUrl> openedUrls;

    int exec(QDialog& dialog) override { return onDialog ? onDialog(dialog) : int(QDialog::Rejected); }
    QString openFileName(QWidget*, const QString&, const QString&) override { return take(); }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override { return take(); }
    std::optional<QString> passphrase(QWidget*, const QString&) override
    {
        return passphrases.isEmpty() ? std::nullopt : passphrases.dequeue();
    }
    bool confirm(QWidget*, const QString&, const QString&) override { return confirmAnswer; }
    void error(QWidget*, const QString& title, const QString& text) override
    {
        errors.append(title + QStringLiteral(": ") + text);
    }
    void openUrl(const QUrl& url) override { openedUrls.append(url); }

private:
    QString take() { return fileNames.isEmpty() ? QString() : fileNames.dequeue(); }
};

} // namespace td::test
