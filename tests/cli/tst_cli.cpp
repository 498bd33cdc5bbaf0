// SPDX-License-Identifier: MIT
// tokendesk-cli as scripts see it: stdout, stderr and exit codes of the real binary.
#include "tests/support/Cli.h"
#include "tests/support/TestData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <vector>

namespace {

using Run = td::test::CliRun;

/** One sandbox for the whole executable, as these tests store nothing between runs. */
const td::test::CliSandbox& sandbox()
{
    static const td::test::CliSandbox instance;
    return instance;
}

Run cli(const QStringList& args, const QStringList& env = {}, const QByteArray& input = {})
{
    return sandbox().run(args, env, input);
}

const QStringList kLiveKitEnv = {QStringLiteral("LIVEKIT_API_KEY=devkey"), QStringLiteral("LIVEKIT_API_SECRET=secret")};

/** Starts `tokendesk-cli serve --config CONFIG` with extra KEY=VALUE variables; its stderr up to the banner. */
QByteArray startServe(QProcess& p, const QString& config, const QStringList& env)
{
    p.setReadChannel(QProcess::StandardError);
    sandbox().start(p, {QStringLiteral("serve"), QStringLiteral("--config"), config}, env);
    QByteArray err;
    while (!err.contains("serving on") && p.waitForReadyRead(5000))
        err += p.readAllStandardError();
    return err;
}
const QString kZegoSecret = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kJaasApp = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");

QString pem(const char* name)
{
    return td::test::dataPath(QStringLiteral("pem/") + QString::fromLatin1(name));
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void usageAndVersion()
    {
        QCOMPARE(cli({}).exitCode, 2);
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("mint livekit"));
        QVERIFY(cli({QStringLiteral("--version")}).out.startsWith("tokendesk-cli 0."));
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command"));
        QCOMPARE(cli({QStringLiteral("mint"), QStringLiteral("teams")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--help")}).exitCode, 0);
    }

    void mintLiveKitPrintsTheTokenAlone()
    {
        const Run r =
            cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--identity"),
                 QStringLiteral("alice"), QStringLiteral("--room"), QStringLiteral("demo"), QStringLiteral("--join"),
                 QStringLiteral("--can-publish"), QStringLiteral("false"), QStringLiteral("--sources"),
                 QStringLiteral("camera,microphone"), QStringLiteral("--attribute"), QStringLiteral("team=blue"),
                 QStringLiteral("--ttl"), QStringLiteral("1h30m")},
                kLiveKitEnv);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().count('.'), 2);
        QCOMPARE(r.out.count('\n'), 1);
        const Run decoded = cli(
            {QStringLiteral("verify"), QString::fromLatin1(r.out.trimmed()), QStringLiteral("--json")}, kLiveKitEnv);
        QCOMPARE(decoded.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(decoded.out).object();
        QCOMPARE(o.value(QStringLiteral("provider")).toString(), QStringLiteral("livekit"));
        QCOMPARE(o.value(QStringLiteral("signature")).toString(), QStringLiteral("valid"));
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(), true);
        const QJsonObject claims = o.value(QStringLiteral("claims")).toObject();
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("nbf")).toInteger(),
                 5400);
        QCOMPARE(claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")),
                 QJsonValue(false));
        QCOMPARE(claims.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("blue"));
        for (const char* key : {"kind", "header", "times", "findings"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
    }

    void mintJsonShape()
    {
        const Run r =
            cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--identity"), QStringLiteral("a"),
                 QStringLiteral("--room"), QStringLiteral("r"), QStringLiteral("--json")},
                kLiveKitEnv);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char* key : {"provider", "token", "header", "claims", "expiresAt"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
                 QStringLiteral("HS256"));
        QVERIFY(r.err.contains("granting roomJoin")); // said, not silently assumed
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("message");
        const QString lk = QStringLiteral("livekit");
        const QString mint = QStringLiteral("mint");
        QTest::newRow("no secret") << QStringList{mint,
                                                  lk,
                                                  QStringLiteral("--api-key"),
                                                  QStringLiteral("k"),
                                                  QStringLiteral("--identity"),
                                                  QStringLiteral("a")}
                                   << QStringList() << "API secret is missing";
        QTest::newRow("join without identity")
            << QStringList{mint, lk, QStringLiteral("--join"), QStringLiteral("--room"), QStringLiteral("r")}
            << kLiveKitEnv << "identity";
        QTest::newRow("bad ttl") << QStringList{mint,
                                                lk,
                                                QStringLiteral("--identity"),
                                                QStringLiteral("a"),
                                                QStringLiteral("--ttl"),
                                                QStringLiteral("6x")}
                                 << kLiveKitEnv << "invalid duration";
        QTest::newRow("bad bool") << QStringList{mint,
                                                 lk,
                                                 QStringLiteral("--identity"),
                                                 QStringLiteral("a"),
                                                 QStringLiteral("--can-publish"),
                                                 QStringLiteral("maybe")}
                                  << kLiveKitEnv << "true or false";
        QTest::newRow("bad source") << QStringList{mint,
                                                   lk,
                                                   QStringLiteral("--identity"),
                                                   QStringLiteral("a"),
                                                   QStringLiteral("--sources"),
                                                   QStringLiteral("webcam")}
                                    << kLiveKitEnv << "webcam";
        QTest::newRow("bad grant json") << QStringList{mint,
                                                       lk,
                                                       QStringLiteral("--identity"),
                                                       QStringLiteral("a"),
                                                       QStringLiteral("--grant"),
                                                       QStringLiteral("{roomJoin")}
                                        << kLiveKitEnv << "invalid JSON";
        QTest::newRow("zego app id") << QStringList{mint,
                                                    QStringLiteral("zego"),
                                                    QStringLiteral("--app-id"),
                                                    QStringLiteral("abc"),
                                                    QStringLiteral("--server-secret"),
                                                    kZegoSecret,
                                                    QStringLiteral("--user-id"),
                                                    QStringLiteral("u")}
                                     << QStringList() << "appID invalid";
        QTest::newRow("zego secret") << QStringList{mint,
                                                    QStringLiteral("zego"),
                                                    QStringLiteral("--app-id"),
                                                    QStringLiteral("1"),
                                                    QStringLiteral("--server-secret"),
                                                    QStringLiteral("short"),
                                                    QStringLiteral("--user-id"),
                                                    QStringLiteral("u")}
                                     << QStringList() << "ServerSecret must be a 32 byte string";
        QTest::newRow("jaas encrypted key") << QStringList{mint,
                                                           QStringLiteral("jaas"),
                                                           QStringLiteral("--app-id"),
                                                           kJaasApp,
                                                           QStringLiteral("--key-id"),
                                                           QStringLiteral("k"),
                                                           QStringLiteral("--room"),
                                                           QStringLiteral("r"),
                                                           QStringLiteral("--private-key"),
                                                           pem("rsa2048-pkcs8-encrypted.pem")}
                                            << QStringList() << "encrypted";
        QTest::newRow("jaas public key") << QStringList{mint,
                                                        QStringLiteral("jaas"),
                                                        QStringLiteral("--app-id"),
                                                        kJaasApp,
                                                        QStringLiteral("--key-id"),
                                                        QStringLiteral("k"),
                                                        QStringLiteral("--room"),
                                                        QStringLiteral("r"),
                                                        QStringLiteral("--private-key"),
                                                        pem("rsa2048-spki.pem")}
                                         << QStringList() << "private key";
        QTest::newRow("verify without credentials")
            << QStringList{QStringLiteral("verify"), QStringLiteral("04AAAA")} << QStringList() << "";
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, env);
        QFETCH(QString, message);
        const Run r = cli(args, env);
        if (args.first() == QStringLiteral("verify")) {
            QCOMPARE(r.exitCode, 1); // an unparseable token is an invalid token
            return;
        }
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void zegoAndKit()
    {
        const QStringList base{QStringLiteral("mint"),
                               QStringLiteral("zego"),
                               QStringLiteral("--user-id"),
                               QStringLiteral("u1"),
                               QStringLiteral("--room-id"),
                               QStringLiteral("room1"),
                               QStringLiteral("--allow-publish"),
                               QStringLiteral("false")};
        const QStringList env{QStringLiteral("ZEGO_APP_ID=1234567890"),
                              QStringLiteral("ZEGO_SERVER_SECRET=") + kZegoSecret};
        const Run gcm = cli(base, env);
        QCOMPARE(gcm.exitCode, 0);
        QVERIFY(gcm.out.startsWith("04"));
        const Run v =
            cli({QStringLiteral("verify"), QString::fromLatin1(gcm.out.trimmed()), QStringLiteral("--json")}, env);
        QCOMPARE(v.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(v.out).object();
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("zego-token04-gcm"));
        QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("payload")).toString(),
                 QStringLiteral(R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null})"));
        const Run cbc =
            cli(base + QStringList{QStringLiteral("--cipher"), QStringLiteral("cbc"), QStringLiteral("--kit"),
                                   QStringLiteral("--user-name"), QStringLiteral("Zhang San")},
                env);
        QCOMPARE(cbc.exitCode, 0);
        QVERIFY(cbc.out.contains('#'));
        const Run kv =
            cli({QStringLiteral("decode"), QString::fromLatin1(cbc.out.trimmed()), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(kv.out).object().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("zego-kit-token"));
        const Run wrongApp =
            cli({QStringLiteral("verify"), QString::fromLatin1(gcm.out.trimmed()), QStringLiteral("--app-id"),
                 QStringLiteral("42"), QStringLiteral("--server-secret"), kZegoSecret});
        QCOMPARE(wrongApp.exitCode, 1);
        QVERIFY(wrongApp.out.contains("app-id-mismatch"));
    }

    void jaasWithEncryptedKeyAndPassphrase()
    {
        const Run r =
            cli({QStringLiteral("mint"), QStringLiteral("jaas"), QStringLiteral("--app-id"), kJaasApp,
                 QStringLiteral("--key-id"), kJaasApp + QStringLiteral("/4f4910"), QStringLiteral("--private-key"),
                 pem("rsa2048-legacy-encrypted.pem"), QStringLiteral("--passphrase-file"), pem("passphrase.txt"),
                 QStringLiteral("--room"), QStringLiteral("*"), QStringLiteral("--moderator"), QStringLiteral("true"),
                 QStringLiteral("--feature"), QStringLiteral("recording=true")});
        QCOMPARE(r.exitCode, 0);
        const Run v = cli({QStringLiteral("verify"), QString::fromLatin1(r.out.trimmed()),
                           QStringLiteral("--public-key"), pem("rsa2048-cert.pem")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.contains("provider:  jaas"));
        QVERIFY(v.out.contains("can start a recording (recording)"));
        const Run wrongKey = cli({QStringLiteral("verify"), QString::fromLatin1(r.out.trimmed()),
                                  QStringLiteral("--public-key"), pem("rsa1024-pkcs8.pem")});
        QCOMPARE(wrongKey.exitCode, 2);
        QVERIFY(wrongKey.err.contains("1024 bits"));
    }

    void jitsiSelfHostedFromDevVars()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral(".dev.vars")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("JITSI_APP_ID=\"my_app\"\nJITSI_APP_SECRET=\"topsecret-value\"\n");
        f.close();
        const Run r = cli({QStringLiteral("mint"), QStringLiteral("jitsi"), QStringLiteral("--env-file"), f.fileName(),
                           QStringLiteral("--room"), QStringLiteral("standup"), QStringLiteral("--subject"),
                           QStringLiteral("meet.example.com"), QStringLiteral("--affiliation"), QStringLiteral("owner"),
                           QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("iss")).toString(),
                 QStringLiteral("my_app"));
        const QString token = o.value(QStringLiteral("token")).toString();
        QCOMPARE(cli({QStringLiteral("verify"), token, QStringLiteral("--env-file"), f.fileName()}).exitCode, 0);
        const Run bad =
            cli({QStringLiteral("verify"), token, QStringLiteral("--app-secret"), QStringLiteral("nottheone")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(!bad.out.contains("nottheone") && !bad.err.contains("nottheone"));
        QVERIFY(!bad.out.contains("topsecret-value"));
    }

    void decodeFromStdinAndGarbage()
    {
        const Run t =
            cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--identity"), QStringLiteral("a")},
                kLiveKitEnv);
        const Run d = cli({QStringLiteral("decode"), QStringLiteral("-")}, {}, t.out);
        QCOMPARE(d.exitCode, 0);
        QVERIFY(d.out.contains("signature: unchecked"));
        const Run garbage = cli({QStringLiteral("decode"), QStringLiteral("not-a-token")});
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY(garbage.err.contains("not a token"));
        const Run tampered =
            cli({QStringLiteral("verify"),
                 QString::fromLatin1(t.out.trimmed()).replace(QStringLiteral(".ey"), QStringLiteral(".eY"))},
                kLiveKitEnv);
        QCOMPARE(tampered.exitCode, 1);
    }

    void serveHoldsSecretsWithoutCoreDumps()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("reads /proc/<pid>/limits");
#else
        // A running server holds the API secret for as long as it runs: a crash must not write it to a core file.
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("server.json"));
        td::test::writeFile(config, R"({"bind": "127.0.0.1", "port": 0,
            "endpoints": [{"path": "/getToken", "type": "livekit-get", "credentials": "env"}]})");
        QProcess p;
        const QByteArray output = startServe(p, config, kLiveKitEnv);
        QVERIFY2(output.contains("serving on"), output.constData());
        QFile limits(QStringLiteral("/proc/%1/limits").arg(p.processId()));
        const bool opened = limits.open(QIODevice::ReadOnly);
        const QByteArray text = opened ? limits.readAll() : QByteArray();
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(opened, qPrintable(limits.errorString()));
        // "Max core file size        0                    0                    bytes": soft and hard limits.
        QVERIFY2(text.simplified().contains("Max core file size 0 0 bytes"), text.constData());
