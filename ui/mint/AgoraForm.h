// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QComboBox;
class QLineEdit;

namespace td::ui {

class ErrorLabel;

/** Agora AccessToken2: the channel, the user (uid or account), the role, the privilege expiry, RTM and Chat. */
class AgoraForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgoraForm)

public:
    explicit AgoraForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;

private:
    void validate();

    QLineEdit* m_channel;
    QLineEdit* m_user;
    QComboBox* m_role;
    QLineEdit* m_privilegeTtl;
    QLineEdit* m_rtmUser;
    QLineEdit* m_chatUser;
    ErrorLabel* m_error;
    bool m_showing = false;
};

} // namespace td::ui
