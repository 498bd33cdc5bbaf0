// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace td::ui {

class JsonEditor;

/**
 * LiveKit's roomConfig: a JSON editor for the RoomConfiguration and a table of agents to dispatch when the room is
 * created (roomConfig.agents[{agentName, metadata, deployment}]). The whole is checked with the core's
 * normaliseRoomConfig and its error shown under the table.
 */
class RoomConfigBox final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomConfigBox)

public:
    explicit RoomConfigBox(QWidget* parent = nullptr);

    /** The configuration as typed (agents from the editor first, then the table); nullopt when both are empty. */
    std::optional<QJsonObject> roomConfig() const;
    /** Shows a configuration: agents go to the table, the rest to the editor. Refuses one the core rejects. */
    Result<void> setRoomConfig(const std::optional<QJsonObject>& config);
    /** Why the editor's text is no JSON object; "" when it is fine. */
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void addAgentRow(const QJsonObject& dispatch);
    void updateStatus();

    JsonEditor* m_editor;
    QTableWidget* m_agents;
    QPushButton* m_addAgent;
    QPushButton* m_removeAgent;
    QLabel* m_status;
    bool m_showing = false;
};

} // namespace td::ui
