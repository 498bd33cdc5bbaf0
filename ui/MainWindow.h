// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace td::ui {

/** Navigation on the left, one page at a time on the right; remembers its geometry and last page. */
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Clock& clock, QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(QWidget* page, const QString& title);

    QListWidget* m_navigation;
    QStackedWidget* m_pages;
};

} // namespace td::ui
