// SPDX-License-Identifier: MIT
#include "ui/common/ErrorLabel.h"

#include "ui/common/Widgets.h"

#include <QEvent>

namespace td::ui {

ErrorLabel::ErrorLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextFormat(Qt::PlainText);
    hide();
}

void ErrorLabel::showError(const QString& message)
{
    m_error = !message.isEmpty();
    setText(message);
    applyColour();
    setVisible(!message.isEmpty());
}

void ErrorLabel::showNote(const QString& message)
{
    m_error = false;
    setText(message);
    applyColour();
    setVisible(!message.isEmpty());
}

void ErrorLabel::clear()
{
    showError(QString());
}

void ErrorLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) && !m_recolouring)
        applyColour();
}

void ErrorLabel::applyColour()
{
    m_recolouring = true;
    // Only the text role is set, so every other role still follows the window's palette; the red is picked by the
    // background's lightness so it stays readable in light and dark themes alike.
    QPalette own;
    if (m_error) {
        own.setColor(QPalette::WindowText, toneColor(Tone::Bad, palette()));
    }
    setPalette(own);
    setProperty("error", m_error);
    m_recolouring = false;
}

ErrorLabel* makeErrorLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new ErrorLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    return label;
}

} // namespace td::ui
