// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QWidget>

#include <optional>

class QLineEdit;
class QPushButton;

namespace td::ui {

class Dialogs;

/**
 * An RSA private key field: masked like every secret, filled by pasting, by dropping a key file on it or with
 * "Choose file...". An encrypted key is decrypted on the spot with a passphrase asked through the dialog seam,
 * because the secret store keeps keys decrypted (it is their protection), as the CLI does.
 */
class PrivateKeyField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrivateKeyField)

public:
    PrivateKeyField(Dialogs& dialogs, QWidget* parent = nullptr);

    QByteArray pem() const;
    void setPem(const QByteArray& pem);
    QLineEdit* lineEdit() const { return m_edit; }

    /** Why the PEM loader rejects the current text, if it does (KeyEncrypted, PemMissingFooter, ...). */
    std::optional<ErrorCode> loadError() const { return m_loadError; }
    /** What the last decryption attempt of the current text said ("wrong passphrase"), or "". */
    QString decryptError() const { return m_decryptError; }

    /** Reads a key file into the field; false (and a message through the dialog seam) when it cannot be read. */
    bool loadFile(const QString& path);
    /** Asks for the passphrase of an encrypted key and replaces it with the decrypted key. */
    void decrypt();

Q_SIGNALS:
    /** The key text changed, or what is known about it did. */
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onTextChanged();
    void chooseFile();

    Dialogs& m_dialogs;
    QLineEdit* m_edit;
    QPushButton* m_choose;
    QPushButton* m_decrypt;
    std::optional<ErrorCode> m_loadError;
    QString m_decryptError;
    QString m_offeredFor; // the encrypted text the passphrase was last asked for, so it is asked once
};

} // namespace td::ui
