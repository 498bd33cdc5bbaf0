// SPDX-License-Identifier: MIT
// The main window as a user meets it: five pages with shortcuts, the settings dialog, and switching to zh_TW.
#include "tests/support/TestContext.h"
#include "ui/MainWindow.h"
#include "ui/common/Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>

using namespace td;

namespace {

QStringList navigationTexts(const ui::MainWindow& window)
{
    QStringList out;
    const auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigationListWidget"));
    for (int i = 0; i < nav->count(); ++i)
        out << nav->item(i)->text();
    return out;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesAndShortcuts()
    {
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(navigationTexts(window),
                 (QStringList{QStringLiteral("Profiles"), QStringLiteral("Mint"), QStringLiteral("Inspect"),
                              QStringLiteral("Server"), QStringLiteral("History"), QStringLiteral("Batch")}));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("serverPage"));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("mintPage"));
        // Every input on every page has a name for screen readers (its own, or its label's through the buddy).
        QStringList unnamed;
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            for (QWidget* w : pages->currentWidget()->findChildren<QWidget*>()) {
                const bool input = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                                   qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                                   qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w);
                // Parts of a compound control (a spin box's line edit, a table's header, a line edit's action
                // button) are named through their owner.
                QWidget* owner = w->parentWidget();
                if (!input || !w->isVisibleTo(&window) || qobject_cast<QComboBox*>(owner) ||
                    qobject_cast<QAbstractSpinBox*>(owner) || qobject_cast<QLineEdit*>(owner) ||
                    qobject_cast<QAbstractItemView*>(owner) ||
                    qobject_cast<QAbstractItemView*>(owner ? owner->parentWidget() : nullptr))
                    continue;
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << pages->currentWidget()->objectName() + QLatin1Char('/') +
                                   QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') +
                                   w->objectName();
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void aboutNamesTheVersions()
    {
        QApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("aboutAction")));
        const QString text = ui::MainWindow::aboutText();
        QVERIFY2(text.contains(QStringLiteral("TokenDesk " TOKENDESK_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("OpenSSL 3.")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    }

    void settingsDialogWritesSettings()
    {
        test::TestContext ctx;
        ui::Translations translations;
        ui::MainWindow window(ctx.context, translations);
        ctx.dialogs.onDialog = [](QDialog& dialog) {
            dialog.findChild<QSpinBox*>(QStringLiteral("clipboardSecondsSpinBox"))->setValue(12);
            dialog.findChild<QSpinBox*>(QStringLiteral("retentionSpinBox"))->setValue(7);
            return int(QDialog::Accepted);
        };
        window.openSettings();
        QCOMPARE(ctx.settings.clipboardClearSeconds(), 12);
        QCOMPARE(ctx.settings.historyRetentionDays(), 7);
        QCOMPARE(ctx.settings.language(), QString());
    }

    void switchingToTraditionalChineseChangesTheTexts()
    {
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.show();
        const QStringList english = navigationTexts(window);
        ctx.dialogs.onDialog = [](QDialog& dialog) {
            auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageComboBox"));
            language->setCurrentIndex(language->findData(QStringLiteral("zh_TW")));
            return int(QDialog::Accepted);
        };
        window.openSettings();
        QCOMPARE(translations.current(), QStringLiteral("zh_TW"));
        QCOMPARE(ctx.settings.language(), QStringLiteral("zh_TW"));
        const QStringList chinese = navigationTexts(window);
        QCOMPARE(chinese.size(), english.size());
        for (qsizetype i = 0; i < chinese.size(); ++i)
            QVERIFY2(chinese.at(i) != english.at(i), qPrintable(chinese.at(i)));
        QCOMPARE(chinese.at(1), QStringLiteral("簽發"));
        // The pages were rebuilt in the new language too, not just the navigation.
        auto* menu = window.menuBar()->actions().constFirst();
        QVERIFY(!menu->text().contains(QStringLiteral("File")));
        const auto* mint = window.findChild<QPushButton*>(QStringLiteral("mintPushButton"));
        QVERIFY(mint);
        QVERIFY2(!mint->text().contains(QStringLiteral("Mint")), qPrintable(mint->text()));
        // And back.
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(navigationTexts(window), english);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
