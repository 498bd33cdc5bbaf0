// SPDX-License-Identifier: MIT
#include "ui/profiles/FieldMessage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace td::ui {

FieldMessage::FieldMessage(const QString& purpose, QWidget* parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    setObjectName(purpose + QStringLiteral("FieldMessage"));
    m_text->setObjectName(purpose + QStringLiteral("MessageLabel"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    // Selectable so a fingerprint can be copied; mouse only, so it stays out of the tab order.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_icon->setAlignment(Qt::AlignTop);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setVisible(false);
}

void FieldMessage::setMessage(Kind kind, const QString& text)
{
    if (text.isEmpty())
        kind = Kind::None;
    m_kind = kind;
    m_text->setText(kind == Kind::None ? QString() : text);
    m_text->setAccessibleName(m_text->text());
    updateIcon();
    setVisible(kind != Kind::None);
}

QString FieldMessage::text() const
{
    return m_text->text();
}

void FieldMessage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        updateIcon();
}

void FieldMessage::updateIcon()
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxCritical;
    switch (m_kind) {
    case Kind::None: m_icon->clear(); return;
    case Kind::Error: pixmap = QStyle::SP_MessageBoxCritical; break;
    case Kind::Warning: pixmap = QStyle::SP_MessageBoxWarning; break;
    case Kind::Ok: pixmap = QStyle::SP_DialogApplyButton; break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}

} // namespace td::ui
