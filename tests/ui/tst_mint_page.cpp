// SPDX-License-Identifier: MIT
// The Mint page driven as a user would: pick a profile, fill the LiveKit form, read the preview and findings, mint,
// copy, open the link; the token is checked by LiveKit's own SDK and History gets metadata only.
#include "core/Duration.h"
#include "core/mint/MintPlan.h"
#include "tests/support/Children.h"
#include "tests/support/TestContext.h"
#include "ui/common/ErrorLabel.h"
#include "ui/mint/MintPage.h"
#include "ui/common/Widgets.h"
#include "ui/mint/ProviderForm.h"
#include "ui/mint/QrCode.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace td;

namespace {

const QString kApiKey = QStringLiteral("APIdesk4Test");
const QByteArray kApiSecret = QByteArrayLiteral("a-livekit-api-secret-for-the-mint-page-test");
const QString kServerUrl = QStringLiteral("wss://example.livekit.cloud");

void addProfile(test::TestContext& t, const QString& name, const QString& environment = QStringLiteral("dev"))
{
    credentials::Profile p;
    p.name = name;
    p.provider = Provider::LiveKit;
    p.environment = environment;
    p.serverUrl = kServerUrl;
    p.apiKey = kApiKey;
    p.room = QStringLiteral("standup");
    const auto ok = t.profiles.save(p, {{QStringLiteral("apiSecret"), kApiSecret}});
    if (!ok)
        qFatal("cannot save the test profile: %s", qPrintable(ok.error().message));
}

/** Builds a context with one LiveKit profile; the clock reads the real time so the SDK accepts the tokens. */
std::unique_ptr<test::TestContext> makeContext()
{
    auto t = std::make_unique<test::TestContext>(QDateTime::currentSecsSinceEpoch());
    t->settings.setClipboardClearSeconds(2);
    addProfile(*t, QStringLiteral("lk-dev"));
    return t;
}

/**
 * A widget of the page by objectName. The LiveKit form is searched first: the page also holds the Zego and Jitsi
 * forms, whose widgets may share a name with the LiveKit form's ("roomLineEdit").
 */
template <typename T> T* child(const QWidget& page, const char* objectName)
{
    return test::childPreferring<T>(page, "liveKitForm", objectName);
}

void toggle(QWidget& page, const char* checkBox)
{
    QTest::keyClick(child<QAbstractButton>(page, checkBox), Qt::Key_Space);
}

void click(QWidget& page, const char* button)
{
    auto* b = child<QAbstractButton>(page, button);
    QVERIFY2(b->isEnabled(), button);
    QTest::mouseClick(b, Qt::LeftButton);
}

void replaceText(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QJsonObject formClaims(const QWidget& page)
{
    return child<ui::ProviderForm>(page, "liveKitForm")->claims();
}

QStringList findingCodes(const QWidget& page)
{
    const auto* list = child<QListWidget>(page, "findingsListWidget");
    QStringList codes;
    for (int i = 0; i < list->count(); ++i)
        codes << list->item(i)->data(Qt::UserRole).toString();
    return codes;
}

QString findingsText(const QWidget& page)
{
    const auto* list = child<QListWidget>(page, "findingsListWidget");
    QStringList lines;
    for (int i = 0; i < list->count(); ++i)
        lines << list->item(i)->text();
    return lines.join(QLatin1Char('\n'));
}

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/** Fills the form as the user in the issue would: a participant who may not publish, but with two sources listed. */
void composeAlice(QWidget& page)
{
    QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
    QTest::keyClicks(child<QLineEdit>(page, "nameLineEdit"), QStringLiteral("Alice"));
    replaceText(child<QLineEdit>(page, "roomLineEdit"), QStringLiteral("standup-42"));
    auto* canPublish = child<QComboBox>(page, "canPublishComboBox");
    QTest::keyClicks(canPublish, QStringLiteral("no"));
    QCOMPARE(canPublish->currentText(), QStringLiteral("no"));
    toggle(page, "cameraSourceCheckBox");
    toggle(page, "microphoneSourceCheckBox");
    toggle(page, "hiddenCheckBox");
    click(page, "addAttributePushButton");
    auto* attributes = child<QTableWidget>(page, "attributesTableWidget");
    QCOMPARE(attributes->rowCount(), 1);
    attributes->item(0, 0)->setText(QStringLiteral("team"));
    attributes->item(0, 1)->setText(QStringLiteral("blue"));
    QTest::keyClicks(child<QPlainTextEdit>(page, "metadataPlainTextEdit"), QStringLiteral("{\"role\":\"host\"}"));
    QVERIFY(child<QLabel>(page, "metadataStatusLabel")->text().contains(QStringLiteral("Valid JSON")));
}

const QJsonObject& aliceClaims()
{
    static const QJsonObject claims =
        object("{\"sub\":\"alice\",\"name\":\"Alice\",\"metadata\":\"{\\\"role\\\":\\\"host\\\"}\","
               "\"attributes\":{\"team\":\"blue\"},"
               "\"video\":{\"roomJoin\":true,\"room\":\"standup-42\",\"canPublish\":false,"
               "\"canPublishSources\":[\"camera\",\"microphone\"],\"hidden\":true}}");
    return claims;
}

QJsonObject payloadOf(const QString& token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding)).object();
}

