// SPDX-License-Identifier: MIT
#include "core/json/JsonNumber.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace td;

namespace {

QJsonValue parsed(const char* number)
{
    return QJsonDocument::fromJson(QByteArray(R"({"n":)") + number + '}').object().value(QStringLiteral("n"));
}

} // namespace

class TestJsonNumber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void toInt64_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("fits");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("integer") << parsed("3600") << true << qint64(3600);
        QTest::newRow("fraction truncates") << parsed("90.9") << true << qint64(90);
        QTest::newRow("negative") << parsed("-5") << true << qint64(-5);
        QTest::newRow("2^62") << parsed("4611686018427387904") << true << qint64(4611686018427387904);
        QTest::newRow("2^63 does not fit") << parsed("9223372036854775808") << false << qint64(0);
        QTest::newRow("-2^63 does not fit") << parsed("-9223372036854775808") << false << qint64(0);
        QTest::newRow("1e300") << parsed("1e300") << false << qint64(0);
        QTest::newRow("string") << QJsonValue(QStringLiteral("5")) << false << qint64(0);
        QTest::newRow("null") << QJsonValue() << false << qint64(0);
    }

    void toInt64()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, fits);
        QFETCH(qint64, expected);
        const auto n = json::toInt64(value);
        QCOMPARE(n.has_value(), fits);
        if (fits)
            QCOMPARE(*n, expected);
    }

    void claimSecondsClamp()
    {
        QCOMPARE(json::claimSeconds(parsed("1800000000")), qint64(1800000000));
        QCOMPARE(json::claimSeconds(parsed("1e300")), json::kMaxClaimSeconds);
        QCOMPARE(json::claimSeconds(parsed("-1e300")), json::kMinClaimSeconds);
        QCOMPARE(json::claimSeconds(QJsonValue(std::nan(""))), qint64(0));
        QCOMPARE(json::claimSeconds(QJsonValue(QStringLiteral("soon"))), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestJsonNumber)
#include "tst_json_number.moc"
