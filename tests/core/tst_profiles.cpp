// SPDX-License-Identifier: MIT
#include "core/io/PrivateFile.h"
#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStore.h"
#include "core/crypto/Pem.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace td;
using namespace td::credentials;

namespace {

const QString kJaasApp = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");

QByteArray importData(const char* name)
{
    return test::readFile(test::dataPath(QStringLiteral("import/") + QString::fromLatin1(name)));
}

bool hasCode(const ProfileCheck& c, const char* code)
{
    for (const Finding& f : c.findings) {
        if (f.code == QLatin1String(code))
            return true;
    }
    return false;
}

Profile livekit(const QString& name)
{
    Profile p;
    p.name = name;
    p.apiKey = QStringLiteral("APIkey");
    return p;
}

} // namespace

class TestProfiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip()
    {
        Profile p = livekit(QStringLiteral("lk"));
        p.environment = QStringLiteral("prod");
        p.serverUrl = QStringLiteral("wss://x.livekit.cloud");
        p.ttl = QStringLiteral("1h");
        p.note = QStringLiteral("note");
        const Profile back = Profile::fromJson(p.toJson()).value();
        QCOMPARE(back.toJson(), p.toJson());
        QVERIFY(!Profile::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("../etc")}}));
    }

    void validationRules()
    {
        QHash<QString, QByteArray> s{{QStringLiteral("apiSecret"), "secret"}};
        ProfileCheck c = validateProfile(livekit(QStringLiteral("lk")), s);
        QVERIFY(c.ok());
        QVERIFY(hasCode(c, "short-secret")); // the dev server's "secret" is legal, with a warning
        QVERIFY(!validateProfile(livekit(QStringLiteral("lk")), {}).ok());

        Profile z;
        z.name = QStringLiteral("z");
        z.provider = Provider::Zego;
        z.appId = QStringLiteral("0");
        c = validateProfile(z, {{QStringLiteral("serverSecret"), "short"}});
        QVERIFY(hasCode(c, "app-id") && hasCode(c, "server-secret"));
        z.appId = QStringLiteral("1234567890");
        QVERIFY(validateProfile(z, {{QStringLiteral("serverSecret"), QByteArray(32, 'a')}}).ok());

        Profile j;
        j.name = QStringLiteral("j");
        j.provider = Provider::Jaas;
        j.appId = kJaasApp;
        j.keyId = QStringLiteral("vpaas-magic-cookie-00000000000000000000000000000000/k");
        const QByteArray pem = test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem")));
        c = validateProfile(j, {{QStringLiteral("privateKey"), pem}});
        QVERIFY(hasCode(c, "key-id"));
        j.keyId = kJaasApp + QStringLiteral("/4f4910");
        c = validateProfile(j, {{QStringLiteral("privateKey"), pem}});
        QVERIFY(c.ok());
        QVERIFY(c.fingerprint.startsWith(QStringLiteral("22:ec:bb")));
        const QByteArray encrypted = test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8-encrypted.pem")));
        c = validateProfile(j, {{QStringLiteral("privateKey"), encrypted}});
        QVERIFY(!c.ok());
        QVERIFY(c.findings.first().message.contains(QStringLiteral("encrypted")));
        j.appId = QStringLiteral("my-app");
        QVERIFY(hasCode(validateProfile(j, {{QStringLiteral("privateKey"), pem}}), "app-id"));

        Profile h;
        h.name = QStringLiteral("h");
        h.provider = Provider::Jitsi;
        h.appId = QStringLiteral("my_app");
        QVERIFY(hasCode(validateProfile(h, {}), "credentials"));
        QVERIFY(validateProfile(h, {{QStringLiteral("appSecret"), "x"}}).ok());
    }

    void storeIsAtomicPrivateAndMigrates()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("cfg")));
        QVERIFY(store.load().value().isEmpty());
        QVERIFY(store.update([](QList<Profile>& ps) -> Result<void> {
            ps.append(livekit(QStringLiteral("a")));
            return {};
        }));
        QVERIFY(test::isPrivateFile(store.path()));
        QCOMPARE(store.find(QStringLiteral("a"))->apiKey, QStringLiteral("APIkey"));
        QVERIFY(!store.find(QStringLiteral("b")));
        // A failing change writes nothing.
        QVERIFY(!store.update([](QList<Profile>& ps) -> Result<void> {
            ps.clear();
            return fail(ErrorCode::SecretStoreError, QStringLiteral("no"));
        }));
        QCOMPARE(store.load()->size(), 1);

        const auto migrated =
            ProfileStore::parse(test::readFile(test::dataPath(QStringLiteral("profiles/profiles-v1.json"))));
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        QCOMPARE(migrated->size(), 3);
        for (const Profile& p : *migrated) {
            if (p.name == QStringLiteral("lk-prod")) {
                QCOMPARE(p.environment, QStringLiteral("prod"));
                QCOMPARE(p.apiKey, QStringLiteral("APIprod123"));
                QCOMPARE(p.ttl, QStringLiteral("1h"));
            } else if (p.name == QStringLiteral("zego-qa")) {
                QCOMPARE(p.appId, QStringLiteral("1234567890"));
                QCOMPARE(p.room, QStringLiteral("qa-room"));
            } else {
                QCOMPARE(p.provider, Provider::Jaas);
                QCOMPARE(p.environment, QStringLiteral("dev"));
            }
        }
        QVERIFY(
            ProfileStore::parse(R"({"version":3,"profiles":[]})").error().message.contains(QStringLiteral("newer")));
        QVERIFY(!ProfileStore::parse("not json"));
    }

    void corruptProfilesFileIsNeverOverwritten()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QFile f(store.path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":2,\"profiles\":[{");
        f.close();
        QVERIFY(!store.update([](QList<Profile>&) -> Result<void> { return {}; }));
        QFile again(store.path());
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray("{\"version\":2,\"profiles\":[{"));
    }

    void importsDevelopmentEnv()
    {
        const auto r = importEnvFile(importData("development.env"), QStringLiteral("dev"));
        QVERIFY(r);
        QCOMPARE(r->profiles.size(), 2);
        QCOMPARE(r->profiles[0].profile.name, QStringLiteral("dev-livekit"));
        QCOMPARE(r->profiles[0].profile.serverUrl, QStringLiteral("wss://acme-dev.livekit.cloud"));
        QCOMPARE(r->profiles[0].secrets.value(QStringLiteral("apiSecret")),
                 QByteArray("dev-secret-0123456789abcdef0123456789"));
        QCOMPARE(r->profiles[1].profile.appId, QStringLiteral("1234567890"));
    }

    void importsCrlfWithoutExport()
    {
        const auto r = importEnvFile(importData("crlf.env"), QStringLiteral("x"));
        QVERIFY(r);
        QCOMPARE(r->profiles.size(), 1);
        QCOMPARE(r->profiles[0].secrets.value(QStringLiteral("appSecret")), QByteArray("prosody-secret"));
        QCOMPARE(r->profiles[0].profile.subject, QStringLiteral("meet.example.com"));
    }

    void importsPemVariants_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("warns");
        QTest::newRow("wrangler quoted multi-line") << "wrangler.dev.vars" << false;
        QTest::newRow("pem without quotes") << "unquoted-pem.dev.vars" << true;
        QTest::newRow("Key ID line inside the key") << "key-id-inside.dev.vars" << true;
    }
    void importsPemVariants()
    {
        QFETCH(QString, file);
        QFETCH(bool, warns);
        const auto r =
            importEnvFile(test::readFile(test::dataPath(QStringLiteral("import/") + file)), QStringLiteral("w"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->profiles.size(), 1);
        const ImportedProfile& p = r->profiles.first();
        QCOMPARE(p.profile.provider, Provider::Jaas);
        QCOMPARE(p.profile.keyId, kJaasApp + QStringLiteral("/4f4910"));
        const auto key = crypto::loadRsaPrivateKey(p.secrets.value(QStringLiteral("privateKey")));
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        QCOMPARE(!r->warnings.isEmpty(), warns);
        QVERIFY(validateProfile(p.profile, p.secrets).ok());
    }

    void importsLiveKitCliConfig()
    {
        const auto r = importLiveKitCliConfig(importData("cli-config.yaml"));
        QVERIFY(r);
        QCOMPARE(r->profiles.size(), 2);
        QCOMPARE(r->profiles[0].profile.name, QStringLiteral("acme"));
        QCOMPARE(r->profiles[1].profile.serverUrl, QStringLiteral("ws://localhost:7880"));
        QCOMPARE(r->profiles[1].secrets.value(QStringLiteral("apiSecret")), QByteArray("secret"));
        const auto broken = importLiveKitCliConfig(importData("broken-cli-config.yaml"));
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(QStringLiteral("line")));
        QVERIFY(!importLiveKitCliConfig("just: text"));
    }

    void nothingToImportIsAnError()
    {
        QVERIFY(!importEnvFile("FOO=bar\n", QStringLiteral("x")));
        const auto bad = importEnvFile("LIVEKIT_API_SECRET=\"unterminated\n", QStringLiteral("x"));
        QVERIFY(!bad);
        QVERIFY(!bad.error().message.contains(QStringLiteral("unterminated")));
    }

    void importFileKnowsTheFormatAndNamesAfterTheFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("format");
        QTest::addColumn<QStringList>("names");
        const auto fmt = [](ImportFormat f) { return int(f); };
        QTest::newRow("env file named after itself")
            << "development.env"
            << "/tmp/staging.env"
            << "" << fmt(ImportFormat::EnvFile)
            << QStringList{QStringLiteral("staging-livekit"), QStringLiteral("staging-zego")};
        QTest::newRow(".dev.vars") << "crlf.env"
                                   << "/srv/app/.dev.vars"
                                   << "" << fmt(ImportFormat::EnvFile) << QStringList{QStringLiteral("dev-jitsi")};
        QTest::newRow("explicit prefix wins") << "development.env"
                                              << "x.env"
                                              << "ci" << fmt(ImportFormat::EnvFile)
                                              << QStringList{QStringLiteral("ci-livekit"), QStringLiteral("ci-zego")};
        QTest::newRow("unusable file name")
            << "crlf.env"
            << "-"
            << "" << fmt(ImportFormat::EnvFile) << QStringList{QStringLiteral("imported-jitsi")};
        QTest::newRow("livekit-cli config") << "cli-config.yaml"
                                            << "cli-config.YML"
                                            << "ignored" << fmt(ImportFormat::LiveKitCliConfig)
                                            << QStringList{QStringLiteral("acme"), QStringLiteral("local")};
    }
    void importFileKnowsTheFormatAndNamesAfterTheFile()
    {
        QFETCH(QString, file);
        QFETCH(QString, fileName);
        QFETCH(QString, prefix);
        QFETCH(int, format);
        QFETCH(QStringList, names);
        const QByteArray data = test::readFile(test::dataPath(QStringLiteral("import/") + file));
        QCOMPARE(int(detectImportFormat(data, fileName)), format);
        QVERIFY(holdsPlaintextSecrets(detectImportFormat(data, fileName)));
        const auto r = importFile(data, fileName, prefix);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QStringList got;
        for (const ImportedProfile& p : r->profiles)
            got << p.profile.name;
        QCOMPARE(got, names);
    }

    void importFileTakesAProfilesExportButNotABundle()
    {
        const QByteArray json = exportProfilesJson({livekit(QStringLiteral("lk"))});
        QCOMPARE(detectImportFormat(json, QStringLiteral("profiles.env")), ImportFormat::ProfilesJson);
        QVERIFY(!holdsPlaintextSecrets(ImportFormat::ProfilesJson));
        const auto r = importFile(json, QStringLiteral("profiles.json"));
        QVERIFY(r);
        QCOMPARE(r->profiles.size(), 1);
        QVERIFY(r->profiles.first().secrets.isEmpty());
        QVERIFY(!r->warnings.isEmpty());

        const QByteArray sealed = exportBundle({}, "p", KdfParams{10, 8, 1}).value();
        QCOMPARE(detectImportFormat(sealed, QStringLiteral("all.yaml")), ImportFormat::Bundle);
        QVERIFY(!holdsPlaintextSecrets(ImportFormat::Bundle));
        QVERIFY(!importFile(sealed, QStringLiteral("all.tdbundle")));
    }

    void privateKeysAreStoredDecryptedAsPkcs8()
    {
        const QByteArray encrypted = test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8-encrypted.pem")));
        QCOMPARE(privateKeyForStorage(encrypted).error().code, ErrorCode::KeyEncrypted);
        QCOMPARE(privateKeyForStorage(encrypted, "nope").error().code, ErrorCode::WrongPassphrase);
        const auto stored = privateKeyForStorage(encrypted, "correct horse");
        QVERIFY(stored);
        QVERIFY(stored->startsWith("-----BEGIN PRIVATE KEY-----"));
        const auto key = crypto::loadRsaPrivateKey(*stored);
        QVERIFY(key);
        QCOMPARE(
            key->publicKey().fingerprintSha256(),
            QStringLiteral(
                "22:ec:bb:ea:29:d5:29:95:8b:07:49:5a:4e:66:62:85:3c:32:05:78:d2:26:aa:fc:ab:c5:44:01:88:a6:b1:19"));
        const auto fromPkcs1 =
            privateKeyForStorage(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs1.pem"))));
        QCOMPARE(fromPkcs1.value(), *stored);
        QCOMPARE(privateKeyForStorage("not a key").error().code, ErrorCode::PemMissingHeader);
    }

    void readsEveryProfileWithItsSecrets()
    {
        MemorySecretStore store;
        QVERIFY(store.write(Profile::secretKey(QStringLiteral("a"), QStringLiteral("apiSecret")), "secret-a"));
        QVERIFY(store.write(Profile::secretKey(QStringLiteral("b"), QStringLiteral("serverSecret")), "not-livekit"));
        const auto all = readProfilesWithSecrets({livekit(QStringLiteral("a")), livekit(QStringLiteral("b"))}, store);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).secrets.value(QStringLiteral("apiSecret")), QByteArray("secret-a"));
        QVERIFY(all->at(1).secrets.isEmpty()); // only the fields of the profile's own provider
    }

    void replacingWithAnotherProviderLeavesNoSecretBehind()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.path());
        MemorySecretStore secrets;
        Profile zego;
        zego.name = QStringLiteral("x");
        zego.provider = Provider::Zego;
        zego.appId = QStringLiteral("1234");
        QVERIFY(storeProfile(profiles, secrets, zego,
                             {{QStringLiteral("serverSecret"), "0123456789abcdef0123456789abcdef"}}));
        QVERIFY(storeProfile(profiles, secrets, livekit(QStringLiteral("x")), {{QStringLiteral("apiSecret"), "lk"}}));
        QCOMPARE(secrets.keys()->value(), QStringList{QStringLiteral("x/apiSecret#2")});
        QCOMPARE(profiles.find(QStringLiteral("x"))->provider, Provider::LiveKit);
    }

    void aCrashBetweenStoresNeverPairsWrongData()
    {
        // A save writes the new secrets under a new generation, then switches profiles.json in one rename: killed
        // in between, the old key still pairs with the old secret.
        QTemporaryDir dir;
        ProfileStore profiles(dir.path());
        MemorySecretStore secrets;
        Profile p = livekit(QStringLiteral("lk"));
        p.apiKey = QStringLiteral("OLDKEY");
        QVERIFY(storeProfile(profiles, secrets, p, {{QStringLiteral("apiSecret"), "old-secret"}}));
        p.apiKey = QStringLiteral("NEWKEY");
        io::atomicWriteInterruptHook() = [] { return true; }; // "killed" before profiles.json is replaced
        QVERIFY(!storeProfile(profiles, secrets, p, {{QStringLiteral("apiSecret"), "new-secret"}}));
        io::atomicWriteInterruptHook() = nullptr;
        const Profile onDisk = *profiles.find(QStringLiteral("lk"));
        QCOMPARE(onDisk.apiKey, QStringLiteral("OLDKEY"));
        QCOMPARE(readProfileSecrets(onDisk, secrets)->value(QStringLiteral("apiSecret")), QByteArray("old-secret"));
        // The next save pairs the new key with the new secret and leaves nothing behind.
        QVERIFY(storeProfile(profiles, secrets, p, {{QStringLiteral("apiSecret"), "new-secret"}}));
        const Profile now = *profiles.find(QStringLiteral("lk"));
        QCOMPARE(now.apiKey, QStringLiteral("NEWKEY"));
        QCOMPARE(readProfileSecrets(now, secrets)->value(QStringLiteral("apiSecret")), QByteArray("new-secret"));
        QCOMPARE(secrets.keys()->value(), QStringList{now.secretKey(QStringLiteral("apiSecret"))});
    }

    void orphanedSecretsAreShownAndSwept()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.path());
        MemorySecretStore secrets;
        QVERIFY(storeProfile(profiles, secrets, livekit(QStringLiteral("a")), {{QStringLiteral("apiSecret"), "a"}}));
        // What a delete killed after profiles.json leaves: a secret no profile refers to.
        QVERIFY(secrets.write(QStringLiteral("gone/apiSecret#3"), "left-behind"));
        QVERIFY(secrets.write(QStringLiteral("server:bearer/WEB_KEY"), "not a profile secret"));
        QCOMPARE(orphanedSecrets(*profiles.load(), secrets)->value(), QStringList{QStringLiteral("gone/apiSecret#3")});
        QVERIFY(storeProfile(profiles, secrets, livekit(QStringLiteral("b")), {{QStringLiteral("apiSecret"), "b"}}));
        QVERIFY(orphanedSecrets(*profiles.load(), secrets)->value().isEmpty());
        QVERIFY(secrets.read(QStringLiteral("server:bearer/WEB_KEY"))->has_value());
        QVERIFY(deleteProfile(profiles, secrets, QStringLiteral("a")));
        QVERIFY(!secrets.keys()->value().join(QLatin1Char(' ')).contains(QStringLiteral("a/")));
    }

    void bundleRoundTrip()
    {
        QList<ImportedProfile> in{{livekit(QStringLiteral("lk")), {{QStringLiteral("apiSecret"), "s3cr3t-value"}}}};
        const auto sealed = exportBundle(in, "bundle-pass", KdfParams{10, 8, 1});
        QVERIFY(sealed);
        QVERIFY(isBundle(*sealed));
        QVERIFY(!sealed->contains("s3cr3t-value"));
        const auto back = importBundle(*sealed, "bundle-pass");
        QVERIFY(back);
        QCOMPARE(back->profiles.first().secrets.value(QStringLiteral("apiSecret")), QByteArray("s3cr3t-value"));
        QCOMPARE(importBundle(*sealed, "wrong").error().code, ErrorCode::WrongPassphrase);
        QVERIFY(!exportProfilesJson({livekit(QStringLiteral("lk"))}).contains("secret"));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
