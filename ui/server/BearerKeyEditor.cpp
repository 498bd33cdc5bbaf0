// SPDX-License-Identifier: MIT
#include "ui/server/BearerKeyEditor.h"

#include "core/credentials/SecretStore.h"
#include "core/server/BearerKeys.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Widgets.h"
#include "ui/server/ConfigDocument.h"
#include "ui/common/ErrorLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace td::ui {

BearerKeyEditor::BearerKeyEditor(ConfigDocument& document, credentials::SecretStore& secrets, ClipboardGuard& clipboard,
                                 Dialogs& dialogs, QWidget* parent)
    : QWidget(parent), m_document(document), m_secrets(secrets), m_clipboard(clipboard), m_dialogs(dialogs),
      m_table(new QTableWidget(0, 3, this)), m_name(new QLineEdit(this)),
      m_generate(new QPushButton(tr("Generate &key"), this)), m_copy(new QPushButton(tr("Cop&y key"), this)),
      m_remove(new QPushButton(tr("Remove key"), this)),
      m_newKeyLabel(new QLabel(tr("New key (shown this once; copy it now):"), this)), m_newKey(new QLineEdit(this)),
      m_copyNew(new QPushButton(tr("Copy new key"), this)), m_error(new ErrorLabel(this)), m_note(new QLabel(this))
{
    name(m_table, QStringLiteral("keysTableWidget"), tr("Bearer keys"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Variable"), tr("Key")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    name(m_name, QStringLiteral("keyNameLineEdit"), tr("Name of the new key"));
    m_name->setPlaceholderText(tr("web-dev"));
    name(m_generate, QStringLiteral("generateKeyPushButton"), tr("Generate a bearer key"));
    name(m_copy, QStringLiteral("copyKeyPushButton"), tr("Copy the selected bearer key"));
    name(m_remove, QStringLiteral("removeKeyPushButton"), tr("Remove the selected bearer key"));
    name(m_newKey, QStringLiteral("newKeyLineEdit"), tr("New bearer key"));
    m_newKey->setReadOnly(true);
    addRevealToggle(m_newKey);
    m_newKeyLabel->setBuddy(m_newKey);
    name(m_copyNew, QStringLiteral("copyNewKeyPushButton"), tr("Copy the new bearer key"));
    m_error->setObjectName(QStringLiteral("keyErrorLabel"));
    m_note->setObjectName(QStringLiteral("keyNoteLabel"));
    m_note->setWordWrap(true);

    auto* generateRow = new QHBoxLayout;
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    generateRow->addWidget(nameLabel);
    generateRow->addWidget(m_name, 1);
    generateRow->addWidget(m_generate);
    auto* newKeyRow = new QHBoxLayout;
    newKeyRow->addWidget(m_newKey, 1);
    newKeyRow->addWidget(m_copyNew);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_copy);
    listButtons->addWidget(m_remove);
    listButtons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(generateRow);
    layout->addWidget(m_newKeyLabel);
    layout->addLayout(newKeyRow);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(listButtons);
    layout->addWidget(m_note);

    connect(m_generate, &QPushButton::clicked, this, &BearerKeyEditor::generate);
    connect(m_name, &QLineEdit::returnPressed, this, &BearerKeyEditor::generate);
    connect(m_copy, &QPushButton::clicked, this, &BearerKeyEditor::copySelected);
    connect(m_remove, &QPushButton::clicked, this, &BearerKeyEditor::removeSelected);
    connect(m_copyNew, &QPushButton::clicked, this, [this] { m_clipboard.copySecret(m_newKey->text()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool has = !selectedVariable().isEmpty();
        m_copy->setEnabled(has && !keyValue(selectedVariable()).isEmpty());
        m_remove->setEnabled(has);
    });
    connect(&m_document, &ConfigDocument::wasReset, this, &BearerKeyEditor::load);

    setTabOrder(m_name, m_generate);
    setTabOrder(m_generate, m_newKey);
    setTabOrder(m_newKey, m_copyNew);
    setTabOrder(m_copyNew, m_table);
    setTabOrder(m_table, m_copy);
    setTabOrder(m_copy, m_remove);
    load();
}

void BearerKeyEditor::setStoreDescription(const QString& description)
{
    m_note->setText(tr("Keys are kept in %1. The config names each key's variable, so tokendesk-cli serve uses the "
                       "same key, from that variable when it is set, else from the store.")
                        .arg(description));
}

QByteArray BearerKeyEditor::keyValue(const QString& variable) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!server::addStoredBearerKeys(environment, {variable}, m_secrets))
        return {};
    return environment.value(variable).toUtf8();
}

