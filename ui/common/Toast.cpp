// SPDX-License-Identifier: MIT
#include "ui/common/Toast.h"

#include <QEvent>

namespace td::ui {

Toast::Toast(QWidget* window) : QLabel(window)
{
    setObjectName(QStringLiteral("toastLabel"));
    setAccessibleName(tr("Notification"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAutoFillBackground(true);
    // The palette's tooltip colours: readable in light and dark themes alike.
    setForegroundRole(QPalette::ToolTipText);
    setBackgroundRole(QPalette::ToolTipBase);
    setFrameShape(QFrame::Box);
    setMargin(8);
    m_hide.setSingleShot(true);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    window->installEventFilter(this);
}

Toast* Toast::show(QWidget* anchor, const QString& text, int milliseconds)
{
    QWidget* window = anchor->window();
    auto* toast = window->findChild<Toast*>(QStringLiteral("toastLabel"), Qt::FindDirectChildrenOnly);
    if (!toast)
        toast = new Toast(window);
    toast->setText(text);
    toast->place();
    toast->QLabel::show();
    toast->raise();
    toast->m_hide.start(milliseconds);
    return toast;
}

void Toast::place()
{
    const QWidget* window = parentWidget();
    const int width = std::min(window->width() - 40, 460);
    setFixedWidth(std::max(width, 120));
    adjustSize();
    move((window->width() - this->width()) / 2, window->height() - height() - 48);
}

bool Toast::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QLabel::eventFilter(watched, event);
}

} // namespace td::ui
