// SPDX-License-Identifier: MIT
#include "ui/server/AccessEditor.h"

#include "core/server/ServerConfig.h"
#include "ui/common/Widgets.h"
#include "ui/server/ConfigDocument.h"
#include "ui/common/ErrorLabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace td::ui {

AccessEditor::AccessEditor(ConfigDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document), m_bind(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_allowRemote(new QCheckBox(tr("Allow other &machines to connect (needs bearer keys to be safe)"), this)),
      m_listenError(new ErrorLabel(this)), m_origin(new QLineEdit(this)),
      m_addOrigin(new QPushButton(tr("A&dd origin"), this)), m_origins(new QListWidget(this)),
      m_removeOrigin(new QPushButton(tr("Remove origin"), this)), m_originError(new ErrorLabel(this))
{
    name(m_bind, QStringLiteral("bindLineEdit"), tr("Listen address"));
    m_bind->setPlaceholderText(QStringLiteral("127.0.0.1"));
    name(m_port, QStringLiteral("portSpinBox"), tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    name(m_allowRemote, QStringLiteral("allowRemoteCheckBox"), tr("Allow other machines to connect"));
    m_listenError->setObjectName(QStringLiteral("listenErrorLabel"));
    name(m_origin, QStringLiteral("originLineEdit"), tr("Origin to allow"));
    m_origin->setPlaceholderText(QStringLiteral("http://localhost:3000"));
    name(m_addOrigin, QStringLiteral("addOriginPushButton"), tr("Add origin"));
    name(m_origins, QStringLiteral("originsListWidget"), tr("Allowed origins"));
    name(m_removeOrigin, QStringLiteral("removeOriginPushButton"), tr("Remove the selected origin"));
    m_originError->setObjectName(QStringLiteral("originErrorLabel"));

    auto* listen = new QGroupBox(tr("Listen"), this);
    auto* listenForm = new QFormLayout(listen);
    listenForm->addRow(tr("&Address:"), m_bind);
    listenForm->addRow(tr("P&ort:"), m_port);
    listenForm->addRow(QString(), m_allowRemote);
    listenForm->addRow(m_listenError);

    auto* origins = new QGroupBox(tr("Allowed origins (browsers calling from other pages get 403)"), this);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_origin, 1);
    addRow->addWidget(m_addOrigin);
    auto* originsLayout = new QVBoxLayout(origins);
    originsLayout->addLayout(addRow);
    originsLayout->addWidget(m_originError);
    originsLayout->addWidget(m_origins);
    originsLayout->addWidget(m_removeOrigin, 0, Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(listen);
    layout->addWidget(origins, 1);

    connect(m_bind, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_document.setValue(QStringLiteral("bind"),
                            text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text.trimmed()));
    });
    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) {
        if (!m_loading)
            m_document.setValue(QStringLiteral("port"), port);
    });
    connect(m_allowRemote, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading)
            m_document.setValue(QStringLiteral("allowRemote"),
                                on ? QJsonValue(true) : QJsonValue(QJsonValue::Undefined));
    });
    connect(m_addOrigin, &QPushButton::clicked, this, &AccessEditor::addOrigin);
    connect(m_origin, &QLineEdit::returnPressed, this, &AccessEditor::addOrigin);
    connect(m_removeOrigin, &QPushButton::clicked, this, &AccessEditor::removeOrigin);
    connect(m_origins, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeOrigin->setEnabled(!m_origins->selectedItems().isEmpty()); });
    connect(&m_document, &ConfigDocument::wasReset, this, &AccessEditor::load);

    setTabOrder(m_bind, m_port);
    setTabOrder(m_port, m_allowRemote);
    setTabOrder(m_allowRemote, m_origin);
    setTabOrder(m_origin, m_addOrigin);
    setTabOrder(m_addOrigin, m_origins);
    setTabOrder(m_origins, m_removeOrigin);
    load();
}

void AccessEditor::load()
{
    m_loading = true;
    const QJsonObject& json = m_document.json();
    m_bind->setText(json.value(QStringLiteral("bind")).toString());
    m_port->setValue(json.value(QStringLiteral("port")).toInt(8787));
    m_allowRemote->setChecked(json.value(QStringLiteral("allowRemote")).toBool());
    m_origins->clear();
    for (const QJsonValue& v : json.value(QStringLiteral("allowedOrigins")).toArray())
        m_origins->addItem(v.toString());
    m_removeOrigin->setEnabled(false);
    m_originError->clear();
    m_listenError->clear();
    m_loading = false;
}

void AccessEditor::showListenError(const QString& message)
{
    m_listenError->showError(message);
}

void AccessEditor::showListenNote(const QString& message)
{
    if (!m_listenError->isError())
        m_listenError->showNote(message);
}

void AccessEditor::showOriginError(const QString& message)
{
    m_originError->showError(message);
}

void AccessEditor::addOrigin()
{
    const QString raw = m_origin->text().trimmed();
    if (raw.isEmpty())
        return;
    // Refused here, where it was typed, rather than as a config error later; the server would refuse it too.
    if (raw.contains(QLatin1Char('*'))) {
        m_originError->showError(tr("Wildcards are not allowed: list each origin, like http://localhost:3000."));
        return;
    }
    const QString origin = server::normaliseOrigin(raw);
    if (origin.isEmpty()) {
        m_originError->showError(
            tr("“%1” is not an origin: give the scheme, host and port only, like http://localhost:3000.").arg(raw));
        return;
    }
    if (!m_origins->findItems(origin, Qt::MatchExactly).isEmpty()) {
        m_originError->showError(tr("%1 is already allowed.").arg(origin));
        return;
    }
    m_origins->addItem(origin);
    m_origin->clear();
    m_originError->clear();
    storeOrigins();
}

void AccessEditor::removeOrigin()
{
    qDeleteAll(m_origins->selectedItems());
    m_originError->clear();
    storeOrigins();
}

void AccessEditor::storeOrigins()
{
    QJsonArray origins;
    for (int i = 0; i < m_origins->count(); ++i)
        origins.append(m_origins->item(i)->text());
    m_document.setValue(QStringLiteral("allowedOrigins"), origins);
}

} // namespace td::ui
