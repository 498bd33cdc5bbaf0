// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "ui/common/AppContext.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace td::ui {

class FieldMessage;
class PrivateKeyField;

/**
 * Adds or edits one profile. The rows follow the provider; every change is checked at once by the core
 * (validateProfile and the PEM loader) and the findings appear under their field. OK stays disabled while any
 * finding is an error. A field the user has not touched yet is listed as "still needed" instead of shown red.
 */
class ProfileDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    explicit ProfileDialog(AppContext& context, QWidget* parent = nullptr);

    /** A new profile of this provider (the provider can still be changed). */
    void setProvider(Provider provider);
    /** Edits a stored profile: the form is filled, the provider is fixed. */
    void setProfile(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets);
    /** Names already in use; the profile may not take one of them. */
    void setTakenNames(const QStringList& names);

    credentials::Profile profile() const;
    /** The secrets to store, by field; a private key in its stored form (decrypted PKCS#8). */
    crypto::SecretMap secrets() const;
    /** True when nothing blocks saving. */
    bool isComplete() const { return m_complete; }
    const credentials::ProfileCheck& check() const { return m_check; }

    void accept() override;

private:
    struct Row {
        QString key;
        QLabel* label = nullptr;
        QWidget* field = nullptr;
        QWidget* editor = nullptr;
        QWidget* focus = nullptr; // the control inside the editor that takes the keyboard, and the label's buddy
        FieldMessage* message = nullptr;
        QFormLayout* form = nullptr;
        QList<Provider> providers; // empty: every provider
    };
    struct TextField {
        QString key;
        QLineEdit* edit = nullptr;
        QString credentials::Profile::*member = nullptr;
    };

    QLineEdit* lineEdit(const QString& key, const QString& accessibleName);
    void addRow(QFormLayout* form, const QString& key, QWidget* editor, QWidget* buddy, QList<Provider> providers);
    void touch(const QString& key);
    Provider provider() const;
    bool isShown(const Row& row) const;
    void placeRows();
    void updateRows();
    void validate();
    void fitHeight();
    crypto::SecretMap enteredSecrets() const;
    void showPrivateKeyMessage(const Row& row, const QList<Finding>& findings, QStringList& pending);

    AppContext& m_context;
    QComboBox* m_provider;
    QLineEdit* m_name;
    QComboBox* m_environment;
    QLabel* m_hint;
    QHash<QString, QLineEdit*> m_secretEdits; // every secret but the private key, by field
    PrivateKeyField* m_privateKey;
    QComboBox* m_cipher;
    QCheckBox* m_domainVerification;
    QCheckBox* m_showSecrets;
    FieldMessage* m_general;
    QLabel* m_pending;
    QDialogButtonBox* m_buttons;
    QList<Row> m_rows;
    QList<TextField> m_textFields;
    QSet<QString> m_touched;
    QStringList m_taken;
    credentials::Profile m_base;
    credentials::ProfileCheck m_check;
    bool m_complete = false;
};

} // namespace td::ui
