// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace td::settings {
class Settings;
}

namespace td::ui {

/** Clipboard clearing, default TTLs, secret store, language and history retention. Writes only on OK. */
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(settings::Settings& settings, QWidget* parent = nullptr);

    /** Writes the dialog's values; returns whether the language changed (the window then rebuilds its texts). */
    /** Saves the settings and applies the theme; true when the language changed (the window rebuilds its pages). */
    bool apply();

private:
    void validate();

    settings::Settings& m_settings;
    QSpinBox* m_clipboardSeconds;
    QList<QLineEdit*> m_ttls;
    QComboBox* m_secretStore;
    QComboBox* m_language;
    QComboBox* m_theme;
    QSpinBox* m_retention;
    QCheckBox* m_keepTokens;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace td::ui
