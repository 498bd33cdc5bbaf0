// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QWidget;

namespace td::ui {

class ErrorLabel;

/**
 * The ZEGOCLOUD claims form: user ID, cipher (GCM or CBC layout), the payload as room privileges (room, login,
 * publish, stream IDs), as custom text or empty (basic token), and the optional UIKit Kit Token suffix (room ID, user
 * name). claims() is {"user_id", "payload", "cipher", "kit"?}; the privilege payload is written by the core's
 * RoomPrivilege::toPayload and read back with fromPayload, and the inline messages are the core's own checks.
 */
class ZegoForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZegoForm)

public:
    explicit ZegoForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    /** Emits changed() once when the claims were shown. */
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;
    /** A custom payload that is meant as room privileges (it has room_id or privilege) but breaks their rules. */
    QString inputProblem() const override;

private:
    enum class PayloadMode { Basic, Privilege, Custom };

    QWidget* buildPayloadBox();
    QWidget* buildKitBox();
    PayloadMode payloadMode() const;
    void setPayloadMode(PayloadMode mode);
    QString payload() const;
    QStringList streamIds() const;
    void edited();
    void validate();

    QLineEdit* m_userId;
    ErrorLabel* m_userIdError;
    QComboBox* m_cipher;
    QRadioButton* m_basicPayload;
    QRadioButton* m_privilegePayload;
    QRadioButton* m_customPayload;
    QWidget* m_privilegeBox;
    QLineEdit* m_roomId;
    QCheckBox* m_allowLogin;
    QCheckBox* m_allowPublish;
    QCheckBox* m_restrictStreams;
    QLineEdit* m_streamIds;
    QLabel* m_payloadPreview;
    QWidget* m_customBox;
    QPlainTextEdit* m_customText;
    ErrorLabel* m_payloadMessage;
    QCheckBox* m_kit;
    QWidget* m_kitBox;
    QLineEdit* m_kitRoomId;
    QLineEdit* m_kitUserName;
    ErrorLabel* m_kitError;
    QString m_profileRoom;
    bool m_showing = false;
    bool m_userIdTyped = false; // the user ID was edited by hand: from then on its problems show beside it
};

} // namespace td::ui
