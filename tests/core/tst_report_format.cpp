// SPDX-License-Identifier: MIT
// The one choice of a batch or matrix file's format by its extension, as the CLI and the Batch page make it.
#include "core/batch/ReportFormat.h"

#include <QTest>

using namespace td;
using batch::FileUse;
using batch::Format;

Q_DECLARE_METATYPE(std::optional<batch::Format>)

class TestReportFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chooseFormat_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<std::optional<Format>>("rows");
        QTest::addColumn<std::optional<Format>>("matrix");
        const std::optional<Format> none;
        QTest::newRow("csv") << QStringLiteral("out.csv") << std::optional(Format::Csv) << std::optional(Format::Csv);
        QTest::newRow("upper case") << QStringLiteral("/tmp/OUT.CSV") << std::optional(Format::Csv)
                                    << std::optional(Format::Csv);
        QTest::newRow("tsv") << QStringLiteral("in.tsv") << std::optional(Format::Csv) << none;
        QTest::newRow("txt") << QStringLiteral("in.txt") << std::optional(Format::Csv) << none;
        QTest::newRow("json") << QStringLiteral("rows.json") << std::optional(Format::Json) << none;
        QTest::newRow("jsonl") << QStringLiteral("rows.jsonl") << std::optional(Format::Json) << none;
        QTest::newRow("ndjson") << QStringLiteral("rows.ndjson") << std::optional(Format::Json) << none;
        QTest::newRow("md") << QStringLiteral("m.md") << none << std::optional(Format::Markdown);
        QTest::newRow("markdown") << QStringLiteral("m.Markdown") << none << std::optional(Format::Markdown);
        QTest::newRow("html") << QStringLiteral("m.html") << none << std::optional(Format::Html);
        QTest::newRow("htm") << QStringLiteral("dir.d/m.htm") << none << std::optional(Format::Html);
        QTest::newRow("last suffix counts") << QStringLiteral("rows.csv.json") << std::optional(Format::Json) << none;
        QTest::newRow("no suffix") << QStringLiteral("rows") << none << none;
        QTest::newRow("dot dir, no suffix") << QStringLiteral("a.csv/rows") << none << none;
        QTest::newRow("stdin") << QStringLiteral("-") << none << none;
        QTest::newRow("xlsx") << QStringLiteral("rows.xlsx") << none << none;
    }

    void chooseFormat()
    {
        QFETCH(QString, path);
        QFETCH(std::optional<Format>, rows);
        QFETCH(std::optional<Format>, matrix);
        QCOMPARE(batch::chooseFormat(path, FileUse::Rows), rows);
        QCOMPARE(batch::chooseFormat(path, FileUse::MatrixReport), matrix);
    }
};

QTEST_GUILESS_MAIN(TestReportFormat)
#include "tst_report_format.moc"
