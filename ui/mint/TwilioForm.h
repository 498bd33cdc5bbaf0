// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QCheckBox;
class QLineEdit;

namespace td::ui {

class ErrorLabel;

/** Twilio Access Token: the identity, the Video room, and the Chat, Sync and Voice grants. */
class TwilioForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwilioForm)

public:
    explicit TwilioForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;

private:
    void validate();

    QLineEdit* m_identity;
    QCheckBox* m_video;
    QLineEdit* m_room;
    QLineEdit* m_chatService;
    QLineEdit* m_syncService;
    QLineEdit* m_voiceApp;
    QCheckBox* m_voiceIncoming;
    ErrorLabel* m_error;
    bool m_showing = false;
};

} // namespace td::ui
