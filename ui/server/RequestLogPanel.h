// SPDX-License-Identifier: MIT
#pragma once

#include "core/server/LogEntry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace td::ui {

class RequestLogModel;

/** The live request log with a filter over every column, a count and a clear button. */
class RequestLogPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogPanel)

public:
    explicit RequestLogPanel(QWidget* parent = nullptr);

    void append(const server::LogEntry& entry);
    RequestLogModel* model() const { return m_model; }

private:
    void updateCount();

    RequestLogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    QPushButton* m_clear;
    QLabel* m_count;
};

} // namespace td::ui
