// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QComboBox;
class QLineEdit;

namespace td::ui {

class ErrorLabel;

/** Stream Video and Chat: the user, the calls a call token is limited to, the role in them. */
class StreamForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamForm)

public:
    explicit StreamForm(QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;

private:
    QStringList callCids() const;
    void validate();

    QLineEdit* m_userId;
    QLineEdit* m_calls;
    QComboBox* m_role;
    ErrorLabel* m_error;
    bool m_showing = false;
};

} // namespace td::ui
