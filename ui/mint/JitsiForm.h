// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/jitsi/JitsiClaims.h"
#include "ui/mint/ProviderForm.h"

#include <QList>
#include <QPair>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace td::ui {

class ErrorLabel;

/**
 * The claims form of JaaS (8x8) and self-hosted Jitsi: the room (a name, any room "*", or a Lua pattern with
 * context.room.regex), the user (id, name, email, avatar, moderator, hidden from recorder; affiliation and group on
 * self-hosted only) and every known feature as unset / on / off. claims() is {"room", "context"} exactly as the core's
 * jitsi::contextJson writes them; setClaims() reads them with jitsi::claimsFromPayload.
 */
class JitsiForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JitsiForm)

public:
    explicit JitsiForm(bool selfHosted, QWidget* parent = nullptr);

    bool isSelfHosted() const { return m_selfHosted; }

    QJsonObject claims() const override;
    /** Emits changed() once when the claims were shown; a refusal is also shown in the form's claims error line. */
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;
    /** An empty room (Prosody refuses a token without one) unless "any room" is chosen. */
    QString inputProblem() const override;
    bool roomRaw() const override;
    void setRoomRaw(bool raw) override;

private:
    QWidget* buildRoomBox();
    QWidget* buildUserBox();
    QWidget* buildFeaturesBox();
    jitsi::JitsiClaims currentClaims() const;
    Result<jitsi::JitsiClaims> readClaims(const QJsonObject& json) const;
    void showClaims(const jitsi::JitsiClaims& claims);
    void edited();
    void validate();

    bool m_selfHosted;
    QRadioButton* m_namedRoom;
    QRadioButton* m_anyRoom;
    QRadioButton* m_patternRoom;
    QLineEdit* m_room;
    QCheckBox* m_roomRaw;
    ErrorLabel* m_roomMessage;
    QLineEdit* m_userId;
    QLineEdit* m_userName;
    QLineEdit* m_email;
    QLineEdit* m_avatar;
    QComboBox* m_moderator;
    QComboBox* m_hidden;
    QComboBox* m_affiliation = nullptr; // self-hosted only
    QLineEdit* m_group = nullptr;       // self-hosted only
    class Section* m_moreUser = nullptr;
    QList<QPair<QString, QComboBox*>> m_features;
    ErrorLabel* m_claimsError;
    QString m_profileRoom;
    bool m_showing = false;
    bool m_roomTyped = false; // the room was edited by hand: from then on an empty one is marked beside it
};

} // namespace td::ui