QString interopDir()
{
    return QDir::cleanPath(QStringLiteral(TOKENDESK_TEST_DATA_DIR "/../interop"));
}

} // namespace

class TestMintPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coreMessagesLoseTheirCommandLineHints()
    {
        QCOMPARE(ui::inUserWords(QStringLiteral("joining a room (roomJoin) needs a room name (--room)")),
                 QStringLiteral("joining a room (roomJoin) needs a room name"));
        QCOMPARE(ui::inUserWords(
                     QStringLiteral("the user ID must be 1 to 64 characters (ZEGOCLOUD error 3, userID invalid)")),
                 QStringLiteral("the user ID must be 1 to 64 characters"));
        QCOMPARE(ui::inUserWords(QStringLiteral("x invalid (error 3): y")), QStringLiteral("x invalid: y"));
        QCOMPARE(ui::inUserWords(QStringLiteral("no secret (--api-secret S or LIVEKIT_API_SECRET)")),
                 QStringLiteral("no secret (--api-secret S or LIVEKIT_API_SECRET)")); // names a variable too: kept
        QCOMPARE(ui::inUserWords(QStringLiteral("a (parenthesis) stays")), QStringLiteral("a (parenthesis) stays"));
        // On the page: the room a join needs is asked for without the CLI flag.
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        replaceText(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
        replaceText(child<QLineEdit>(page, "roomLineEdit"), QString());
        QTRY_VERIFY(!child<QPushButton>(page, "mintPushButton")->isEnabled());
        const QString status = child<QLabel>(page, "mintStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("room")) && !status.contains(QStringLiteral("--")), qPrintable(status));
        QVERIFY2(!findingsText(page).contains(QStringLiteral("--room")), qPrintable(findingsText(page)));
    }

    void composedGrantsReachTheToken()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        QCOMPARE(child<QLineEdit>(page, "roomLineEdit")->text(), QStringLiteral("standup")); // the profile's room
        QCOMPARE(child<QLineEdit>(page, "ttlLineEdit")->text(), QStringLiteral("6h")); // Settings' LiveKit default
        composeAlice(page);
        QTRY_COMPARE(formClaims(page), aliceClaims());

        // The core's lint runs before minting: sources are listed although publishing is off.
        QTRY_VERIFY2(findingCodes(page).contains(QStringLiteral("sources-without-publish")),
                     qPrintable(findingsText(page)));
        QVERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        const QString preview = child<QPlainTextEdit>(page, "claimsPreviewPlainTextEdit")->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("\"canPublish\": false")), qPrintable(preview));
        // Braces and quotes inside a string stay as they are.
        QVERIFY2(preview.contains(QStringLiteral("\"metadata\": \"{\\\"role\\\":\\\"host\\\"}\"")),
                 qPrintable(preview));
        QVERIFY(preview.indexOf(QStringLiteral("\"iss\"")) <
                preview.indexOf(QStringLiteral("\"video\""))); // token order

        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();
        QVERIFY(!token.isEmpty());
        const QJsonObject payload = payloadOf(token);
        for (auto it = aliceClaims().begin(); it != aliceClaims().end(); ++it)
            QCOMPARE(payload.value(it.key()), it.value());
        QCOMPARE(payload.value(QStringLiteral("iss")).toString(), kApiKey);
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger() - payload.value(QStringLiteral("nbf")).toInteger(),
                 6 * 3600);
        QVERIFY(child<QLabel>(page, "credentialWarningLabel")->text().contains(QStringLiteral("as alice until")));
        QCOMPARE(child<QLabel>(page, "expiryLabel")->text(), QStringLiteral("expires in 6 h 0 min"));
    }

    void mintedTokenVerifiesWithTheOfficialSdk()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const bool haveSdk = QFileInfo::exists(interopDir() + QStringLiteral("/node_modules/livekit-server-sdk"));
        if (node.isEmpty() || !haveSdk) {
            if (qEnvironmentVariableIsSet("TOKENDESK_REQUIRE_INTEROP"))
                QFAIL("node or tests/interop/node_modules is missing (run npm ci in tests/interop)");
            QSKIP("node or tests/interop/node_modules is missing (run npm ci in tests/interop)");
        }
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        composeAlice(page);
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();

        QProcess verify;
        verify.setWorkingDirectory(interopDir());
        verify.start(node,
                     {interopDir() + QStringLiteral("/lk-verify.mjs"), QStringLiteral("--key"), kApiKey,
                      QStringLiteral("--secret"), QString::fromLatin1(kApiSecret), QStringLiteral("--token"), token});
        QVERIFY(verify.waitForFinished(30000));
        const QByteArray out = verify.readAllStandardOutput();
        QVERIFY2(verify.exitCode() == 0, out.constData());
        const QJsonObject verified = QJsonDocument::fromJson(out).object();
        // What the SDK read back is exactly what the form said, claim by claim.
        const QJsonObject claims = formClaims(page);
        QCOMPARE(claims, aliceClaims());
        for (auto it = claims.begin(); it != claims.end(); ++it)
            QVERIFY2(verified.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(verified.value(QStringLiteral("iss")).toString(), kApiKey);

        // And a wrong secret fails there too, so the check above is not vacuous.
        QProcess wrong;
        wrong.start(node,
                    {interopDir() + QStringLiteral("/lk-verify.mjs"), QStringLiteral("--key"), kApiKey,
                     QStringLiteral("--secret"), QStringLiteral("not-the-secret"), QStringLiteral("--token"), token});
        QVERIFY(wrong.waitForFinished(30000));
        QCOMPARE(wrong.exitCode(), 1);
    }

    void presetsFillTheGrants_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QJsonObject>("video");
        QTest::addColumn<QString>("kind");
        QTest::newRow("viewer") << QStringLiteral("viewer")
                                << object("{\"roomJoin\":true,\"room\":\"standup\",\"canPublish\":false,"
                                          "\"canSubscribe\":true,\"canPublishData\":true}")
                                << QString();
        QTest::newRow("recorder") << QStringLiteral("recorder")
                                  << object("{\"roomJoin\":true,\"roomRecord\":true,\"room\":\"standup\","
                                            "\"canPublish\":false,\"canSubscribe\":true,\"canPublishData\":false,"
                                            "\"hidden\":true,\"recorder\":true}")
                                  << QString();
        QTest::newRow("agent") << QStringLiteral("agent")
                               << object("{\"roomJoin\":true,\"room\":\"standup\",\"canPublish\":true,"
                                         "\"canSubscribe\":true,\"canPublishData\":true,\"canUpdateOwnMetadata\":true,"
                                         "\"agent\":true}")
                               << QStringLiteral("agent");
    }

    void presetsFillTheGrants()
    {
        QFETCH(QString, preset);
        QFETCH(QJsonObject, video);
        QFETCH(QString, kind);
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        toggle(page, "sipCallCheckBox"); // not part of any role: must survive the preset
        auto* presets = child<QComboBox>(page, "presetComboBox");
        // Chosen by keyboard as a user would: the role applies at once, no second step.
        presets->setFocus();
        QTest::keyClicks(presets, presets->itemText(presets->findData(preset)).left(5));
        QCOMPARE(presets->currentData().toString(), preset);
        const QJsonObject claims = formClaims(page);
        QCOMPARE(claims.value(QStringLiteral("video")).toObject(), video);
        QCOMPARE(claims.value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(claims.value(QStringLiteral("sip")).toObject(), object("{\"call\":true}"));
        // The widgets show it, not just the claims.
        QCOMPARE(child<QAbstractButton>(page, "hiddenCheckBox")->isChecked(), video.contains(QStringLiteral("hidden")));
        QCOMPARE(child<QComboBox>(page, "canPublishComboBox")->currentText(),
                 video.value(QStringLiteral("canPublish")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"));
        // It says what it granted, and a grant changed by hand makes the role "Custom" (the grants stay).
        QVERIFY2(child<QLabel>(page, "roleSummaryLabel")->text().startsWith(QStringLiteral("Grants: join")),
                 qPrintable(child<QLabel>(page, "roleSummaryLabel")->text()));
        toggle(page, "roomAdminCheckBox");
        QCOMPARE(presets->currentData().toString(), QString());
        QVERIFY(formClaims(page).value(QStringLiteral("video")).toObject().value(QStringLiteral("roomAdmin")).toBool());
        QVERIFY(child<QLabel>(page, "roleSummaryLabel")->text().contains(QStringLiteral("admin")));
    }

    // Ctrl+Enter mints from any field; Ctrl+Shift+C and Ctrl+Shift+L copy the token and the link.
    void keyboardMintsAndCopies()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* identity = child<QLineEdit>(page, "identityLineEdit");
        identity->setFocus();
        QTest::keyClicks(identity, QStringLiteral("alice"));
        QTest::keyClick(identity, Qt::Key_Return, Qt::ControlModifier);
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();
        QVERIFY(!token.isEmpty());
        QCOMPARE(payloadOf(token).value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        QTest::keyClick(identity, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), token);
        QTest::keyClick(identity, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), child<QLineEdit>(page, "joinLinkLineEdit")->text());
        // Plain Enter in a field does not mint (no token from a half-finished form).
        QTest::keyClicks(identity, QStringLiteral("2"));
        QTest::keyClick(identity, Qt::Key_Return);
        QCOMPARE(child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText(), token);
        QGuiApplication::clipboard()->clear();

        // Tab reaches the Mint button from the form (through the visible controls, in a bounded number of steps).
        auto* mint = child<QPushButton>(page, "mintPushButton");
        identity->setFocus(Qt::TabFocusReason);
        int steps = 0;
        QStringList path;
        while (QApplication::focusWidget() != mint && steps < 60) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            path << QApplication::focusWidget()->objectName();
            ++steps;
        }
        QVERIFY2(QApplication::focusWidget() == mint, qPrintable(path.join(QLatin1Char(' '))));
    }

    // What was minted is marked out of date as soon as the form changes or another profile is picked.
    void resultGoesStaleWhenTheFormOrProfileChanges()
    {
        auto t = makeContext();
        addProfile(*t, QStringLiteral("lk-other"));
        ui::MintPage page(t->context);
        page.show();
        QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        click(page, "mintPushButton");
        auto* stale = child<QLabel>(page, "staleLabel");
        auto* token = child<QPlainTextEdit>(page, "tokenPlainTextEdit");
        QVERIFY(!stale->isVisible());
        QVERIFY(token->isEnabled());
        QTest::keyClicks(child<QLineEdit>(page, "nameLineEdit"), QStringLiteral("A"));
        QVERIFY(stale->isVisible());
        QVERIFY(!token->isEnabled());
        QVERIFY(!child<QWidget>(page, "qrCodeWidget")->isEnabled());
        click(page, "mintPushButton");
        QVERIFY(!stale->isVisible());
        QVERIFY(token->isEnabled());
        auto* profiles = child<QComboBox>(page, "profileComboBox");
        profiles->setCurrentIndex(profiles->findData(QStringLiteral("lk-other")));
        QVERIFY(stale->isVisible());
        QVERIFY(stale->text().contains(QStringLiteral("Changed since minting")));
    }

    void rawJsonRoundTrips()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        auto* raw = child<QPlainTextEdit>(page, "rawJsonPlainTextEdit");
        // The form's state is written to the raw view.
        QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("bob"));
        QTRY_VERIFY2(raw->toPlainText().contains(QStringLiteral("\"sub\": \"bob\"")), qPrintable(raw->toPlainText()));

        const QJsonObject edited =
            object("{\"sub\":\"carol\",\"name\":\"Carol\",\"kind\":\"agent\",\"metadata\":\"plain words\","
                   "\"attributes\":{\"a\":\"1\",\"b\":\"2\"},"
                   "\"video\":{\"roomJoin\":true,\"roomAdmin\":true,\"room\":\"ops\",\"canSubscribe\":false,"
                   "\"canPublishData\":false,\"canUpdateOwnMetadata\":true,\"destinationRoom\":\"overflow\"},"
                   "\"sip\":{\"call\":true},\"inference\":{\"perform\":true},\"observability\":{\"write\":true},"
                   "\"roomPreset\":\"webinar\","
                   "\"roomConfig\":{\"emptyTimeout\":60,\"agents\":[{\"agentName\":\"helper\",\"metadata\":\"{}\"}]},"
                   "\"x-ticket\":\"T-7\"}");
        raw->setPlainText(QString::fromUtf8(QJsonDocument(edited).toJson()));
        QCOMPARE(child<QLabel>(page, "rawJsonStatusLabel")->text(), QStringLiteral("Applied to the form."));
        QCOMPARE(child<QLineEdit>(page, "identityLineEdit")->text(), QStringLiteral("carol"));
        QCOMPARE(child<QLineEdit>(page, "roomLineEdit")->text(), QStringLiteral("ops"));
        QCOMPARE(child<QComboBox>(page, "canSubscribeComboBox")->currentText(), QStringLiteral("no"));
        QVERIFY(child<QComboBox>(page, "canPublishComboBox")->currentText().startsWith(QStringLiteral("unset")));
        QCOMPARE(child<QComboBox>(page, "kindComboBox")->currentData().toString(), QStringLiteral("agent"));
        QVERIFY(child<QAbstractButton>(page, "roomAdminCheckBox")->isChecked());
        QVERIFY(child<QAbstractButton>(page, "sipCallCheckBox")->isChecked());
        QVERIFY(child<QAbstractButton>(page, "observabilityWriteCheckBox")->isChecked());
        auto* agents = child<QTableWidget>(page, "agentsTableWidget");
        QCOMPARE(agents->rowCount(), 1);
        QCOMPARE(agents->item(0, 0)->text(), QStringLiteral("helper"));
        QVERIFY(child<QPlainTextEdit>(page, "roomConfigPlainTextEdit")
                    ->toPlainText()
                    .contains(QStringLiteral("emptyTimeout")));
        QVERIFY(child<QLabel>(page, "metadataStatusLabel")->text().startsWith(QStringLiteral("Plain text")));
        QVERIFY(child<QLabel>(page, "extraClaimsLabel")->text().contains(QStringLiteral("x-ticket")));
        QCOMPARE(formClaims(page), edited);
        QTRY_VERIFY(
            child<QPlainTextEdit>(page, "claimsPreviewPlainTextEdit")->toPlainText().contains(QStringLiteral("carol")));

        // Broken JSON changes nothing and says why.
        raw->setPlainText(QStringLiteral("{\"sub\": \"dave\",\n  \"name\": }"));
        QVERIFY2(child<QLabel>(page, "rawJsonStatusLabel")->text().contains(QStringLiteral("line 2")),
                 qPrintable(child<QLabel>(page, "rawJsonStatusLabel")->text()));
        QCOMPARE(child<QLineEdit>(page, "identityLineEdit")->text(), QStringLiteral("carol"));
        // Changing the TTL meanwhile does not throw the half-typed JSON away.
        replaceText(child<QLineEdit>(page, "ttlLineEdit"), QStringLiteral("1h"));
        QTest::qWait(50);
        QCOMPARE(raw->toPlainText(), QStringLiteral("{\"sub\": \"dave\",\n  \"name\": }"));
        // So does JSON the form cannot represent (LiveKit would reject the token).
        raw->setPlainText(QStringLiteral("{\"sub\": \"dave\", \"video\": {\"canPublish\": \"yes\"}}"));
        QVERIFY(child<QLabel>(page, "rawJsonStatusLabel")->text().contains(QStringLiteral("canPublish")));
        QCOMPARE(formClaims(page), edited);
    }

    void lintBlocksMintingWithTheReason()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        auto* mint = child<QPushButton>(page, "mintPushButton");
        // roomJoin is on by default and the identity is empty: LiveKit answers 400 to such a token.
        QTRY_VERIFY2(findingsText(page).contains(QStringLiteral("identity")), qPrintable(findingsText(page)));
        QVERIFY(!mint->isEnabled());
        QVERIFY(child<QLabel>(page, "mintStatusLabel")->text().contains(QStringLiteral("identity cannot be empty")));
        // Nothing typed yet: what is missing is still to do, not an error in red.
        QVERIFY2(child<QLabel>(page, "mintStatusLabel")->text().startsWith(QStringLiteral("To mint:")),
                 qPrintable(child<QLabel>(page, "mintStatusLabel")->text()));
        QVERIFY2(findingsText(page).contains(QStringLiteral("needed:")) &&
                     !findingsText(page).contains(QStringLiteral("error:")),
                 qPrintable(findingsText(page)));
        // Once the form is touched, the same problem is an error.
        QTest::keyClick(child<QLineEdit>(page, "identityLineEdit"), Qt::Key_Space);
        QTest::keyClick(child<QLineEdit>(page, "identityLineEdit"), Qt::Key_Backspace);
        QTRY_VERIFY2(child<QLabel>(page, "mintStatusLabel")->text().startsWith(QStringLiteral("Cannot mint:")),
                     qPrintable(child<QLabel>(page, "mintStatusLabel")->text()));
        QVERIFY2(findingsText(page).contains(QStringLiteral("error:")), qPrintable(findingsText(page)));
        click(page, "randomIdentityPushButton");
        QVERIFY(child<QLineEdit>(page, "identityLineEdit")->text().startsWith(QStringLiteral("participant-")));
        QTRY_VERIFY(mint->isEnabled());

        // A TTL in the wrong syntax: the error is shown next to the field and blocks minting.
        replaceText(child<QLineEdit>(page, "ttlLineEdit"), QStringLiteral("6x"));
        QTRY_VERIFY(!mint->isEnabled());
        QVERIFY(child<QLabel>(page, "ttlStatusLabel")->text().contains(QStringLiteral("unknown unit")));
        // The preview says why there is none, instead of keeping the claims (or error) of an earlier form.
        const auto* preview = child<QPlainTextEdit>(page, "claimsPreviewPlainTextEdit");
        QVERIFY2(preview->toPlainText().startsWith(QStringLiteral("No preview: TTL: invalid duration")),
                 qPrintable(preview->toPlainText()));
        replaceText(child<QLineEdit>(page, "ttlLineEdit"), QStringLiteral("90m"));
        QTRY_VERIFY(mint->isEnabled());
        QCOMPARE(child<QLabel>(page, "ttlStatusLabel")->text(), QStringLiteral("= 1h30m"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("\"exp\"")));

        // Half-typed roomConfig JSON is not silently left out of the token.
        QTest::keyClicks(child<QPlainTextEdit>(page, "roomConfigPlainTextEdit"), QStringLiteral("{\"emptyTimeout\": "));
        QTRY_VERIFY(!mint->isEnabled());
        QVERIFY(child<QLabel>(page, "mintStatusLabel")->text().contains(QStringLiteral("roomConfig")));
        QTest::keyClicks(child<QPlainTextEdit>(page, "roomConfigPlainTextEdit"), QStringLiteral("\"soon\"}"));
        // Valid JSON now, but the core's check refuses a string where seconds belong.
        QTRY_VERIFY(child<QLabel>(page, "roomConfigCheckLabel")->text().contains(QStringLiteral("whole number")));
        QTRY_VERIFY(!mint->isEnabled());
    }

    void missingProfileOrSecretSaysWhatToDo()
    {
        test::TestContext t(QDateTime::currentSecsSinceEpoch());
        ui::MintPage page(t.context);
        page.show();
        auto* status = child<QLabel>(page, "mintStatusLabel");
        QTRY_VERIFY2(status->text().contains(QStringLiteral("Profiles page")), qPrintable(status->text()));
        QVERIFY(!child<QPushButton>(page, "mintPushButton")->isEnabled());

        // A profile saved without its secret (the keychain lost it): the page says where to put it back.
        credentials::Profile p;
        p.name = QStringLiteral("bare");
        p.apiKey = kApiKey;
        QVERIFY(t.profiles.save(p, {}));
        QCOMPARE(child<QComboBox>(page, "profileComboBox")->currentData().toString(), QStringLiteral("bare"));
        QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("none is stored")), qPrintable(status->text()));
        QVERIFY(!child<QPushButton>(page, "mintPushButton")->isEnabled());
    }

    void joinLinkQrCodeAndExpiry()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();
        const QString link = child<QLineEdit>(page, "joinLinkLineEdit")->text();
        QCOMPARE(link,
                 QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=wss%3A%2F%2Fexample.livekit.cloud&token=") +
                     token);
        QVERIFY(child<QLineEdit>(page, "joinLinkLineEdit")->isReadOnly());
        QVERIFY(child<QPlainTextEdit>(page, "tokenPlainTextEdit")->isReadOnly());
        QVERIFY(
            child<QLabel>(page, "credentialWarningLabel")->text().startsWith(QStringLiteral("Anyone with this link")));

        click(page, "openLinkPushButton");
        QCOMPARE(t->dialogs.openedUrls.size(), 1);
        QCOMPARE(t->dialogs.openedUrls.first().toString(QUrl::FullyEncoded), link);

        const auto* qr = child<ui::QrCodeWidget>(page, "qrCodeWidget");
        QVERIFY(qr->isVisible());
        QCOMPARE(qr->matrix().modules, ui::encodeQr(link.toUtf8())->modules);

        // The countdown follows the clock and ends in "expired".
        QCOMPARE(child<QLabel>(page, "expiryLabel")->text(), QStringLiteral("expires in 6 h 0 min"));
        t->clock.set(t->clock.nowSeconds() + 6 * 3600 - 61);
        QTRY_COMPARE(child<QLabel>(page, "expiryLabel")->text(), QStringLiteral("expires in 1 min 1 s"));
        t->clock.set(t->clock.nowSeconds() + 61);
        QTRY_COMPARE(child<QLabel>(page, "expiryLabel")->text(), QStringLiteral("expired"));
    }

    void copyIsClearedAfterTheCountdown()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        QTest::keyClicks(child<QLineEdit>(page, "identityLineEdit"), QStringLiteral("alice"));
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();
        QClipboard* clipboard = QGuiApplication::clipboard();

        click(page, "copyTokenPushButton");
        QCOMPARE(clipboard->text(), token);
        // Marked as a secret for clipboard managers that honour KDE's hint.
        QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArrayLiteral("secret"));
        // Said in a toast over the window, which takes no room in the layout.
        const auto* toast = page.findChild<QLabel*>(QStringLiteral("toastLabel"));
        QVERIFY(toast && toast->isVisible());
        QCOMPARE(toast->text(), QStringLiteral("Token copied. The clipboard is cleared in 2 s."));
        QTRY_VERIFY_WITH_TIMEOUT(clipboard->text().isEmpty(), 5000);

        // Something the user copied meanwhile is theirs: it stays.
        click(page, "copyLinkPushButton");
        QVERIFY(clipboard->text().startsWith(QStringLiteral("https://meet.livekit.io/custom?")));
        QCOMPARE(toast->text(), QStringLiteral("Join link copied. The clipboard is cleared in 2 s."));
        clipboard->setText(QStringLiteral("my own notes"));
        QTest::qWait(3000);
        QCOMPARE(clipboard->text(), QStringLiteral("my own notes"));
    }

    void historyKeepsMetadataNotTheToken()
    {
        auto t = makeContext();
        ui::MintPage page(t->context);
        page.show();
        composeAlice(page);
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());
        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();

        auto entries = t->history.load();
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        const history::HistoryEntry& e = entries->first();
        QCOMPARE(e.provider, Provider::LiveKit);
        QCOMPARE(e.profile, QStringLiteral("lk-dev"));
        QCOMPARE(e.identity, QStringLiteral("alice"));
        QCOMPARE(e.room, QStringLiteral("standup-42"));
        QVERIFY2(e.summary.contains(QStringLiteral("no publish")) && e.summary.contains(QStringLiteral("hidden")),
                 qPrintable(e.summary));
        QCOMPARE(e.createdAt, t->clock.nowSeconds());
        QCOMPARE(e.expiresAt, t->clock.nowSeconds() + 6 * 3600);
        QVERIFY(e.token.isEmpty());
        QVERIFY(!QString::fromUtf8(QJsonDocument(e.plan).toJson()).contains(token));
        const auto plan = mint::MintPlan::fromJson(e.plan);
        QVERIFY(plan.has_value());
        QCOMPARE(plan->claims, aliceClaims());
        QCOMPARE(plan->ttlSeconds, 6 * 3600);

        // With the setting on, the token is kept too.
        t->settings.setHistoryStoresTokens(true);
        click(page, "mintPushButton");
        entries = t->history.load();
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->first().token, child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText());
    }

    void noRedBeforeAnyInputOnAnyForm()
    {
        // A fresh form of each provider: what is missing is listed as needed, nothing is marked as a mistake yet.
        auto t = makeContext();
        credentials::Profile jitsi;
        jitsi.name = QStringLiteral("meet");
        jitsi.provider = Provider::Jitsi;
        jitsi.appId = QStringLiteral("tokendesk");
        QVERIFY(t->profiles.save(jitsi, {{QStringLiteral("appSecret"), QByteArrayLiteral("a-prosody-app-secret")}}));
        credentials::Profile zego;
        zego.name = QStringLiteral("zg");
        zego.provider = Provider::Zego;
        zego.appId = QStringLiteral("1234567890");
        QVERIFY(t->profiles.save(
            zego, {{QStringLiteral("serverSecret"), QByteArrayLiteral("0123456789abcdef0123456789abcdef")}}));
        credentials::Profile stream;
        stream.name = QStringLiteral("st");
        stream.provider = Provider::Stream;
        stream.apiKey = QStringLiteral("streamkey");
        QVERIFY(t->profiles.save(stream, {{QStringLiteral("apiSecret"), QByteArrayLiteral("stream-secret")}}));
        for (const QString& profile : {QStringLiteral("meet"), QStringLiteral("zg"), QStringLiteral("st")}) {
            t->settings.setLastMintProfile(profile); // opened on it, as after a restart
            ui::MintPage page(t->context);
            page.show();
            QTRY_VERIFY2(!findingsText(page).isEmpty(), qPrintable(profile));
            QVERIFY2(child<QLabel>(page, "mintStatusLabel")->text().startsWith(QStringLiteral("To mint:")),
                     qPrintable(profile + QStringLiteral(": ") + child<QLabel>(page, "mintStatusLabel")->text()));
            QVERIFY2(!findingsText(page).contains(QStringLiteral("error:")),
                     qPrintable(profile + QStringLiteral(": ") + findingsText(page)));
            for (const ui::ErrorLabel* label : page.findChildren<ui::ErrorLabel*>()) {
                QVERIFY2(!label->isVisibleTo(&page) || !label->isError(),
                         qPrintable(profile + QStringLiteral(": ") + label->objectName() + QStringLiteral(": ") +
                                    label->text()));
            }
        }
    }

    void otherProvidersGetTheirForms()
    {
        auto t = makeContext();
        credentials::Profile jitsi;
        jitsi.name = QStringLiteral("meet");
        jitsi.provider = Provider::Jitsi;
        jitsi.appId = QStringLiteral("tokendesk");
        jitsi.serverUrl = QStringLiteral("https://meet.example.org");
        QVERIFY(t->profiles.save(jitsi, {{QStringLiteral("appSecret"), QByteArrayLiteral("a-prosody-app-secret")}}));
        credentials::Profile zego;
        zego.name = QStringLiteral("zg");
        zego.provider = Provider::Zego;
        zego.appId = QStringLiteral("1234567890");
        QVERIFY(t->profiles.save(
            zego, {{QStringLiteral("serverSecret"), QByteArrayLiteral("0123456789abcdef0123456789abcdef")}}));
        ui::MintPage page(t->context);
        page.show();
        auto* profiles = child<QComboBox>(page, "profileComboBox");
        auto* raw = child<QPlainTextEdit>(page, "rawJsonPlainTextEdit");
        auto* mint = child<QPushButton>(page, "mintPushButton");

        profiles->setCurrentIndex(profiles->findData(QStringLiteral("meet")));
        QVERIFY(child<QWidget>(page, "jitsiForm")->isVisible());
        QVERIFY(!child<QWidget>(page, "liveKitForm")->isVisible());
        QVERIFY(child<QSpinBox>(page, "notBeforeSpinBox")->isVisible());
        QCOMPARE(child<QLineEdit>(page, "ttlLineEdit")->text(), QStringLiteral("2h"));
        raw->setPlainText(
            QStringLiteral("{\"room\": \"daily\", \"context\": {\"user\": {\"id\": \"ann\", \"name\": \"Ann\"}}}"));
        QCOMPARE(child<QLabel>(page, "rawJsonStatusLabel")->text(), QStringLiteral("Applied to the form."));
        QTRY_VERIFY2(mint->isEnabled(), qPrintable(child<QLabel>(page, "mintStatusLabel")->text()));
        click(page, "mintPushButton");
        const QString token = child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText();
        QCOMPARE(child<QLineEdit>(page, "joinLinkLineEdit")->text(),
                 QStringLiteral("https://meet.example.org/daily?jwt=") + token);
        const QJsonObject payload = payloadOf(token);
        QCOMPARE(payload.value(QStringLiteral("room")).toString(), QStringLiteral("daily"));
        QCOMPARE(payload.value(QStringLiteral("nbf")).toInteger(), t->clock.nowSeconds() - 10); // back-dated
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger(), t->clock.nowSeconds() + 7200);

        profiles->setCurrentIndex(profiles->findData(QStringLiteral("zg")));
        QVERIFY(child<QWidget>(page, "zegoForm")->isVisible());
        QVERIFY(!child<QSpinBox>(page, "notBeforeSpinBox")->isVisible());
        raw->setPlainText(QStringLiteral("{\"user_id\": \"u1\", \"payload\": \"\", \"cipher\": \"cbc\"}"));
        QTRY_VERIFY2(mint->isEnabled(), qPrintable(child<QLabel>(page, "mintStatusLabel")->text()));
        click(page, "mintPushButton");
        QVERIFY(child<QPlainTextEdit>(page, "tokenPlainTextEdit")->toPlainText().startsWith(QStringLiteral("04")));
        QVERIFY(child<QLineEdit>(page, "joinLinkLineEdit")->text().isEmpty());
        QVERIFY(child<QLabel>(page, "credentialWarningLabel")->text().contains(QStringLiteral("as u1 until")));
    }

    void loadPlanRefillsTheForm()
    {
        auto t = makeContext();
        addProfile(*t, QStringLiteral("lk-prod"), QStringLiteral("prod"));
        ui::MintPage page(t->context);
        page.show();
        auto* profiles = child<QComboBox>(page, "profileComboBox");
        profiles->setCurrentIndex(profiles->findData(QStringLiteral("lk-prod")));
        QVERIFY(child<QLabel>(page, "prodWarningLabel")->isVisible());

        mint::MintPlan plan;
        plan.provider = Provider::LiveKit;
        plan.profile = QStringLiteral("lk-dev");
        plan.ttlSeconds = 7200;
        plan.claims = object("{\"sub\":\"erin\",\"video\":{\"roomJoin\":true,\"room\":\"retro\",\"canPublish\":false},"
                             "\"attributes\":{\"desk\":\"7\"}}");
        page.loadPlan(plan);
        QCOMPARE(profiles->currentData().toString(), QStringLiteral("lk-dev"));
        QVERIFY(!child<QLabel>(page, "prodWarningLabel")->isVisible());
        QCOMPARE(child<QLineEdit>(page, "ttlLineEdit")->text(), QStringLiteral("2h"));
        QCOMPARE(child<QLineEdit>(page, "identityLineEdit")->text(), QStringLiteral("erin"));
        QCOMPARE(child<QLineEdit>(page, "roomLineEdit")->text(), QStringLiteral("retro"));
        QCOMPARE(child<QTableWidget>(page, "attributesTableWidget")->item(0, 1)->text(), QStringLiteral("7"));
        QCOMPARE(formClaims(page), plan.claims);
        const auto current = page.currentPlan();
        QVERIFY(current.has_value());
        QCOMPARE(current->toJson(), plan.toJson());
        QTRY_VERIFY(child<QPushButton>(page, "mintPushButton")->isEnabled());

        // A plan whose profile is gone says so instead of minting with another one.
        plan.profile = QStringLiteral("deleted");
        page.loadPlan(plan);
        QCOMPARE(t->dialogs.errors.size(), 1);
        QVERIFY(t->dialogs.errors.first().contains(QStringLiteral("deleted")));
    }
};

QTEST_MAIN(TestMintPage)
#include "tst_mint_page.moc"
