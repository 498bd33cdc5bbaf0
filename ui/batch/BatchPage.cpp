// SPDX-License-Identifier: MIT
#include "ui/batch/BatchPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/batch/BatchTab.h"
#include "ui/batch/MatrixTab.h"
#include "ui/common/Widgets.h"

namespace td::ui {

BatchPage::BatchPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_batch(new BatchTab(context, m_tabs)),
      m_matrix(new MatrixTab(context, m_tabs))
{
    name(m_tabs, QStringLiteral("batchTabWidget"), tr("Batch and permission matrix"));
    m_tabs->addTab(m_batch, tr("Batch"));
    m_tabs->addTab(m_matrix, tr("Permission matrix"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
}

void BatchPage::takeOver(const BatchPage& previous)
{
    m_batch->takeOver(*previous.m_batch);
    m_matrix->takeOver(*previous.m_matrix);
    m_tabs->setCurrentIndex(previous.m_tabs->currentIndex());
}

} // namespace td::ui
