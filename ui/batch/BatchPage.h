// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/AppContext.h"

#include <QWidget>

class QTabWidget;

namespace td::ui {

class BatchTab;
class MatrixTab;

/** QA workflows: a participant list minted in one go, and the permission-matrix builder. */
class BatchPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchPage)

public:
    explicit BatchPage(AppContext& context, QWidget* parent = nullptr);

    BatchTab* batchTab() const { return m_batch; }
    MatrixTab* matrixTab() const { return m_matrix; }
    /** Keeps the work of the page this one replaces (a language change). */
    void takeOver(const BatchPage& previous);

private:
    QTabWidget* m_tabs;
    BatchTab* m_batch;
    MatrixTab* m_matrix;
};

} // namespace td::ui
