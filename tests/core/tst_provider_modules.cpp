// SPDX-License-Identifier: MIT
// The contract every provider module keeps (a new provider's module passes this test before anything else): one
// module per provider, stable names, profile fields and variables that exist, secrets the store accepts, batch
// columns that do not shadow the common ones, and a minted plan that the module's own verify credentials accept and
// that detection gives back to the same module.
#include "core/batch/BatchRow.h"
#include "core/batch/PermissionMatrix.h"
#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/Registry.h"
#include "tests/support/TestData.h"

#include <QSet>
#include <QTest>

using namespace td;
using td::test::dataPath;
using td::test::readFile;

namespace {

/** A profile of the module's provider with throw-away credentials that mint. */
std::pair<credentials::Profile, crypto::SecretMap> throwAway(Provider provider)
{
    credentials::Profile p;
    p.name = QStringLiteral("contract");
    p.provider = provider;
    crypto::SecretMap secrets;
    const QByteArray secret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
    if (provider == Provider::LiveKit) {
        p.apiKey = QStringLiteral("APIcontract");
        secrets.insert(QStringLiteral("apiSecret"), secret);
    } else if (provider == Provider::Zego) {
        p.appId = QStringLiteral("1234567890");
        secrets.insert(QStringLiteral("serverSecret"), secret);
    } else if (provider == Provider::Jaas) {
        p.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
        p.keyId = p.appId + QStringLiteral("/contract");
        secrets.insert(QStringLiteral("privateKey"), readFile(dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem"))));
    } else if (provider == Provider::Jitsi) {
        p.appId = QStringLiteral("contract_app");
        secrets.insert(QStringLiteral("appSecret"), secret);
    } else if (provider == Provider::Stream || provider == Provider::Hms) {
        p.apiKey = QStringLiteral("contractkey");
        secrets.insert(QStringLiteral("apiSecret"), secret);
    } else if (provider == Provider::Vonage) {
        p.appId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-0123456789ab");
        secrets.insert(QStringLiteral("privateKey"), readFile(dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem"))));
    } else if (provider == Provider::OpenTok) {
        p.apiKey = QStringLiteral("12345678");
        secrets.insert(QStringLiteral("apiSecret"), secret);
    } else if (provider == Provider::Agora) {
        p.appId = QStringLiteral("970ca35de60c44645bbae8a215061b33");
        secrets.insert(QStringLiteral("apiSecret"), secret);
    } else if (provider == Provider::Twilio) {
        p.appId = QStringLiteral("AC0123456789abcdef0123456789abcdef");
        p.apiKey = QStringLiteral("SK0123456789abcdef0123456789abcdef");
        secrets.insert(QStringLiteral("apiSecret"), secret);
    } // a new provider adds its throw-away credentials here, and the test fails until it does
    return {p, secrets};
}

} // namespace

class TestProviderModules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyProviderHasOneModuleWithAStableName()
    {
        QSet<int> seen;
        for (const ProviderModule* module : providerModules()) {
            QVERIFY2(!seen.contains(static_cast<int>(module->id())), qPrintable(module->name()));
            seen.insert(static_cast<int>(module->id()));
            QCOMPARE(findModule(module->id()), module);
            QCOMPARE(parseProvider(module->name()), std::optional<Provider>(module->id()));
            QVERIFY(qstrlen(module->title()) > 0);
            QVERIFY(qstrlen(module->profileHint()) > 0);
            QVERIFY(module->defaultTtlSeconds() > 0);
        }
        for (Provider p : {Provider::LiveKit, Provider::Zego, Provider::Jaas, Provider::Jitsi, Provider::Stream,
                           Provider::Twilio, Provider::Hms, Provider::Agora, Provider::Vonage, Provider::OpenTok})
            QVERIFY2(findModule(p), qPrintable(providerName(p)));
        QCOMPARE(findModule(Provider::Unknown), nullptr);
    }

    void profileFieldsVariablesAndSecretsExist()
    {
        const QJsonObject fields = [] {
            credentials::Profile all;
            all.serverUrl = all.apiKey = all.appId = all.keyId = all.audience = all.subject = QStringLiteral("x");
            return all.toJson().value(QStringLiteral("fields")).toObject();
        }();
        for (const ProviderModule* module : providerModules()) {
            const QStringList secrets = module->secretFields();
            QVERIFY2(!secrets.isEmpty(), qPrintable(module->name()));
            QVERIFY(fields.contains(module->identityField()));
            for (const QString& secret : secrets) {
                QVERIFY2(credentials::Profile::isProfileSecretKey(
                             credentials::Profile::secretKey(QStringLiteral("p"), secret, 2)),
                         qPrintable(secret));
                QVERIFY2(!fields.contains(secret), qPrintable(secret)); // a secret is never a plain field
            }
            QSet<QString> variables;
            for (const EnvironmentVariable& v : module->environmentVariables()) {
                const QString field = QString::fromLatin1(v.field);
                QVERIFY2(v.secret ? secrets.contains(field) : fields.contains(field), v.field);
                QVERIFY2(!variables.contains(QLatin1String(v.variable)), v.variable);
                variables.insert(QLatin1String(v.variable));
            }
            for (const QString& secret : secrets) {
                const auto& vars = module->environmentVariables();
                QVERIFY2(std::any_of(vars.begin(), vars.end(),
                                     [&](const EnvironmentVariable& v) { return secret == QLatin1String(v.field); }),
                         qPrintable(module->name() + QLatin1Char('/') + secret));
            }
        }
    }

    void batchColumnsAndMatrixDimensionsAreTheModules()
    {
        const QStringList common{QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("room"),
                                 QStringLiteral("preset"), QStringLiteral("ttl")};
        for (const ProviderModule* module : providerModules()) {
            const QStringList own = module->batchColumns();
            for (const QString& column : own) {
                QVERIFY2(!common.contains(column), qPrintable(column));
                QCOMPARE(batch::canonicalColumn(column), column);
            }
            QCOMPARE(batch::columnsFor(module->id()), common + own);
            QVERIFY(!module->matrixNotes().isEmpty());
            QVERIFY(!batch::matrixDimensions(module->id(), batch::MatrixSpec()).isEmpty());
        }
    }

    void aMintedPlanVerifiesAndIsRecognised()
    {
        const FixedClock clock(1'800'000'000);
        for (const ProviderModule* module : providerModules()) {
            auto [profile, secrets] = throwAway(module->id());
            batch::MatrixSpec spec;
            // An OpenTok session names the API key it was made with, and only that key's tokens open it.
            spec.room =
                module->id() == Provider::OpenTok
                    ? QStringLiteral("1_") +
                          QString::fromLatin1(
                              QByteArrayLiteral("1~12345678~127.0.0.1~x~").toBase64(QByteArray::Base64UrlEncoding))
                    : QStringLiteral("contract-room");
            auto minter = mint::PlanMinter::create(profile, secrets);
            QVERIFY2(minter,
                     qPrintable(module->name() + QStringLiteral(": ") + (minter ? QString() : minter.error().message)));
            mint::MintPlan plan;
            plan.provider = module->id();
            plan.profile = profile.name;
            plan.ttlSeconds = module->defaultTtlSeconds();
            module->matrixClaims(plan, QStringLiteral("ann"), spec.room, {});
            QCOMPARE(module->identityOf(plan), QStringLiteral("ann"));
            QCOMPARE(module->roomOf(plan), spec.room);
            auto minted = minter->mint(plan, clock);
            QVERIFY2(minted,
                     qPrintable(module->name() + QStringLiteral(": ") + (minted ? QString() : minted.error().message)));
            // exp is now + TTL; Stream's SDK counts the TTL from an iat set one second back, 100ms's ten seconds
            // back, and so do their modules.
            QVERIFY2(minted->expiresAt <= clock.nowSeconds() + module->defaultTtlSeconds() &&
                         minted->expiresAt >= clock.nowSeconds() + module->defaultTtlSeconds() - 10,
                     qPrintable(module->name()));
            auto credentials = module->verifyCredentials(profile, secrets);
            QVERIFY(credentials);
            auto inspected = TokenInspector(clock).inspect(minted->token, *credentials);
            QVERIFY(inspected);
            QCOMPARE(inspected->provider, module->id());
            QCOMPARE(inspected->signature, SignatureState::Valid);
            // Detection alone, without the provider forced, gives the token back to its module.
            VerifyCredentials none;
            auto detected = TokenInspector(clock).inspect(minted->token, none);
            QVERIFY(detected);
            QCOMPARE(detected->provider, module->id());
        }
    }
};

QTEST_GUILESS_MAIN(TestProviderModules)
#include "tst_provider_modules.moc"
