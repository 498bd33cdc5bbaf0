// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QTimer>

namespace td::ui {

/**
 * A short message over the bottom of a window ("Token copied …") that goes away by itself. It floats above the
 * layout, so showing it never moves or widens anything. One per window: show() on the same window replaces the text.
 */
class Toast final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Toast)

public:
    /** Shows `text` over the window of `anchor` for `milliseconds`. */
    static Toast* show(QWidget* anchor, const QString& text, int milliseconds = 4000);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit Toast(QWidget* window);
    void place();

    QTimer m_hide;
};

} // namespace td::ui
