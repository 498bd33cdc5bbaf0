// SPDX-License-Identifier: MIT
#include "ui/common/Section.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace td::ui {

Section::Section(const QString& title, QWidget* content, bool expanded, QWidget* parent)
    : QWidget(parent), m_toggle(new QToolButton(this)), m_content(content)
{
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QFont bold = m_toggle->font();
    bold.setBold(true);
    m_toggle->setFont(bold);
    m_content->setParent(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle);
    layout->addWidget(m_content);
    connect(m_toggle, &QToolButton::toggled, this, &Section::setExpanded);
    setTitle(title);
    setExpanded(expanded);
}

void Section::setTitle(const QString& title)
{
    m_toggle->setText(title);
    m_toggle->setAccessibleName(title);
}

void Section::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded)
        m_toggle->setChecked(expanded); // re-enters through toggled()
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

bool Section::isExpanded() const
{
    return m_toggle->isChecked();
}

} // namespace td::ui
