// SPDX-License-Identifier: MIT
// tokendesk-cli profile ... and --profile, against a private config directory and an encrypted vault.
#include "tests/support/Cli.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

using Run = td::test::CliRun;

const QString kJaasApp = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");
const QString kZegoSecret = QStringLiteral("0123456789abcdef0123456789abcdef");

} // namespace

class TestCliProfiles : public QObject {
    Q_OBJECT

    td::test::CliSandbox m_sandbox;

    QProcess* start(const QStringList& args, const QStringList& env = {})
    {
        auto* p = new QProcess(this);
        m_sandbox.start(*p, args, env);
        return p;
    }

    Run cli(const QStringList& args, const QStringList& env = {}) { return m_sandbox.run(args, env); }

    static QString data(const QString& rel) { return td::test::dataPath(rel); }

private Q_SLOTS:
    void jitsiDomainVerificationAndRooms()
    {
        const auto S = [](const char* t) { return QString::fromUtf8(t); };
        const QStringList add{S("profile"),      S("add"),          S("--name"),   S("meet"),
                              S("--provider"),   S("jitsi"),        S("--app-id"), S("my_app"),
                              S("--app-secret"), S("jitsi-secret"), S("--url"),    S("https://meet.example.org/acme")};
        // A tenant URL needs the tenant as sub: refused with the value to use.
        const Run wrongSub = cli(add + QStringList{S("--subject"), S("meet.example.org")});
        QCOMPARE(wrongSub.exitCode, 2);
        QVERIFY2(wrongSub.err.contains("need sub \"acme\""), wrongSub.err.constData());
        QCOMPARE(cli(add + QStringList{S("--subject"), S("acme")}).exitCode, 0);
        QCOMPARE(cli({S("profile"), S("edit"), S("meet"), S("--domain-verification"), S("maybe")}).exitCode, 2);
        QCOMPARE(cli({S("profile"), S("edit"), S("meet"), S("--domain-verification"), S("off")}).exitCode, 0);
        QVERIFY(td::test::readFile(m_sandbox.path(QStringLiteral("cfg/profiles.json")))
                    .contains("\"domainVerification\": false"));
        // The profile's mint writes the joined room and says so on stderr, the token alone on stdout.
        const Run mint = cli({S("mint"), S("jitsi"), S("--profile"), S("meet"), S("--room"), S("Café Talk")});
        QCOMPARE(mint.exitCode, 0);
        QVERIFY2(mint.err.contains("room claim written as caf%c3%a9%20talk"), mint.err.constData());
        QCOMPARE(mint.out.count('\n'), 1);
        const Run decoded = cli({S("decode"), QString::fromLatin1(mint.out.trimmed()), S("--json")});
        QVERIFY(decoded.out.contains("can join room \\\"café talk\\\" (Jitsi Meet joins it as caf%c3%a9%20talk)"));
        // A pattern with domain verification off can never match: an error note.
        const Run pattern =
            cli({S("mint"), S("jitsi"), S("--profile"), S("meet"), S("--room"), S("team%-%D+"), S("--room-regex")});
        QVERIFY2(pattern.err.contains("%D in the room pattern becomes %d"), pattern.err.constData());
        QCOMPARE(cli({S("profile"), S("add"), S("--name"), S("lk2"), S("--provider"), S("livekit"), S("--api-key"),
                      S("k"), S("--api-secret"), S("s"), S("--domain-verification"), S("off")})
                     .exitCode,
                 2);
    }

