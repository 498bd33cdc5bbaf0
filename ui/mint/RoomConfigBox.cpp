// SPDX-License-Identifier: MIT
#include "ui/mint/RoomConfigBox.h"

#include "core/providers/livekit/LiveKitGrants.h"
#include "ui/common/Widgets.h"
#include "ui/mint/JsonEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

enum Column { NameColumn, MetadataColumn, DeploymentColumn, ColumnCount };

// Dispatch members the table shows; the others (restartPolicy, attributes) ride along in the row's data.
const QString kAgentName = QStringLiteral("agentName");
const QString kMetadata = QStringLiteral("metadata");
const QString kDeployment = QStringLiteral("deployment");

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

RoomConfigBox::RoomConfigBox(QWidget* parent)
    : QWidget(parent), m_editor(new JsonEditor(JsonEditor::Kind::Object, QStringLiteral("roomConfig"),
                                               tr("Room configuration JSON"), this)),
      m_agents(new QTableWidget(0, ColumnCount, this)), m_addAgent(new QPushButton(tr("Add agent"), this)),
      m_removeAgent(new QPushButton(tr("Remove agent"), this)), m_status(new QLabel(this))
{
    m_editor->textEdit()->setPlaceholderText(QStringLiteral("{\"emptyTimeout\": 300, \"maxParticipants\": 20}"));
    name(m_agents, QStringLiteral("agentsTableWidget"), tr("Agents to dispatch"));
    m_agents->setHorizontalHeaderLabels({tr("Agent name"), tr("Job metadata"), tr("Deployment")});
    m_agents->horizontalHeader()->setStretchLastSection(true);
    m_agents->verticalHeader()->hide();
    m_agents->setMinimumHeight(80);
    m_agents->setMaximumHeight(160);
    name(m_addAgent, QStringLiteral("addAgentPushButton"), tr("Add an agent to dispatch"));
    name(m_removeAgent, QStringLiteral("removeAgentPushButton"), tr("Remove the selected agent"));
    name(m_status, QStringLiteral("roomConfigCheckLabel"), tr("Room configuration check"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* agentsLabel = new QLabel(tr("Agents dispatched when the room is created:"), this);
    agentsLabel->setBuddy(m_agents);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addAgent);
    buttons->addWidget(m_removeAgent);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    layout->addWidget(agentsLabel);
    layout->addWidget(m_agents);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    const auto edited = [this] {
        updateStatus();
        if (!m_showing)
            Q_EMIT changed();
    };
    connect(m_editor, &JsonEditor::changed, this, edited);
    connect(m_agents, &QTableWidget::itemChanged, this, edited);
    connect(m_addAgent, &QPushButton::clicked, this, [this, edited] {
        addAgentRow({});
        m_agents->setCurrentCell(m_agents->rowCount() - 1, NameColumn);
        m_agents->editItem(m_agents->item(m_agents->rowCount() - 1, NameColumn));
        edited();
    });
    connect(m_removeAgent, &QPushButton::clicked, this, [this, edited] {
        const int row = m_agents->currentRow();
        if (row < 0)
            return;
        m_agents->removeRow(row);
        edited();
    });
    connect(m_agents, &QTableWidget::currentCellChanged, this,
            [this] { m_removeAgent->setEnabled(m_agents->currentRow() >= 0); });
    m_removeAgent->setEnabled(false);
    updateStatus();
}

void RoomConfigBox::addAgentRow(const QJsonObject& dispatch)
{
    const bool wasShowing = m_showing;
    m_showing = true; // one row is one edit, not three
    const int row = m_agents->rowCount();
    m_agents->insertRow(row);
    auto* nameItem = new QTableWidgetItem(dispatch.value(kAgentName).toString());
    QJsonObject rest = dispatch;
    rest.remove(kAgentName);
    rest.remove(kMetadata);
    rest.remove(kDeployment);
    nameItem->setData(Qt::UserRole, rest);
    m_agents->setItem(row, NameColumn, nameItem);
    m_agents->setItem(row, MetadataColumn, new QTableWidgetItem(dispatch.value(kMetadata).toString()));
    m_agents->setItem(row, DeploymentColumn, new QTableWidgetItem(dispatch.value(kDeployment).toString()));
    m_showing = wasShowing;
}

std::optional<QJsonObject> RoomConfigBox::roomConfig() const
{
    QJsonObject config = m_editor->object();
    QJsonArray agents = config.value(QStringLiteral("agents")).toArray();
    for (int row = 0; row < m_agents->rowCount(); ++row) {
        const QString agentName = cellText(m_agents, row, NameColumn).trimmed();
        const QString metadata = cellText(m_agents, row, MetadataColumn);
        const QString deployment = cellText(m_agents, row, DeploymentColumn).trimmed();
        const QTableWidgetItem* nameItem = m_agents->item(row, NameColumn);
        QJsonObject dispatch = nameItem ? nameItem->data(Qt::UserRole).toJsonObject() : QJsonObject();
        if (agentName.isEmpty() && metadata.isEmpty() && deployment.isEmpty() && dispatch.isEmpty())
            continue; // a row added and left blank
        dispatch.insert(kAgentName, agentName);
        if (!metadata.isEmpty())
            dispatch.insert(kMetadata, metadata);
        if (!deployment.isEmpty())
            dispatch.insert(kDeployment, deployment);
        agents.append(dispatch);
    }
    if (!agents.isEmpty())
        config.insert(QStringLiteral("agents"), agents);
    if (config.isEmpty() && m_editor->text().trimmed().isEmpty())
        return std::nullopt;
    return config;
}

Result<void> RoomConfigBox::setRoomConfig(const std::optional<QJsonObject>& config)
{
    QJsonObject normalised;
    if (config) {
        auto checked = livekit::normaliseRoomConfig(*config);
        if (!checked)
            return std::unexpected(checked.error());
        normalised = *checked;
    }
    m_showing = true;
    const QJsonArray agents = normalised.take(QStringLiteral("agents")).toArray();
    m_agents->setRowCount(0);
    for (const QJsonValue& a : agents)
        addAgentRow(a.toObject());
    m_editor->setText(normalised.isEmpty()
                          ? QString()
                          : QString::fromUtf8(QJsonDocument(normalised).toJson(QJsonDocument::Indented)).trimmed());
    m_showing = false;
    updateStatus();
    return {};
}

QString RoomConfigBox::problem() const
{
    const QString p = m_editor->problem();
    return p.isEmpty() ? QString() : tr("roomConfig: %1").arg(p);
}

void RoomConfigBox::updateStatus()
{
    if (!m_editor->problem().isEmpty()) {
        m_status->setText(tr("Fix the JSON above first."));
        return;
    }
    const std::optional<QJsonObject> config = roomConfig();
    if (!config || config->isEmpty()) {
        m_status->setText(tr("No room configuration: the server's defaults apply."));
        return;
    }
    const auto checked = livekit::normaliseRoomConfig(*config);
    m_status->setText(checked ? tr("Room configuration is valid; it applies when this token creates the room.")
                              : tr("Room configuration problem: %1").arg(checked.error().localized()));
}

} // namespace td::ui
