// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace td::ui {

/**
 * A message next to the control it is about: hidden while empty, in a red the current palette can carry (light
 * text on dark themes, dark on light ones), re-coloured when the palette changes.
 */
class ErrorLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorLabel)

public:
    explicit ErrorLabel(QWidget* parent = nullptr);

    /** Shows `message` as an error, or hides the label when it is empty. */
    void showError(const QString& message);
    /** Shows a warning or note in the palette's ordinary text colour. */
    void showNote(const QString& message);
    void clear();
    bool isError() const { return m_error; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColour();

    bool m_error = false;
    bool m_recolouring = false;
};

/** An ErrorLabel with its objectName and accessible name set (every control has both). */
ErrorLabel* makeErrorLabel(QWidget* parent, const QString& objectName, const QString& accessibleName);

} // namespace td::ui
