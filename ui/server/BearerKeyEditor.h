// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace td::credentials {
class SecretStore;
}

namespace td::ui {

class ClipboardGuard;
class ConfigDocument;
class Dialogs;
class ErrorLabel;

/**
 * Bearer keys: generated from the system CSPRNG, kept in the secret store under the variable the config names,
 * shown once (masked until revealed) right after generation, copied through the clipboard guard, removed.
 */
class BearerKeyEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BearerKeyEditor)

public:
    BearerKeyEditor(ConfigDocument& document, credentials::SecretStore& secrets, ClipboardGuard& clipboard,
                    Dialogs& dialogs, QWidget* parent = nullptr);

    /** The key held in `variable`: the process environment's when set (as the server reads it), else the stored one. */
    QByteArray keyValue(const QString& variable) const;
    /** A config error about the bearer keys (empty clears it). */
    void showError(const QString& message);
    void setStoreDescription(const QString& description);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void load();
    void generate();
    void copySelected();
    void removeSelected();
    QString selectedVariable() const;

    ConfigDocument& m_document;
    credentials::SecretStore& m_secrets;
    ClipboardGuard& m_clipboard;
    Dialogs& m_dialogs;
    QTableWidget* m_table;
    QLineEdit* m_name;
    QPushButton* m_generate;
    QPushButton* m_copy;
    QPushButton* m_remove;
    QLabel* m_newKeyLabel;
    QLineEdit* m_newKey;
    QPushButton* m_copyNew;
    ErrorLabel* m_error;
    QLabel* m_note;
};

} // namespace td::ui
