// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/AppContext.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace td::ui {

class Translations;

/**
 * Navigation on the left, one page at a time on the right, a status bar; remembers its geometry and last page.
 * Changing the language rebuilds the pages so every text is retranslated.
 */
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(AppContext& context, Translations& translations, QWidget* parent = nullptr);

    /** Opens the settings dialog (through the dialog seam) and applies what was accepted. */
    void openSettings();
    /** Switches the language and rebuilds every text. */
    void setLanguage(const QString& language);
    /** Shows the page with this objectName ("mintPage", ...). */
    void showPage(const QString& objectName);
    /** The About box's text: version, Qt and OpenSSL versions, license, where the security notes are. */
    static QString aboutText();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildPages();
    void addPage(QWidget* page, const QString& icon, const QString& title);
    void updateStatus();
    void updateServerStatus();

    AppContext& m_context;
    Translations& m_translations;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_storeLabel = nullptr;
    QPushButton* m_serverStatus = nullptr;
};

} // namespace td::ui
