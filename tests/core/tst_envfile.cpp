// SPDX-License-Identifier: MIT
#include "core/credentials/EnvFile.h"

#include <QTest>

using td::credentials::parseEnvFile;

class TestEnvFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void developmentEnvWithExports()
    {
        const auto e = parseEnvFile("# LiveKit\nexport LIVEKIT_API_KEY=devkey\nexport LIVEKIT_API_SECRET='s3cr3t'\n\n"
                                    "LIVEKIT_URL=wss://x.livekit.cloud # comment\r\n");
        QVERIFY(e);
        QCOMPARE(e->size(), 3);
        QCOMPARE(e->at(0).key, QStringLiteral("LIVEKIT_API_KEY"));
        QCOMPARE(e->at(1).value.bytes(), QByteArray("s3cr3t"));
        QCOMPARE(e->at(2).value.bytes(), QByteArray("wss://x.livekit.cloud"));
        QCOMPARE(e->at(2).line, 5);
    }

    void wranglerDevVarsWithMultiLinePem()
    {
        const QByteArray text =
            "JAAS_APP_ID=\"vpaas-magic-cookie-abc\"\nJAAS_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n"
            "MIIEabc\n-----END PRIVATE KEY-----\"\nJAAS_KEY_ID=\"k\"\nESCAPED=\"a\\nb\"\n";
        const auto e = parseEnvFile(text);
        QVERIFY(e);
        QCOMPARE(e->size(), 4);
        QCOMPARE(e->at(1).value.bytes(), QByteArray("-----BEGIN PRIVATE KEY-----\nMIIEabc\n-----END PRIVATE KEY-----"));
        QCOMPARE(e->at(2).line, 5);
        QCOMPARE(e->at(3).value.bytes(), QByteArray("a\nb"));
    }

    void errorsNameTheLineNotTheValue()
    {
        const auto unterminated = parseEnvFile("A=1\nSECRET=\"hunter2\n");
        QVERIFY(!unterminated);
        QVERIFY(unterminated.error().message.startsWith(QStringLiteral("line 2")));
        QVERIFY(!unterminated.error().message.contains(QStringLiteral("hunter2")));
        QVERIFY(parseEnvFile("just text\n").error().message.contains(QStringLiteral("KEY=VALUE")));
        QVERIFY(!parseEnvFile("1BAD=x\n"));
        // The last body line of a PEM pasted without quotes reads as "NAME=": the "name" is key material.
        const auto barePem =
            parseEnvFile("JAAS_PRIVATE_KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN+gkqhkiG9w0BAQEF/ASC==\n");
        QVERIFY(!barePem);
        QVERIFY(barePem.error().message.startsWith(QStringLiteral("line 2")));
        QVERIFY2(!barePem.error().message.contains(QStringLiteral("MIIE")), qPrintable(barePem.error().message));
        QVERIFY(barePem.error().message.contains(QStringLiteral("double quotes")));
    }

    void quotedValuesKeepEscapesAndLineNumbers()
    {
        // The value is sized before it is filled; escapes and an escaped quote must still come out right.
        const auto e = parseEnvFile("A=\"x\\\"y\\nz\"\nB='multi\nline'\nC=\"after\"\n");
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        QCOMPARE(e->size(), 3);
        QCOMPARE(e->at(0).value.bytes(), QByteArray("x\"y\nz"));
        QCOMPARE(e->at(1).value.bytes(), QByteArray("multi\nline"));
        QCOMPARE(e->at(2).line, 4);
        QCOMPARE(e->at(2).value.bytes(), QByteArray("after"));
    }
};

QTEST_GUILESS_MAIN(TestEnvFile)
#include "tst_envfile.moc"
