// SPDX-License-Identifier: MIT
#include "core/Duration.h"
#include "core/Error.h"
#include "core/providers/Finding.h"
#include "core/server/ServerConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

using namespace td;

namespace {

/** Translates the two core contexts by wrapping the source text, so a test sees which text was looked up where. */
class MarkingTranslator final : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* /*disambiguation*/ = nullptr,
                      int /*n*/ = -1) const override
    {
        const QByteArray ctx(context);
        if (ctx != "td::Error" && ctx != "td::Finding")
            return {};
        return QStringLiteral("<%1|%2>").arg(QString::fromLatin1(ctx), QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fillsArgumentsInOnePass()
    {
        QCOMPARE(fillErrorText(QStringLiteral("%1 and %2"), {QStringLiteral("a%2"), QStringLiteral("b")}),
                 QStringLiteral("a%2 and b"));
        QCOMPARE(fillErrorText(QStringLiteral("%2 before %1"), {QStringLiteral("x"), QStringLiteral("y")}),
                 QStringLiteral("y before x"));
        QCOMPARE(fillErrorText(QStringLiteral("100% of %1, %3 stays"), {QStringLiteral("it")}),
                 QStringLiteral("100% of it, %3 stays"));
    }

    void failKeepsTextArgumentsAndTheEnglishMessage()
    {
        const Result<int> r = fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "%1 is over %2 s"),
                                   QStringLiteral("ttl"), qint64(86400));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::OutOfRange);
        QCOMPARE(r.error().message, QStringLiteral("ttl is over 86400 s"));
        QCOMPARE(r.error().args, (QStringList{QStringLiteral("ttl"), QStringLiteral("86400")}));
        QCOMPARE(QString::fromUtf8(r.error().text), QStringLiteral("%1 is over %2 s"));
        QVERIFY(r.error().field.isEmpty());
    }

    void localizedTranslatesTheTextAndKeepsWhatWasPutInFront()
    {
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        const Error inner = makeError(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a number"),
                                      {QStringLiteral("x")});
        QCOMPARE(inner.localized(), QStringLiteral("<td::Error|\"x\" is not a number>"));

        const Error placed = inner.at(QStringLiteral("policy.maxTtl")).at(QStringLiteral("endpoints[1]"));
        QCOMPARE(placed.message, QStringLiteral("endpoints[1]: policy.maxTtl: \"x\" is not a number"));
        QCOMPARE(placed.field, QStringLiteral("endpoints[1].policy.maxTtl"));
        QCOMPARE(placed.code, ErrorCode::InvalidValue);
        QCOMPARE(placed.localized(), QStringLiteral("endpoints[1]: policy.maxTtl: <td::Error|\"x\" is not a number>"));

        const Error prefixed = inner.in(QStringLiteral("JAAS_PRIVATE_KEY: "));
        QCOMPARE(prefixed.localized(), QStringLiteral("JAAS_PRIVATE_KEY: <td::Error|\"x\" is not a number>"));
        QVERIFY(prefixed.field.isEmpty());

        // Reworded on the way up: the English whole is the only right text.
        Error reworded = inner;
        reworded.message += QStringLiteral(" (kept)");
        QCOMPARE(reworded.localized(), reworded.message);
        // Built elsewhere: English in every language.
        const Error plain{ErrorCode::Crypto, QStringLiteral("EVP failed")};
        QCOMPARE(plain.localized(), QStringLiteral("EVP failed"));

        const Finding finding =
            makeFinding(QStringLiteral("expired"), Severity::Error,
                        QT_TRANSLATE_NOOP("td::Finding", "expired %1 s ago"), {QStringLiteral("5")});
        QCOMPARE(finding.message, QStringLiteral("expired 5 s ago"));
        QCOMPARE(finding.localized(), QStringLiteral("<td::Finding|expired %1 s ago>").arg(5));
        QCOMPARE(findingError(finding, ErrorCode::InvalidValue).localized(), finding.localized());
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(placed.localized(), placed.message);
    }

    void coreErrorsCarryTranslatableTexts()
    {
        // A user-facing parse error and a config error both arrive marked, the config one with its field path.
        const auto duration = parseDuration(QStringLiteral("10x"));
        QVERIFY(!duration);
        QVERIFY(duration.error().text);
        QCOMPARE(duration.error().code, ErrorCode::InvalidValue);

        const QByteArray json = R"({"endpoints": [{"path": "/a", "type": "healthz"},
                                                  {"path": "/a", "type": "healthz"}]})";
        const auto config = server::ServerConfig::parse(
            json,
            [](const QString&) -> Result<server::EndpointCredentials> { return fail(ErrorCode::NotFound, QString()); },
            {});
        QVERIFY(!config);
        QCOMPARE(config.error().field, QStringLiteral("endpoints[1].path"));
        QCOMPARE(config.error().code, ErrorCode::Conflict);
        QCOMPARE(config.error().message, QStringLiteral("endpoints[1].path: /a is listed twice"));
        QVERIFY(config.error().text);
    }

    void httpStatusByCode()
    {
        QCOMPARE(httpStatus(ErrorCode::InvalidValue), 400);
        QCOMPARE(httpStatus(ErrorCode::UnknownField), 400);
        QCOMPARE(httpStatus(ErrorCode::NotFound), 404);
        QCOMPARE(httpStatus(ErrorCode::AlreadyExists), 409);
        QCOMPARE(httpStatus(ErrorCode::ZegoSecretInvalid), 500);
        QCOMPARE(httpStatus(ErrorCode::PemTruncated), 500);
        QCOMPARE(errorCodeName(ErrorCode::OutOfRange), QStringLiteral("out_of_range"));
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
