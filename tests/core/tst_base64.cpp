// SPDX-License-Identifier: MIT
#include "core/crypto/Base64.h"

#include <QTest>

using namespace td::crypto;

class TestBase64 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("high bits") << QByteArray::fromHex("fbff") << QByteArray("+/8=");
    }
    void rfc4648Vectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(base64Encode(plain), encoded);
        QCOMPARE(base64Decode(encoded).value(), plain);
    }

    void urlAlphabetWithoutPadding()
    {
        QCOMPARE(base64UrlEncode(QByteArray::fromHex("fbff")), QByteArray("-_8"));
        QCOMPARE(base64UrlDecode("-_8").value(), QByteArray::fromHex("fbff"));
    }

    void strictRejections_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("url");
        QTest::newRow("std: missing padding") << QByteArray("Zg") << false;
        QTest::newRow("std: url alphabet") << QByteArray("-_8=") << false;
        QTest::newRow("std: whitespace") << QByteArray("Zm9v Zg==") << false;
        QTest::newRow("std: padding in middle") << QByteArray("Zg==Zg==") << false;
        QTest::newRow("std: non-canonical bits") << QByteArray("Zh==") << false;
        QTest::newRow("url: padding") << QByteArray("Zg==") << true;
        QTest::newRow("url: std alphabet") << QByteArray("+/8") << true;
        QTest::newRow("url: impossible length") << QByteArray("Zm9vY") << true;
        QTest::newRow("url: non-canonical bits") << QByteArray("Zh") << true;
        QTest::newRow("url: nul byte") << QByteArray("Zm\0v", 4) << true;
    }
    void strictRejections()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, url);
        const auto r = url ? base64UrlDecode(text) : base64Decode(text);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, td::ErrorCode::InvalidBase64);
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