    void addShowMintEditRemove()
    {
        const Run add =
            cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("lk"),
                 QStringLiteral("--provider"), QStringLiteral("livekit"), QStringLiteral("--api-key"),
                 QStringLiteral("APIkey"), QStringLiteral("--api-secret-env"), QStringLiteral("MY_SECRET"),
                 QStringLiteral("--room"), QStringLiteral("demo"), QStringLiteral("--ttl"), QStringLiteral("30m")},
                {QStringLiteral("MY_SECRET=lk-secret-0123456789abcdef0123456789")});
        QCOMPARE(add.exitCode, 0);
        QVERIFY(add.err.contains("secrets: encrypted vault"));
        QVERIFY(td::test::isPrivateFile(m_sandbox.path(QStringLiteral("cfg/profiles.json"))));
        QVERIFY(td::test::isPrivateFile(m_sandbox.path(QStringLiteral("cfg/secrets.vault"))));

        const Run show = cli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("lk")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(!show.out.contains("lk-secret") && !show.err.contains("lk-secret"));
        QVERIFY(show.out.contains("(stored, 36 characters)"));
        QVERIFY(
            cli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("lk"), QStringLiteral("--reveal")})
                .out.contains("lk-secret"));

        const Run mint =
            cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--profile"), QStringLiteral("lk"),
                 QStringLiteral("--identity"), QStringLiteral("ann"), QStringLiteral("--json")});
        QCOMPARE(mint.exitCode, 0);
        const QJsonObject claims =
            QJsonDocument::fromJson(mint.out).object().value(QStringLiteral("claims")).toObject();
        QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("APIkey"));
        QCOMPARE(claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("demo"));
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("nbf")).toInteger(),
                 1800);
        const QString token = QJsonDocument::fromJson(mint.out).object().value(QStringLiteral("token")).toString();
        QCOMPARE(cli({QStringLiteral("verify"), token, QStringLiteral("--profile"), QStringLiteral("lk")}).exitCode, 0);
        // A flag beside --profile wins over the profile.
        const Run overridden = cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--profile"),
                                    QStringLiteral("lk"), QStringLiteral("--identity"), QStringLiteral("ann"),
                                    QStringLiteral("--room"), QStringLiteral("other"), QStringLiteral("--json")});
        QVERIFY(overridden.out.contains("\"room\": \"other\""));
        const Run wrongKind = cli({QStringLiteral("mint"), QStringLiteral("zego"), QStringLiteral("--profile"),
                                   QStringLiteral("lk"), QStringLiteral("--user-id"), QStringLiteral("u")});
        QCOMPARE(wrongKind.exitCode, 2);
        QVERIFY(wrongKind.err.contains("is a livekit profile"));

        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("edit"), QStringLiteral("lk"), QStringLiteral("--env"),
                      QStringLiteral("prod")})
                     .exitCode,
                 0);
        QVERIFY(cli({QStringLiteral("profile"), QStringLiteral("list")}).out.contains("PROD"));
        QVERIFY(cli({QStringLiteral("mint"), QStringLiteral("livekit"), QStringLiteral("--profile"),
                     QStringLiteral("lk"), QStringLiteral("--identity"), QStringLiteral("ann")})
                    .exitCode == 0); // the secret survived the edit

        const Run wrongPass = cli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("lk")},
                                  {QStringLiteral("TOKENDESK_VAULT_PASSPHRASE=nope")});
        QCOMPARE(wrongPass.exitCode, 2);
        QVERIFY(wrongPass.err.contains("wrong vault passphrase"));

        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("lk")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("lk")}).exitCode, 2);
    }

    void invalidProfilesAreNotSaved()
    {
        const Run z =
            cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("z"),
                 QStringLiteral("--provider"), QStringLiteral("zego"), QStringLiteral("--app-id"), QStringLiteral("12"),
                 QStringLiteral("--server-secret"), QStringLiteral("short")});
        QCOMPARE(z.exitCode, 2);
        QVERIFY(z.err.contains("exactly 32 characters"));
        const Run j =
            cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("j"),
                 QStringLiteral("--provider"), QStringLiteral("jaas"), QStringLiteral("--app-id"), kJaasApp,
                 QStringLiteral("--key-id"), QStringLiteral("k1"), QStringLiteral("--private-key-file"),
                 data(QStringLiteral("pem/rsa2048-pkcs8-encrypted.pem"))});
        QCOMPARE(j.exitCode, 2);
        QVERIFY(j.err.contains("encrypted"));
        const Run ok =
            cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("j"),
                 QStringLiteral("--provider"), QStringLiteral("jaas"), QStringLiteral("--app-id"), kJaasApp,
                 QStringLiteral("--key-id"), kJaasApp + QStringLiteral("/k1"), QStringLiteral("--private-key-file"),
                 data(QStringLiteral("pem/rsa2048-pkcs8-encrypted.pem")), QStringLiteral("--passphrase-file"),
                 data(QStringLiteral("pem/passphrase.txt"))});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.err.contains("fingerprint 22:ec:bb"));
        const Run jaas = cli({QStringLiteral("mint"), QStringLiteral("jaas"), QStringLiteral("--profile"),
                              QStringLiteral("j"), QStringLiteral("--room"), QStringLiteral("*")});
        QCOMPARE(jaas.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("verify"), QString::fromLatin1(jaas.out.trimmed()), QStringLiteral("--profile"),
                      QStringLiteral("j")})
                     .exitCode,
                 0);
        QVERIFY(!cli({QStringLiteral("profile"), QStringLiteral("list")}).out.contains("\nz "));
    }

    void importAndExport()
    {
        const Run imp =
            cli({QStringLiteral("profile"), QStringLiteral("import"), data(QStringLiteral("import/cli-config.yaml"))});
        QCOMPARE(imp.exitCode, 0);
        QVERIFY(imp.out.contains("imported acme"));
        QVERIFY(imp.err.contains("can be deleted"));
        const Run again =
            cli({QStringLiteral("profile"), QStringLiteral("import"), data(QStringLiteral("import/cli-config.yaml"))});
        QCOMPARE(again.exitCode, 2); // no silent overwrite
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("import"),
                      data(QStringLiteral("import/cli-config.yaml")), QStringLiteral("--replace")})
                     .exitCode,
                 0);
        const Run env =
            cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from-env"),
                 QStringLiteral("--prefix"), QStringLiteral("ci")},
                {QStringLiteral("ZEGO_APP_ID=1234567890"), QStringLiteral("ZEGO_SERVER_SECRET=") + kZegoSecret});
        QCOMPARE(env.exitCode, 0);
        QVERIFY(env.out.contains("imported ci-zego"));
        const Run dev = cli({QStringLiteral("profile"), QStringLiteral("import"),
                             data(QStringLiteral("import/key-id-inside.dev.vars")), QStringLiteral("--prefix"),
                             QStringLiteral("w")});
        QCOMPARE(dev.exitCode, 0);
        QVERIFY(dev.err.contains("Key ID"));

        const Run plain = cli({QStringLiteral("profile"), QStringLiteral("export")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("acme"));
        QVERIFY(!plain.out.contains("acme-secret") && !plain.out.contains("BEGIN"));

        const QString bundle = m_sandbox.path(QStringLiteral("all.tdbundle"));
        const Run exp = cli({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("--with-secrets"),
                             QStringLiteral("--output"), bundle},
                            {QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE=bundle pass")});
        QCOMPARE(exp.exitCode, 0);
        QVERIFY(!td::test::readFile(bundle).contains("acme-secret"));
        // Into a fresh config directory, with its own vault passphrase.
        const QStringList other{QStringLiteral("TOKENDESK_CONFIG_DIR=") + m_sandbox.path(QStringLiteral("other")),
                                QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE=bundle pass")};
        const Run into = cli({QStringLiteral("profile"), QStringLiteral("import"), bundle}, other);
        QCOMPARE(into.exitCode, 0);
        QVERIFY(!into.err.contains("can be deleted")); // the bundle is encrypted
        QVERIFY(
            cli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("acme"), QStringLiteral("--reveal")},
                other)
                .out.contains("acme-secret-0123456789abcdef0123456789ab"));
        const Run wrong = cli({QStringLiteral("profile"), QStringLiteral("import"), bundle},
                              {QStringLiteral("TOKENDESK_CONFIG_DIR=") + m_sandbox.path(QStringLiteral("third")),
                               QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE=nope")});
        QCOMPARE(wrong.exitCode, 2);

        // All or nothing: one bad profile (a Zego secret of the wrong length, a field with a line break) and
        // none is imported.
        const QStringList fourth{QStringLiteral("TOKENDESK_CONFIG_DIR=") + m_sandbox.path(QStringLiteral("fourth"))};
        const Run mixed =
            cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from-env"),
                 QStringLiteral("--prefix"), QStringLiteral("mix")},
                fourth + QStringList{QStringLiteral("LIVEKIT_API_KEY=APIgood"),
                                     QStringLiteral("LIVEKIT_API_SECRET=good-secret-0123456789abcdef0123"),
                                     QStringLiteral("ZEGO_APP_ID=1234567890"),
                                     QStringLiteral("ZEGO_SERVER_SECRET=too-short")});
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY2(mixed.err.contains("nothing imported"), mixed.err.constData());
        QVERIFY(!cli({QStringLiteral("profile"), QStringLiteral("list")}, fourth).out.contains("mix-"));
        const Run newline =
            cli({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("--from-env"),
                 QStringLiteral("--prefix"), QStringLiteral("nl")},
                fourth + QStringList{QStringLiteral("LIVEKIT_API_KEY=API\nforged line"),
                                     QStringLiteral("LIVEKIT_API_SECRET=good-secret-0123456789abcdef0123")});
        QCOMPARE(newline.exitCode, 2);
        QVERIFY2(newline.err.contains("control character"), newline.err.constData());
        const Run orphans =
            cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--orphans")}, fourth);
        QCOMPARE(orphans.exitCode, 0);
        QCOMPARE(orphans.out, QByteArray());
    }

    void addTakesTheNameAsItsArgument()
    {
        const auto S = [](const char* t) { return QString::fromUtf8(t); };
        const QStringList lk{S("--provider"), S("livekit"),      S("--api-key"),
                             S("APIpos"),     S("--api-secret"), S("pos-secret-0123456789abcdef0123456789")};
        // The name as the first argument, like show, edit and remove; --name still works, and both may agree.
        QCOMPARE(cli(QStringList{S("profile"), S("add"), S("by-argument")} + lk).exitCode, 0);
        QCOMPARE(cli(QStringList{S("profile"), S("add"), S("both-forms"), S("--name"), S("both-forms")} + lk).exitCode,
                 0);
        // Two different names, or a second argument: refused, nothing saved.
        const Run twoNames = cli(QStringList{S("profile"), S("add"), S("first"), S("--name"), S("second")} + lk);
        QCOMPARE(twoNames.exitCode, 2);
        QVERIFY2(twoNames.err.contains("two names for one profile: \"first\" and --name \"second\""),
                 twoNames.err.constData());
        const Run extra = cli(QStringList{S("profile"), S("add"), S("one"), S("two")} + lk);
        QCOMPARE(extra.exitCode, 2);
        QVERIFY2(extra.err.contains("unexpected argument \"two\""), extra.err.constData());
        // --names: one name a line and nothing else, for shell completion.
        const Run names = cli({S("profile"), S("list"), S("--names")});
        QCOMPARE(names.exitCode, 0);
        const QList<QByteArray> listed = names.out.split('\n');
        QVERIFY2(listed.contains("by-argument") && listed.contains("both-forms"), names.out.constData());
        QVERIFY(!listed.contains("first") && !listed.contains("second") && !listed.contains("one"));
        QVERIFY2(names.err.isEmpty(), names.err.constData());
        QCOMPARE(cli({S("profile"), S("list"), S("--names"), S("--json")}).exitCode, 2);
        QVERIFY(cli({S("profile"), S("--help")}).out.contains("add NAME --provider P"));
    }

    void twoProcessesSavingAtOnceLoseNothing()
    {
        const QStringList env{QStringLiteral("TOKENDESK_CONFIG_DIR=") + m_sandbox.path(QStringLiteral("race"))};
        QList<QProcess*> running;
        for (int i = 0; i < 4; ++i) {
            running << start({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                              QStringLiteral("p%1").arg(i), QStringLiteral("--provider"), QStringLiteral("zego"),
                              QStringLiteral("--app-id"), QString::number(1000 + i), QStringLiteral("--server-secret"),
                              kZegoSecret},
                             env);
        }
        for (QProcess* p : running) {
            QVERIFY(p->waitForFinished(120000));
            QCOMPARE(p->exitCode(), 0);
        }
        const Run list = cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")}, env);
        QCOMPARE(QJsonDocument::fromJson(list.out).object().value(QStringLiteral("profiles")).toArray().size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(cli({QStringLiteral("mint"), QStringLiteral("zego"), QStringLiteral("--profile"),
                          QStringLiteral("p%1").arg(i), QStringLiteral("--user-id"), QStringLiteral("u")},
                         env)
                         .exitCode,
                     0);
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
