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
        QCOMPARE(e->at(1).value, QByteArray("s3cr3t"));
        QCOMPARE(e->at(2).value, QByteArray("wss://x.livekit.cloud"));
        QCOMPARE(e->at(2).line, 5);
    }

    void wranglerDevVarsWithMultiLinePem()
    {
        const QByteArray text = "JAAS_APP_ID=\"vpaas-magic-cookie-abc\"\nJAAS_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n"
                                "MIIEabc\n-----END PRIVATE KEY-----\"\nJAAS_KEY_ID=\"k\"\nESCAPED=\"a\\nb\"\n";
        const auto e = parseEnvFile(text);
        QVERIFY(e);
        QCOMPARE(e->size(), 4);
        QCOMPARE(e->at(1).value, QByteArray("-----BEGIN PRIVATE KEY-----\nMIIEabc\n-----END PRIVATE KEY-----"));
        QCOMPARE(e->at(2).line, 5);
        QCOMPARE(e->at(3).value, QByteArray("a\nb"));
    }

    void errorsNameTheLineNotTheValue()
    {
        const auto unterminated = parseEnvFile("A=1\nSECRET=\"hunter2\n");
        QVERIFY(!unterminated);
        QVERIFY(unterminated.error().message.startsWith(QStringLiteral("line 2")));
        QVERIFY(!unterminated.error().message.contains(QStringLiteral("hunter2")));
        QVERIFY(parseEnvFile("just text\n").error().message.contains(QStringLiteral("KEY=VALUE")));
        QVERIFY(!parseEnvFile("1BAD=x\n"));
    }
};

QTEST_GUILESS_MAIN(TestEnvFile)
#include "tst_envfile.moc"
