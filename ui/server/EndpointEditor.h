// SPDX-License-Identifier: MIT
#pragma once

#include "core/server/ServerConfig.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace td::ui {

class ConfigDocument;
class Dialogs;
class ErrorLabel;
class ProfileService;

/**
 * The endpoints of the config: a table (path, type, profile) and, for the selected one, its path, its type and
 * the profile it signs with, picked from the profiles whose provider the type needs (or the environment).
 */
class EndpointEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointEditor)

public:
    EndpointEditor(ConfigDocument& document, ProfileService& profiles, Dialogs& dialogs, QWidget* parent = nullptr);

    /** The selected endpoint's index in the document, or -1. */
    int currentIndex() const;
    void setCurrentIndex(int index);
    /** A config error about endpoint `index` (-1: the endpoint list); shown beside the table and on the row. */
    void showError(int index, const QString& message);
    void clearError() { showError(-1, QString()); }

    /** "LiveKit — GET ?room=&identity=" for the type picker and the table. */
    static QString typeLabel(const server::EndpointKind& type);

    /** Adds a livekit-get endpoint signed with the first LiveKit profile (or the environment) and selects it. */
    void addEndpoint();

Q_SIGNALS:
    void currentChanged(int index);

private:
    void rebuildTable();
    void showCurrent();
    void fillProfiles(const server::EndpointKind& type, const QJsonObject& endpoint);
    void removeEndpoint();
    void editPath(const QString& path);
    void editType(int comboIndex);
    void editProfile(int comboIndex);
    /** The first stored profile that can serve `type`, or "" (then the environment). */
    QString firstProfileFor(const server::EndpointKind& type) const;
    QString credentialsText(const QJsonObject& endpoint) const;

    ConfigDocument& m_document;
    ProfileService& m_profiles;
    Dialogs& m_dialogs;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
    QLineEdit* m_path;
    QComboBox* m_type;
    QComboBox* m_profile;
    ErrorLabel* m_error;
    int m_errorIndex = -1;
    QString m_errorMessage;
    bool m_updating = false;
};

} // namespace td::ui
