// SPDX-License-Identifier: MIT
// What the CLI and the desktop app share to run a config: a stored profile's credentials for an endpoint, and
// bearer keys named by variable, generated and kept in the secret store.
#include "core/credentials/Profile.h"
#include "core/credentials/SecretStore.h"
#include "core/server/BearerKeys.h"
#include "core/server/ProfileCredentials.h"
#include "core/server/ServerConfig.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace td;
using namespace td::server;

namespace {

using Secrets = QHash<QString, QByteArray>;

credentials::Profile profile(const QString& name, Provider provider)
{
    credentials::Profile p;
    p.name = name;
    p.provider = provider;
    p.apiKey = QStringLiteral("devkey");
    p.serverUrl = QStringLiteral("wss://demo.livekit.cloud");
    p.appId = QStringLiteral("app");
    p.keyId = QStringLiteral("kid");
    p.audience = QStringLiteral("jitsi");
    p.subject = QStringLiteral("meet.example.com");
    return p;
}

QByteArray pem(const char* file)
{
    return test::readFile(test::dataPath(QStringLiteral("pem/") + QLatin1String(file)));
}

const QByteArray kConfigWithKey =
    "{ \"port\": 0, \"auth\": { \"bearerKeys\": [ { \"name\": \"web\", \"keyEnv\": \"WEB_KEY\" } ] },"
    " \"endpoints\": [ { \"path\": \"/healthz\", \"type\": \"healthz\" } ] }";

} // namespace