#endif
    }

    void serveExitsPromptlyOnSigtermDuringAJaasFlood()
    {
        // RS256 jobs run on the server's pool when SIGTERM comes; the process must exit within 2 s every time
        // (it used to hang or touch the destroyed server).
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("server.json"));
        td::test::writeFile(config, R"({"bind": "127.0.0.1", "port": 0, "limits": {"requestsPerMinute": 600000,
            "burst": 100000}, "endpoints": [{"path": "/j", "type": "jitsi-get", "credentials": "env",
            "policy": {"room": "r[0-9]+"}}]})");
        const QStringList jaasEnv = {
            QStringLiteral("JAAS_APP_ID=vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe"),
            QStringLiteral("JAAS_KEY_ID=k1"),
            QStringLiteral("JAAS_PRIVATE_KEY=") +
                QString::fromLatin1(td::test::readFile(td::test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem"))))};
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += "GET /j?room=r" + QByteArray::number(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (int run = 0; run < 20; ++run) {
            QProcess p;
            const QByteArray banner = startServe(p, config, jaasEnv);
            const qsizetype at = banner.indexOf("serving on http://127.0.0.1:");
            QVERIFY2(at >= 0, banner.constData());
            const quint16 port = banner.mid(at + 28).split('\n').first().trimmed().toUShort();
            std::vector<std::unique_ptr<QTcpSocket>> clients;
            for (int c = 0; c < 4; ++c) {
                clients.push_back(std::make_unique<QTcpSocket>());
                clients.back()->connectToHost(QHostAddress::LocalHost, port);
                QVERIFY(clients.back()->waitForConnected(2000));
                clients.back()->write(burst);
                clients.back()->flush();
            }
            QTest::qWait(30 + run * 3); // jobs are queued and running
            QElapsedTimer t;
            t.start();
            p.terminate();
            QVERIFY2(p.waitForFinished(2000), "serve did not exit within 2 s of SIGTERM");
            QVERIFY(t.elapsed() < 2000);
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        }
    }

    void serveRefusesAFifoAndSaysWhatAReloadCannotChange()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("server.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const Run r = cli({QStringLiteral("serve"), QStringLiteral("--config"), fifo}, kLiveKitEnv);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not a regular file"), r.err.constData());

        const QString config = dir.filePath(QStringLiteral("server.json"));
        td::test::writeFile(config, R"({"bind": "127.0.0.1", "port": 0,
            "endpoints": [{"path": "/getToken", "type": "livekit-get", "credentials": "env"}]})");
        QProcess p;
        QByteArray err = startServe(p, config, kLiveKitEnv);
        QVERIFY2(err.contains("serving on"), err.constData());
        td::test::writeFile(config, R"({"bind": "127.0.0.1", "port": 1,
            "endpoints": [{"path": "/getToken", "type": "livekit-get", "credentials": "env"}]})");
        ::kill(static_cast<pid_t>(p.processId()), SIGHUP);
        while (!err.contains("reloaded") && p.waitForReadyRead(5000))
            err += p.readAllStandardError();
        QVERIFY2(err.contains("bind and port are not changed by a reload"), err.constData());
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
    }

    void benchReportsRate()
    {
        const Run r =
            cli({QStringLiteral("bench"), QStringLiteral("--count"), QStringLiteral("2000"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("count")).toInt(), 2000);
        QVERIFY(o.value(QStringLiteral("tokensPerSecond")).toDouble() > 0);
        QCOMPARE(cli({QStringLiteral("bench"), QStringLiteral("--provider"), QStringLiteral("teams")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
