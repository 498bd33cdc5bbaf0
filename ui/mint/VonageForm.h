// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mint/ProviderForm.h"

class QComboBox;
class QLineEdit;

namespace td::ui {

class ErrorLabel;

/** Vonage Video and OpenTok: the session, the role, the connection data and the initial layout classes. */
class VonageForm final : public ProviderForm {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VonageForm)

public:
    /** `openTok`: an OpenTok profile's form (its session must belong to the profile's API key). */
    explicit VonageForm(bool openTok, QWidget* parent = nullptr);

    QJsonObject claims() const override;
    Result<void> setClaims(const QJsonObject& claims) override;
    void setProfile(const credentials::Profile& profile) override;

private:
    void validate();

    bool m_openTok;
    QString m_apiKey;
    QLineEdit* m_session;
    QComboBox* m_role;
    QLineEdit* m_data;
    QLineEdit* m_layout;
    ErrorLabel* m_error;
    bool m_showing = false;
};

} // namespace td::ui
