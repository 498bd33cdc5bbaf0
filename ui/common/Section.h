// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QToolButton;

namespace td::ui {

/**
 * A titled part of a form that folds away: a flat arrow button with the title (keyboard: Tab to it, Space toggles)
 * over the content. Advanced parts of the Mint forms start folded so the common task fits the window.
 */
class Section final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Section)

public:
    Section(const QString& title, QWidget* content, bool expanded, QWidget* parent = nullptr);

    void setExpanded(bool expanded);
    bool isExpanded() const;
    void setTitle(const QString& title);
    QWidget* content() const { return m_content; }
    QToolButton* toggle() const { return m_toggle; }

private:
    QToolButton* m_toggle;
    QWidget* m_content;
};

} // namespace td::ui