void BearerKeyEditor::hideEvent(QHideEvent* event)
{
    // Shown once: leaving the page forgets the new key; the list can still copy it from the store.
    m_newKey->clear();
    load();
    QWidget::hideEvent(event);
}

void BearerKeyEditor::showError(const QString& message)
{
    m_error->showError(message);
}

void BearerKeyEditor::load()
{
    const QJsonArray keys = m_document.bearerKeys();
    m_table->setRowCount(static_cast<int>(keys.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QJsonObject k = keys.at(row).toObject();
        const QString variable = k.value(QStringLiteral("keyEnv")).toString();
        const bool present = !keyValue(variable).isEmpty();
        m_table->setItem(row, 0, new QTableWidgetItem(k.value(QStringLiteral("name")).toString(variable)));
        m_table->setItem(row, 1, new QTableWidgetItem(variable));
        // The key itself is never put in the table: a dot mask, or what is missing.
        auto* key = new QTableWidgetItem(present ? QString(12, QChar(0x2022)) : tr("not set: export %1").arg(variable));
        key->setData(Qt::UserRole, variable);
        m_table->setItem(row, 2, key);
    }
    // A reload starts without a selection, so the buttons and the selection agree.
    m_table->clearSelection();
    m_copy->setEnabled(false);
    m_remove->setEnabled(false);
    const bool fresh = !m_newKey->text().isEmpty();
    m_newKeyLabel->setVisible(fresh);
    m_newKey->setVisible(fresh);
    m_copyNew->setVisible(fresh);
}

QString BearerKeyEditor::selectedVariable() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 1)->text();
}

void BearerKeyEditor::generate()
{
    const QString keyName = m_name->text().trimmed().isEmpty() ? QStringLiteral("key") : m_name->text().trimmed();
    QJsonArray keys = m_document.bearerKeys();
    const QString variable = server::bearerKeyVariable(keyName, server::bearerKeyVariables(m_document.json()));
    auto key = server::generateBearerKey();
    if (!key) {
        m_error->showError(tr("No key was generated: %1").arg(key.error().localized()));
        return;
    }
    if (auto ok = m_secrets.write(server::bearerKeySecretName(variable), *key); !ok) {
        m_error->showError(tr("The key could not be stored: %1").arg(ok.error().localized()));
        return;
    }
    m_error->clear();
    m_newKey->setText(QString::fromLatin1(*key));
    keys.append(QJsonObject{{QStringLiteral("name"), keyName}, {QStringLiteral("keyEnv"), variable}});
    m_document.setBearerKeys(keys);
    m_name->clear();
    load();
    m_table->selectRow(m_table->rowCount() - 1);
}

void BearerKeyEditor::copySelected()
{
    const QByteArray key = keyValue(selectedVariable());
    if (!key.isEmpty())
        m_clipboard.copySecret(QString::fromUtf8(key));
}

void BearerKeyEditor::removeSelected()
{
    const QString variable = selectedVariable();
    if (variable.isEmpty())
        return;
    if (!m_dialogs.confirm(this, tr("Remove bearer key"),
                           tr("Remove the key in %1? Clients that use it get 401 from then on.").arg(variable)))
        return;
    if (auto ok = m_secrets.remove(server::bearerKeySecretName(variable)); !ok) {
        m_error->showError(tr("The key could not be removed from the store: %1").arg(ok.error().localized()));
        return;
    }
    QJsonArray keys;
    for (const QJsonValue& k : m_document.bearerKeys()) {
        if (k.toObject().value(QStringLiteral("keyEnv")).toString() != variable)
            keys.append(k);
    }
    m_newKey->clear();
    m_document.setBearerKeys(keys);
    load();
}

} // namespace td::ui
