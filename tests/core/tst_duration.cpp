// SPDX-License-Identifier: MIT
#include "core/Duration.h"

#include <QTest>

class TestDuration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("plain") << "90" << qint64(90);
        QTest::newRow("minutes") << "10m" << qint64(600);
        QTest::newRow("hours") << "6h" << qint64(21600);
        QTest::newRow("compound") << "1h30m" << qint64(5400);
        QTest::newRow("days") << "2d" << qint64(172800);
        QTest::newRow("all units") << "1d2h3m4s" << qint64(93784);
        QTest::newRow("upper case") << "6H" << qint64(21600);
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(td::parseDuration(text).value(), seconds);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* t : {"", "h", "6x", "1m1h", "0", "-5", "1h30", "1.5h", "99999999999d"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!td::parseDuration(text).has_value());
    }

    void formats()
    {
        QCOMPARE(td::formatDuration(5400), QStringLiteral("1h30m"));
        QCOMPARE(td::formatRelative(100, 40), QStringLiteral("in 1m"));
        QCOMPARE(td::formatRelative(40, 100), QStringLiteral("1m ago"));
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
