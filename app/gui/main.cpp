// SPDX-License-Identifier: MIT
// tokendesk: the desktop app's composition root; builds the object graph, holds no logic.
#include "core/crypto/Crypto.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    if (auto ok = td::crypto::selfTest(); !ok) {
        QMessageBox::critical(nullptr, QStringLiteral("TokenDesk"), ok.error().message);
        return 3;
    }
    const td::SystemClock clock;
    td::ui::MainWindow window(clock);
    window.show();
    return QApplication::exec();
}
