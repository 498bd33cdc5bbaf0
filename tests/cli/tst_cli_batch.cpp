// SPDX-License-Identifier: MIT
// tokendesk-cli batch and matrix as scripts use them: exit codes, messages on stderr, files on disk, Ctrl-C.
#include "tests/support/Cli.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace {

using Run = td::test::CliRun;

/** Credentials in the environment, for the runs that mint without --profile. */
const QStringList kEnvironmentCredentials{QStringLiteral("LIVEKIT_API_KEY=APIenv"),
                                          QStringLiteral("LIVEKIT_API_SECRET=env-secret-0123456789abcdef0123456789")};

} // namespace

class TestCliBatch : public QObject {
    Q_OBJECT

    td::test::CliSandbox m_sandbox;

    QString path(const QString& name) const { return m_sandbox.path(name); }

    Run cli(const QStringList& args) { return m_sandbox.run(args, kEnvironmentCredentials); }

    void write(const QString& name, const QByteArray& bytes) { td::test::writeFile(path(name), bytes); }

private Q_SLOTS:
    void initTestCase()
    {
        const Run add = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("lk"), QStringLiteral("--provider"), QStringLiteral("livekit"),
                             QStringLiteral("--api-key"), QStringLiteral("APIkey"), QStringLiteral("--api-secret"),
                             QStringLiteral("lk-secret-0123456789abcdef0123456789"), QStringLiteral("--room"),
                             QStringLiteral("demo"), QStringLiteral("--url"), QStringLiteral("wss://lk.example.com")});
        QCOMPARE(add.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("live"), QStringLiteral("--provider"), QStringLiteral("livekit"),
                      QStringLiteral("--api-key"), QStringLiteral("APIprod"), QStringLiteral("--api-secret"),
                      QStringLiteral("prod-secret-0123456789abcdef0123456"), QStringLiteral("--env"),
                      QStringLiteral("prod")})
                     .exitCode,
                 0);
    }

    void exitCodesAndRowErrorsOnStderr()
    {
        write(QStringLiteral("in.csv"), "identity,room,grants\nann,,\nbob,,canPublishh=true\nann,,\n");
        const Run r =
            cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--input"),
                 path(QStringLiteral("in.csv")), QStringLiteral("--output"), path(QStringLiteral("out.json"))});
        QCOMPARE(r.exitCode, 1); // a row failed
        QVERIFY2(r.err.contains("line 3: grants: \"canPublishh\""), r.err.constData());
        QVERIFY(r.err.contains("line 4: warning: identity \"ann\" is also on line 2 for room \"demo\""));
        QVERIFY(r.err.contains("2 of 3 rows minted, 1 failed, 1 warnings"));
        QVERIFY(!r.err.contains("lk-secret"));
        QVERIFY(td::test::isPrivateFile(path(QStringLiteral("out.json"))));
        const QJsonArray rows = QJsonDocument::fromJson(td::test::readFile(path(QStringLiteral("out.json")))).array();
        QCOMPARE(rows.size(), 3);
        QVERIFY(
            rows[0]
                .toObject()
                .value(QStringLiteral("joinLink"))
                .toString()
                .startsWith(QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=wss%3A%2F%2Flk.example.com")));
        const QString token = rows[0].toObject().value(QStringLiteral("token")).toString();
        QCOMPARE(cli({QStringLiteral("verify"), token, QStringLiteral("--profile"), QStringLiteral("lk")}).exitCode, 0);

        write(QStringLiteral("good.csv"), "identity\ncy\n");
        QCOMPARE(
            cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--input"),
                 path(QStringLiteral("good.csv")), QStringLiteral("--output"), path(QStringLiteral("good-out.csv"))})
                .exitCode,
            0);
        const Run usage =
            cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--input"),
                 path(QStringLiteral("good.csv")), QStringLiteral("--output"), path(QStringLiteral("out.xlsx"))});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains("use .csv or .json"));
        const Run strict = cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"),
                                QStringLiteral("--input"), path(QStringLiteral("in.csv")), QStringLiteral("--output"),
                                path(QStringLiteral("good-out.csv")), QStringLiteral("--strict")});
        QCOMPARE(strict.exitCode, 1);
        QVERIFY(strict.err.contains("was not written"));
        QVERIFY(td::test::readFile(path(QStringLiteral("good-out.csv"))).contains("cy,"));
    }

    void credentialsFromTheEnvironment()
    {
        write(QStringLiteral("env.csv"), "identity,room\nann,r\n");
        const Run r = cli({QStringLiteral("batch"), QStringLiteral("--provider"), QStringLiteral("livekit"),
                           QStringLiteral("--input"), path(QStringLiteral("env.csv")), QStringLiteral("--output"),
                           path(QStringLiteral("env-out.json"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows =
            QJsonDocument::fromJson(td::test::readFile(path(QStringLiteral("env-out.json")))).array();
        QCOMPARE(cli({QStringLiteral("verify"), rows[0].toObject().value(QStringLiteral("token")).toString(),
                      QStringLiteral("--api-key"), QStringLiteral("APIenv"), QStringLiteral("--api-secret"),
                      QStringLiteral("env-secret-0123456789abcdef0123456789")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("batch"), QStringLiteral("--input"), path(QStringLiteral("env.csv")),
                      QStringLiteral("--output"), path(QStringLiteral("x.csv"))})
                     .exitCode,
                 2); // neither --profile nor --provider
    }

    void goldenOutputIsReproducibleButNotForProd()
    {
        write(QStringLiteral("golden.csv"), "identity,room,preset\nann,r,viewer\nbob,r,speaker\n");
        const QStringList args{QStringLiteral("batch"),
                               QStringLiteral("--input"),
                               path(QStringLiteral("golden.csv")),
                               QStringLiteral("--clock"),
                               QStringLiteral("2026-01-01T00:00:00Z"),
                               QStringLiteral("--seed"),
                               QStringLiteral("ci")};
        QCOMPARE(cli(args + QStringList{QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--output"),
                                        path(QStringLiteral("g1.csv"))})
                     .exitCode,
                 0);
        QCOMPARE(cli(args + QStringList{QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--output"),
                                        path(QStringLiteral("g2.csv"))})
                     .exitCode,
                 0);
        QCOMPARE(td::test::readFile(path(QStringLiteral("g1.csv"))),
                 td::test::readFile(path(QStringLiteral("g2.csv"))));
        QVERIFY(td::test::readFile(path(QStringLiteral("g1.csv"))).contains("2026-01-01T06:00:00Z")); // --clock + 6 h
        const Run prod = cli(args + QStringList{QStringLiteral("--profile"), QStringLiteral("live"),
                                                QStringLiteral("--output"), path(QStringLiteral("g3.csv"))});
        QCOMPARE(prod.exitCode, 2);
        QVERIFY(prod.err.contains("tagged prod"));
        QVERIFY(!QFile::exists(path(QStringLiteral("g3.csv"))));
        const Run badClock =
            cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--input"),
                 path(QStringLiteral("golden.csv")), QStringLiteral("--output"), path(QStringLiteral("g4.csv")),
                 QStringLiteral("--clock"), QStringLiteral("yesterday")});
        QCOMPARE(badClock.exitCode, 2);
        QVERIFY(badClock.err.contains("--clock"));
    }

    void interruptKeepsTheRowsDone()
    {
        QByteArray text = "identity,room\n";
        text.reserve(8 * 1024 * 1024);
        for (int i = 0; i < 400000; ++i)
            text += "user-" + QByteArray::number(i) + ",r\n";
        write(QStringLiteral("big.csv"), text);
        write(QStringLiteral("big-out.csv"), "previous");
        QProcess p;
        m_sandbox.start(p,
                        {QStringLiteral("batch"), QStringLiteral("--provider"), QStringLiteral("livekit"),
                         QStringLiteral("--input"), path(QStringLiteral("big.csv")), QStringLiteral("--output"),
                         path(QStringLiteral("big-out.csv")), QStringLiteral("--progress")},
                        kEnvironmentCredentials);
        QByteArray err;
        // Ctrl-C once the progress line shows the run is under way.
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("bytes read"), 60000);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("interrupted: the "), err.constData());
        const QByteArray out = td::test::readFile(path(QStringLiteral("big-out.csv")));
        QVERIFY(out.startsWith("identity,room,token"));
        const qsizetype rows = out.count('\n') - 1;
        QVERIFY2(rows > 0 && rows < 400000, QByteArray::number(rows).constData());
        QVERIFY(err.contains(QByteArray::number(rows) + " rows done so far are saved"));
        QVERIFY(out.endsWith("\r\n")); // whole rows only
        const QDir dir(path(QString()));
        QCOMPARE(dir.entryList({QStringLiteral("big-out.csv*")}, QDir::Files | QDir::Hidden).size(),
                 1); // no temp file left
    }

    void matrixReports()
    {
        const Run dims = cli({QStringLiteral("matrix"), QStringLiteral("--profile"), QStringLiteral("lk"),
                              QStringLiteral("--list-dimensions")});
        QCOMPARE(dims.exitCode, 0);
        QVERIFY(dims.out.contains(
            "canPublishSources  (publish sources): all, camera, microphone, screen_share+screen_share_audio"));
        const Run html = cli(
            {QStringLiteral("matrix"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--dimension"),
             QStringLiteral("canPublish"), QStringLiteral("--dimension"), QStringLiteral("canPublishSources"),
             QStringLiteral("--source-set"), QStringLiteral("all"), QStringLiteral("--source-set"),
             QStringLiteral("camera+microphone"), QStringLiteral("--output"), path(QStringLiteral("m.html"))});
        QCOMPARE(html.exitCode, 0);
        QVERIFY(html.err.contains("4 combinations of can publish, publish sources"));
        QVERIFY(td::test::isPrivateFile(path(QStringLiteral("m.html"))));
        const QByteArray page = td::test::readFile(path(QStringLiteral("m.html")));
        QCOMPARE(page.count("<section class=\"row\""), 4);
        QVERIFY(page.contains("cannot publish screen_share"));
        const Run md = cli({QStringLiteral("matrix"), QStringLiteral("--profile"), QStringLiteral("lk"),
                            QStringLiteral("--dimension"), QStringLiteral("roomAdmin"), QStringLiteral("--output"),
                            path(QStringLiteral("m.md"))});
        QCOMPARE(md.exitCode, 0);
        QVERIFY(td::test::readFile(path(QStringLiteral("m.md"))).contains("- [ ] can moderate demo"));
        const Run bad = cli({QStringLiteral("matrix"), QStringLiteral("--profile"), QStringLiteral("lk"),
                             QStringLiteral("--dimension"), QStringLiteral("moderator"), QStringLiteral("--output"),
                             path(QStringLiteral("m.csv"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("unknown dimension \"moderator\" for livekit"));
    }

    void outputsNeverFollowASymlink()
    {
        // A link planted at the output path (another user, a sticky /tmp) must not redirect the write or the chmod.
        const QString victim = path(QStringLiteral("victim.txt"));
        write(QStringLiteral("victim.txt"), "precious\n");
        QFile::setPermissions(victim, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                          QFileDevice::ReadOther);
        const QFileDevice::Permissions before = QFileInfo(victim).permissions();
        write(QStringLiteral("links.csv"), "identity,room\nann,demo\n");
        const QList<QStringList> commands = {
            {QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--input"),
             path(QStringLiteral("links.csv")), QStringLiteral("--output")},
            {QStringLiteral("matrix"), QStringLiteral("--profile"), QStringLiteral("lk"), QStringLiteral("--dimension"),
             QStringLiteral("roomAdmin"), QStringLiteral("--output")},
            {QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("--output")}};
        const QStringList names = {QStringLiteral("out.csv"), QStringLiteral("m2.md"), QStringLiteral("p.json")};
        for (qsizetype i = 0; i < commands.size(); ++i) {
            const QString link = path(names[i]);
            QVERIFY(QFile::link(victim, link));
            const Run r = cli(commands[i] + QStringList{link});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("symbolic link"), r.err.constData());
            QCOMPARE(td::test::readFile(victim), QByteArray("precious\n"));
            QCOMPARE(QFileInfo(victim).permissions(), before);
            QVERIFY(QFileInfo(link).isSymLink());
            // No temporary file is left beside it.
            QCOMPARE(
                QDir(path(QString()))
                    .entryList({QStringLiteral(".") + names[i] + QStringLiteral(".*")}, QDir::Files | QDir::Hidden),
                QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliBatch)
#include "tst_cli_batch.moc"
