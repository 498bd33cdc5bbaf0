// SPDX-License-Identifier: MIT
#pragma once

#include <QComboBox>

#include <optional>

namespace td::ui {

/**
 * A grant LiveKit reads as a tri-state (absent, true, false): "unset (<what the server does then>)", "yes", "no".
 * Unset leaves the claim out of the token, so the server's default applies; "no" writes an explicit false.
 */
class TriStateComboBox final : public QComboBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriStateComboBox)

public:
    /** `unsetMeaning` says what the server does when the claim is absent ("default: yes"). */
    TriStateComboBox(const QString& unsetMeaning, QWidget* parent = nullptr);

    std::optional<bool> value() const;
    void setValue(std::optional<bool> value);

Q_SIGNALS:
    void valueChanged();
};

} // namespace td::ui
