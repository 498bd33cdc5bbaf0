// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/livekit/LiveKitGrants.h"
#include "ui/mint/ProviderForm.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace td::ui {

class JsonEditor;
class LiveKitGrantsBox;
class RoomConfigBox;

/**
 * The LiveKit claims form: identity (typed or random), name, room and a role that applies when chosen (and shows what
 * it granted) first; every grant, participant kind, metadata, attributes and roomConfig with agent dispatch in folded
 * sections that open when they hold something. claims() is the plan's claims ("sub" plus what
 * LiveKitClaims::appendTo writes); setClaims() reads them back with the core's readClaims.
 */
class LiveKitForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveKitForm)

public:
    explicit LiveKitForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;
    QString inputProblem() const override;

private:
    QWidget* buildParticipantBox();
    QWidget* buildGrantsBox();
    QWidget* buildRoomConfigBox();
    livekit::LiveKitClaims currentClaims() const;
    void showClaims(const livekit::LiveKitClaims& claims);
    void applyPreset();
    /** Selects the role whose grants the form holds now, or "Custom", and says in words what is granted. */
    void showRole();
    void addAttributeRow(const QString& key, const QString& value);
    void updateExtrasLabel(const QStringList& ignored);
    void edited();

    QLineEdit* m_identity;
    QPushButton* m_randomIdentity;
    QLineEdit* m_name;
    QLineEdit* m_room;
    QComboBox* m_preset;
    QLabel* m_roleSummary;
    class Section* m_moreParticipant = nullptr;
    class Section* m_grantDetails = nullptr;
    class Section* m_roomConfigSection = nullptr;
    QComboBox* m_kind;
    JsonEditor* m_metadata;
    QTableWidget* m_attributes;
    QPushButton* m_addAttribute;
    QPushButton* m_removeAttribute;
    LiveKitGrantsBox* m_grants;
    QLineEdit* m_roomPreset;
    RoomConfigBox* m_roomConfig;
    QLabel* m_extrasLabel;
    QJsonObject m_extras; // claims the widgets do not show (custom ones, sha256 ...), kept as they came
    QString m_profileRoom;
    bool m_showing = false;
};

} // namespace td::ui
