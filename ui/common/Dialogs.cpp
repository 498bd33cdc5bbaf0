// SPDX-License-Identifier: MIT
#include "ui/common/Dialogs.h"

#include <QDesktopServices>
#include <QDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace td::ui {

int Dialogs::exec(QDialog& dialog)
{
    return dialog.exec();
}

QString Dialogs::openFileName(QWidget* parent, const QString& caption, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString Dialogs::saveFileName(QWidget* parent, const QString& caption, const QString& suggestedName,
                              const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, suggestedName, filter);
}

std::optional<QString> Dialogs::passphrase(QWidget* parent, const QString& prompt)
{
    bool ok = false;
    const QString text = QInputDialog::getText(parent, tr("Passphrase"), prompt, QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

bool Dialogs::confirm(QWidget* parent, const QString& title, const QString& text)
{
    // Every confirmation here guards something destructive: Enter or Escape must not be the way to lose it.
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void Dialogs::error(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

void Dialogs::openUrl(const QUrl& url)
{
    QDesktopServices::openUrl(url);
}

} // namespace td::ui
