// SPDX-License-Identifier: MIT
// The streaming CSV reader and the spreadsheet-safe writer.
#include "core/csv/Csv.h"

#include <QBuffer>
#include <QTest>

using namespace td;

namespace {

/** Reads every record through a device that hands out `chunk` bytes at a time (records straddle reads). */
class TrickleDevice final : public QIODevice {
public:
    TrickleDevice(QByteArray data, qint64 chunk) : m_data(std::move(data)), m_chunk(chunk) { open(ReadOnly); }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = qMin(qMin(max, m_chunk), qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotedFieldsAcrossLinesKeepStartLines()
    {
        const QByteArray text =
            "\xEF\xBB\xBFidentity,notes\r\nann,\"two\nlines\"\r\n\r\nbob,\"say \"\"hi\"\"\"\ncid,\n";
        auto records = csv::parseText(text);
        QVERIFY2(records, qPrintable(records ? QString() : records.error().message));
        QCOMPARE(records->size(), 4);
        QCOMPARE(records->at(0).fields, (QStringList{QStringLiteral("identity"), QStringLiteral("notes")}));
        QCOMPARE(records->at(1).fields.at(1), QStringLiteral("two\nlines"));
        QCOMPARE(records->at(1).line, 2);
        QCOMPARE(records->at(2).fields.at(1), QStringLiteral("say \"hi\""));
        QCOMPARE(records->at(2).line, 5); // the blank line 4 is skipped
        QCOMPARE(records->at(3).fields, (QStringList{QStringLiteral("cid"), QString()}));
        QCOMPARE(records->at(3).line, 6);
    }

    void detectsTabsAndSemicolons_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("tab (spreadsheet paste)") << QByteArray("identity\tname\nann\tAnn, A.\n") << '\t';
        QTest::newRow("semicolon (European Excel)") << QByteArray("identity;name\nann;Ann, A.\n") << ';';
        QTest::newRow("comma") << QByteArray("identity,name\nann,\"Ann; A.\"\n") << ',';
    }
    void detectsTabsAndSemicolons()
    {
        QFETCH(QByteArray, text);
        QFETCH(char, delimiter);
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        csv::Reader reader(buffer);
        auto header = reader.next();
        QVERIFY(header && *header);
        QCOMPARE(reader.delimiter(), delimiter);
        auto row = reader.next();
        QVERIFY(row && *row);
        QCOMPARE((*row)->fields.size(), 2);
    }

    void errorsNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed quote") << QByteArray("a,b\n1,2\n3,\"open\n4,5\n")
                                        << QStringLiteral("line 3: a quoted field is not closed");
        QTest::newRow("text after quote")
            << QByteArray("a,b\n1,\"x\"y\n") << QStringLiteral("line 2: text after a closing quote");
    }
    void errorsNameTheLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        auto records = csv::parseText(text);
        QVERIFY(!records);
        QVERIFY2(records.error().message.startsWith(expected), qPrintable(records.error().message));
    }

    void invalidUtf8MarksOnlyItsRecord()
    {
        auto records = csv::parseText("a\n\xff\xfe\nok\n");
        QVERIFY(records);
        QCOMPARE(records->size(), 3);
        QVERIFY(records->at(1).problem.contains(QStringLiteral("UTF-8")));
        QVERIFY(records->at(2).problem.isEmpty());
    }

    void recordsStraddlingReadsComeOutWhole()
    {
        QByteArray text = "identity,notes\n";
        for (int i = 0; i < 500; ++i)
            text += QStringLiteral("user-%1,\"note %1\nsecond line, with comma\"\n").arg(i).toUtf8();
        TrickleDevice device(text, 7);
        csv::Reader reader(device);
        QVERIFY(reader.next().value());
        for (int i = 0; i < 500; ++i) {
            auto row = reader.next();
            QVERIFY(row && *row);
            QCOMPARE((*row)->fields.at(0), QStringLiteral("user-%1").arg(i));
            QCOMPARE((*row)->line, 2 + 2 * i);
        }
        auto end = reader.next();
        QVERIFY(end && !*end);
        QCOMPARE(reader.bytesConsumed(), text.size());
    }

    void overlongRecordIsRefusedNotBuffered()
    {
        QByteArray text = "a\n\"" + QByteArray(csv::Reader::kMaxRecordBytes + 10, 'x') + "\"\n";
        auto records = csv::parseText(text);
        QVERIFY(!records);
        QVERIFY(records.error().message.contains(QStringLiteral("longer than 4 MiB")));
    }

    void writerQuotesAndDefusesFormulas()
    {
        QCOMPARE(csv::row({QStringLiteral("plain"), QStringLiteral("a,b"), QStringLiteral("say \"x\""),
                           QStringLiteral("=HYPERLINK(1)"), QStringLiteral("-2+3"), QStringLiteral("@cmd"),
                           QStringLiteral("Zoë")}),
                 QByteArray("plain,\"a,b\",\"say \"\"x\"\"\",'=HYPERLINK(1),'-2+3,'@cmd,Zo\xc3\xab\r\n"));
        QCOMPARE(csv::cell(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        // What the writer writes, the reader reads back (apart from the defusing quote).
        auto back =
            csv::parseText(csv::row({QStringLiteral("a,b"), QStringLiteral("q\"q"), QStringLiteral("l1\r\nl2")}));
        QVERIFY(back);
        QCOMPARE(back->at(0).fields,
                 (QStringList{QStringLiteral("a,b"), QStringLiteral("q\"q"), QStringLiteral("l1\r\nl2")}));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