class TestProfileCredentials : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void credentialsFollowTheProvider_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<Secrets>("secrets");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<bool>("rsa");
        const QByteArray key = pem("rsa2048-pkcs8.pem");
        QTest::newRow("livekit") << int(Provider::LiveKit) << Secrets{{QStringLiteral("apiSecret"), "lk"}}
                                 << QByteArray("lk") << false;
        QTest::newRow("zego") << int(Provider::Zego) << Secrets{{QStringLiteral("serverSecret"), "zg"}}
                              << QByteArray("zg") << false;
        QTest::newRow("jitsi HS256 wins over a key")
            << int(Provider::Jitsi) << Secrets{{QStringLiteral("appSecret"), "js"}, {QStringLiteral("privateKey"), key}}
            << QByteArray("js") << false;
        QTest::newRow("jitsi RS256") << int(Provider::Jitsi) << Secrets{{QStringLiteral("privateKey"), key}}
                                     << QByteArray() << true;
        QTest::newRow("jaas") << int(Provider::Jaas) << Secrets{{QStringLiteral("privateKey"), key}} << QByteArray()
                              << true;
        // Another provider's secret field is not read.
        QTest::newRow("zego ignores apiSecret")
            << int(Provider::Zego)
            << Secrets{{QStringLiteral("apiSecret"), "lk"}, {QStringLiteral("serverSecret"), "zg"}} << QByteArray("zg")
            << false;
    }

    void credentialsFollowTheProvider()
    {
        QFETCH(int, provider);
        QFETCH(Secrets, secrets);
        QFETCH(QByteArray, secret);
        QFETCH(bool, rsa);
        const auto c = credentialsFromProfile(profile(QStringLiteral("p"), Provider(provider)), secrets);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(int(c->provider), provider);
        QCOMPARE(c->secret.bytes(), secret);
        QCOMPARE(!c->privateKey.isNull(), rsa);
        QCOMPARE(c->apiKey, QStringLiteral("devkey"));
        QCOMPARE(c->serverUrl, QStringLiteral("wss://demo.livekit.cloud"));
        QCOMPARE(c->appId, QStringLiteral("app"));
        QCOMPARE(c->keyId, QStringLiteral("kid"));
        QCOMPARE(c->audience, QStringLiteral("jitsi"));
        QCOMPARE(c->subject, QStringLiteral("meet.example.com"));
    }

    void missingOrBrokenSecretsAreErrors()
    {
        const auto none = credentialsFromProfile(profile(QStringLiteral("lk-dev"), Provider::LiveKit), {});
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(QStringLiteral("lk-dev")));

        const QByteArray encrypted = pem("rsa2048-pkcs8-encrypted.pem");
        const auto locked = credentialsFromProfile(profile(QStringLiteral("jaas"), Provider::Jaas),
                                                   {{QStringLiteral("privateKey"), encrypted}});
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::KeyEncrypted);
        QVERIFY(!locked.error().message.contains(QStringLiteral("BEGIN")));
    }

    void configParsesWithTheResolver()
    {
        const QHash<QString, credentials::Profile> profiles{
            {QStringLiteral("lk"), profile(QStringLiteral("lk"), Provider::LiveKit)},
            {QStringLiteral("zg"), profile(QStringLiteral("zg"), Provider::Zego)}};
        const auto resolver = [&](const QString& name) -> Result<EndpointCredentials> {
            if (!profiles.contains(name))
                return fail(ErrorCode::NotFound, QStringLiteral("no profile named %1").arg(name));
            const QByteArray field = profiles.value(name).provider == Provider::LiveKit ? "apiSecret" : "serverSecret";
            return credentialsFromProfile(profiles.value(name), {{QString::fromLatin1(field), "s3cret"}});
        };
        const auto ok = ServerConfig::parse(
            "{ \"endpoints\": [ { \"path\": \"/t\", \"type\": \"livekit-get\", \"profile\": \"lk\" } ] }", resolver,
            {});
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QVERIFY(ok->endpoints.first().minter);
        const auto wrong = ServerConfig::parse(
            "{ \"endpoints\": [ { \"path\": \"/t\", \"type\": \"livekit-get\", \"profile\": \"zg\" } ] }", resolver,
            {});
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message.startsWith(QStringLiteral("endpoints[0].profile: ")),
                 qPrintable(wrong.error().message));
        const auto gone = ServerConfig::parse(
            "{ \"endpoints\": [ { \"path\": \"/t\", \"type\": \"zego-get\", \"profile\": \"nope\" } ] }", resolver, {});
        QVERIFY(!gone);
        QCOMPARE(gone.error().message, QStringLiteral("endpoints[0].profile: no profile named nope"));
    }

    void typesKnowTheirProviders()
    {
        const auto type = [](const char* name) { return parseEndpointType(QLatin1String(name)); };
        QVERIFY(type("livekit-standard")->canServe(Provider::LiveKit));
        QVERIFY(type("jitsi-get")->canServe(Provider::Jaas));
        QVERIFY(type("jitsi-get")->canServe(Provider::Jitsi));
        QVERIFY(!type("jitsi-get")->canServe(Provider::Zego));
        QVERIFY(!type("zego-get")->canServe(Provider::LiveKit));
        // Every type the modules list has a distinct name, and its contract is among its request fields.
        QStringList names;
        for (const EndpointKind* t : endpointTypes()) {
            QVERIFY2(!names.contains(t->name()), qPrintable(t->name()));
            names << t->name();
            QCOMPARE(parseEndpointType(t->name()), t);
            for (const QString& f : t->contractFields())
                QVERIFY2(t->requestFields().contains(f), qPrintable(f));
        }
        QCOMPARE(names,
                 (QStringList{QStringLiteral("livekit-get"), QStringLiteral("livekit-standard"),
                              QStringLiteral("zego-get"), QStringLiteral("jitsi-get"), QStringLiteral("stream-get"),
                              QStringLiteral("twilio-get"), QStringLiteral("100ms-get"), QStringLiteral("agora-get"),
                              QStringLiteral("vonage-get"), QStringLiteral("opentok-get"), QStringLiteral("healthz")}));
        QVERIFY(!parseEndpointType(QStringLiteral("livekit")));
        QVERIFY(!healthEndpoint().mintsTokens());
    }

    void bearerKeysAreStrongAndDistinct()
    {
        const auto a = generateBearerKey();
        const auto b = generateBearerKey();
        QVERIFY(a && b);
        QCOMPARE(a->size(), 43);
        QVERIFY(*a != *b);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(QString::fromLatin1(*a)).hasMatch());
    }

    void bearerKeyVariablesAreShellNamesAndUnique()
    {
        QCOMPARE(bearerKeyVariable(QStringLiteral("web-dev"), {}), QStringLiteral("TOKENDESK_KEY_WEB_DEV"));
        QCOMPARE(bearerKeyVariable(QStringLiteral(" ci 2 "), {}), QStringLiteral("TOKENDESK_KEY_CI_2"));
        QCOMPARE(bearerKeyVariable(QString(), {}), QStringLiteral("TOKENDESK_KEY_KEY"));
        QCOMPARE(bearerKeyVariable(QStringLiteral("web"),
                                   {QStringLiteral("TOKENDESK_KEY_WEB"), QStringLiteral("TOKENDESK_KEY_WEB_2")}),
                 QStringLiteral("TOKENDESK_KEY_WEB_3"));
        // Stored next to profile secrets ("<profile>/<field>") without ever naming one.
        const QString stored = bearerKeySecretName(QStringLiteral("TOKENDESK_KEY_WEB"));
        QVERIFY(!credentials::Profile::isValidName(stored.section(QLatin1Char('/'), 0, 0)));
    }

    void storedKeysFillOnlyUnsetVariables()
    {
        const QJsonObject config = QJsonDocument::fromJson(kConfigWithKey).object();
        QCOMPARE(bearerKeyVariables(config), QStringList{QStringLiteral("WEB_KEY")});
        credentials::MemorySecretStore store;
        QProcessEnvironment environment;
        QCOMPARE(missingBearerKeyVariables(config, environment), QStringList{QStringLiteral("WEB_KEY")});

        // Nothing stored: the variable stays unset and the config error names it.
        QVERIFY(addStoredBearerKeys(environment, missingBearerKeyVariables(config, environment), store));
        QVERIFY(!environment.contains(QStringLiteral("WEB_KEY")));
        const auto unset = ServerConfig::parse(kConfigWithKey, {}, environment);
        QVERIFY(!unset);
        QVERIFY(unset.error().message.startsWith(QStringLiteral("auth.bearerKeys[0].keyEnv: ")));

        QVERIFY(store.write(bearerKeySecretName(QStringLiteral("WEB_KEY")), "stored-key-0123456789"));
        QVERIFY(addStoredBearerKeys(environment, missingBearerKeyVariables(config, environment), store));
        const auto fromStore = ServerConfig::parse(kConfigWithKey, {}, environment);
        QVERIFY(fromStore);
        QCOMPARE(fromStore->bearerKeys.first().key.bytes(), QByteArray("stored-key-0123456789"));

        // A variable that is set wins, as it does for every other credential.
        QProcessEnvironment exported;
        exported.insert(QStringLiteral("WEB_KEY"), QStringLiteral("exported-key-0123456789"));
        QVERIFY(missingBearerKeyVariables(config, exported).isEmpty());
        QVERIFY(addStoredBearerKeys(exported, bearerKeyVariables(config), store));
        QCOMPARE(exported.value(QStringLiteral("WEB_KEY")), QStringLiteral("exported-key-0123456789"));
    }
};

QTEST_MAIN(TestProfileCredentials)
#include "tst_profile_credentials.moc"
