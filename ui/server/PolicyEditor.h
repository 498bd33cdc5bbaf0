// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QSpinBox;

namespace td::ui {

class ConfigDocument;
class ErrorLabel;

/**
 * The policy of one endpoint: which request fields a client may send, room and identity patterns and lengths,
 * TTL ceiling and default, LiveKit grants and Jitsi features every token gets, and what a client may ask for.
 * Only the members it has controls for are written; the rest of the policy object is kept.
 */
class PolicyEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditor)

public:
    explicit PolicyEditor(ConfigDocument& document, QWidget* parent = nullptr);

    /** Edits the endpoint at `index` of the document (-1: none). */
    void setEndpoint(int index);
    int endpoint() const { return m_index; }
    /** A config error about this endpoint's policy (empty clears it). */
    void showError(const QString& message);

private:
    void load();
    void store();
    void fillTriState(QListWidget* list, const QStringList& names, const QJsonObject& fixed);
    static void describe(QListWidgetItem* item);
    static QJsonObject triStateValues(const QListWidget* list);

    ConfigDocument& m_document;
    QLabel* m_heading;
    QGroupBox* m_fieldsBox;
    QCheckBox* m_contractFields;
    QListWidget* m_fields;
    QLineEdit* m_room;
    QLineEdit* m_identity;
    QSpinBox* m_maxRoomLength;
    QSpinBox* m_maxIdentityLength;
    QLineEdit* m_maxTtl;
    QLineEdit* m_defaultTtl;
    QGroupBox* m_grantsBox;
    QListWidget* m_grants;
    QGroupBox* m_featuresBox;
    QListWidget* m_features;
    QGroupBox* m_allowBox;
    QCheckBox* m_allowModerator;
    QCheckBox* m_allowRoomAdmin;
    QCheckBox* m_allowHidden;
    QCheckBox* m_allowRecorder;
    QCheckBox* m_allowAdmin;
    QCheckBox* m_allowAnyRoom;
    QGroupBox* m_rolesBox;
    QLineEdit* m_roles;
    ErrorLabel* m_error;
    QWidget* m_body;
    int m_index = -1;
    bool m_loading = false;
};

} // namespace td::ui
