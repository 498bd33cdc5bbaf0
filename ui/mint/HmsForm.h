// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace td::ui {

class ErrorLabel;

/** 100ms: an auth token's room, user and role, or a management token. */
class HmsForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HmsForm)

public:
    explicit HmsForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;

private:
    void validate();

    QCheckBox* m_management;
    QLineEdit* m_roomId;
    QLineEdit* m_userId;
    QComboBox* m_role;
    ErrorLabel* m_error;
    bool m_showing = false;
};

} // namespace td::ui
