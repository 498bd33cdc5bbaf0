// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace td::ui {

/** Help > Keyboard Shortcuts (F1 or Ctrl+/): every shortcut of the app, by where it works, in the platform's notation.
 */
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);
};

} // namespace td::ui
