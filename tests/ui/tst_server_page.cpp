// SPDX-License-Identifier: MIT
// (No raw string literals here: Qt 6.4's moc misreads those that contain "//".)
// The Server page driven as a user would: endpoints bound to a profile, policy, origins, bearer keys, start and
// stop, then real HTTP requests against the bound URL, the request log and its filter, snippets and server.json.
#include "core/credentials/Profile.h"
#include "core/jwt/Jwt.h"
#include "core/server/BearerKeys.h"
#include "core/server/ProfileCredentials.h"
#include "core/server/ServerConfig.h"
#include "tests/support/Children.h"
#include "tests/support/TestContext.h"
#include "ui/common/ErrorLabel.h"
#include "ui/server/ServerPage.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTabWidget>
#include <QTest>

using namespace td;
using test::childOnItsTab;

namespace {

const QByteArray kSecret = "lk-secret-0123456789abcdef0123456789abcdef";
const QByteArray kZegoSecret = "0123456789abcdef0123456789abcdef";

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray allowOrigin;
};

Reply get(const QString& url, const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request{QUrl(url)};
    for (const auto& [k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply* reply = nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
              reply->rawHeader("Access-Control-Allow-Origin")};
    delete reply;
    return out;
}

void click(QWidget* button)
{
    // Near the left edge: a check box only reacts on its box and label, not across its whole width.
    if (qobject_cast<QCheckBox*>(button))
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    else
        QTest::mouseClick(button, Qt::LeftButton);
}

void replaceText(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

/** Picks the item whose data is `data` with the keyboard, as a user would (so `activated` fires). */
bool choose(QComboBox* combo, const QString& data)
{
    const int target = combo->findData(data);
    if (target < 0)
        return false;
    combo->setFocus();
    for (int guard = 0; combo->currentIndex() != target && guard < 20; ++guard)
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    return combo->currentIndex() == target;
}

QStringList comboData(const QComboBox* combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemData(i).toString();
    return out;
}

bool portIsFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

/** Waits for the page to save and check the config after an edit; returns whether it was valid. */
bool waitApplied(QSignalSpy& spy)
{
    if (spy.isEmpty() && !spy.wait(3000))
        qFatal("the page did not apply the edit");
    const bool valid = spy.last().at(0).toBool();
    spy.clear();
    return valid;
}

} // namespace

class TestServerPage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestContext> m_ctx;
    std::unique_ptr<ui::ServerPage> m_page;

    void saveProfile(const QString& name, Provider provider, const QHash<QString, QByteArray>& secrets)
    {
        credentials::Profile p;
        p.name = name;
        p.provider = provider;
        p.apiKey = QStringLiteral("devkey");
        p.appId = QStringLiteral("1234567890");
        p.serverUrl = QStringLiteral("wss://demo.livekit.cloud");
        QVERIFY(m_ctx->profiles.save(p, secrets));
    }

    /** A page with one livekit-get endpoint at `path`, bound to lk-dev, on port `port`, applied. */
    void pageWithEndpoint(const QString& path, int port = 0)
    {
        m_page = std::make_unique<ui::ServerPage>(m_ctx->context);
        m_page->show();
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QVERIFY(applied.wait(3000)); // the page checks what it loaded
        applied.clear();
        click(childOnItsTab<QPushButton>(*m_page, "addEndpointPushButton"));
        QCOMPARE(childOnItsTab<QTableWidget>(*m_page, "endpointsTableWidget")->rowCount(), 1);
        QCOMPARE(childOnItsTab<QComboBox>(*m_page, "profileComboBox")->currentData().toString(),
                 QStringLiteral("lk-dev"));
        replaceText(childOnItsTab<QLineEdit>(*m_page, "pathLineEdit"), path);
        childOnItsTab<QSpinBox>(*m_page, "portSpinBox")->setValue(port);
        QVERIFY(waitApplied(applied));
    }

    void startFromGui()
    {
        click(childOnItsTab<QPushButton>(*m_page, "startStopPushButton"));
        QVERIFY2(m_page->isRunning(), qPrintable(childOnItsTab<QLabel>(*m_page, "statusLabel")->text()));
        QVERIFY(m_page->url().startsWith(QStringLiteral("http://127.0.0.1:")));
    }

private Q_SLOTS:
    void init()
    {
        m_ctx = std::make_unique<test::TestContext>();
        saveProfile(QStringLiteral("lk-dev"), Provider::LiveKit, {{QStringLiteral("apiSecret"), kSecret}});
    }

    void cleanup()
    {
        m_page.reset();
        m_ctx.reset();
    }

    void servesTokensAndLogsRequests()
    {
        pageWithEndpoint(QStringLiteral("/token"));
        auto* room = childOnItsTab<QLineEdit>(*m_page, "roomPatternLineEdit");
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QTest::keyClicks(room, QStringLiteral("demo-[a-z0-9-]+"));
        QVERIFY(waitApplied(applied));
        startFromGui();
        QCOMPARE(childOnItsTab<QPushButton>(*m_page, "startStopPushButton")->text().remove(QLatin1Char('&')),
                 QStringLiteral("Stop server"));
        QVERIFY(childOnItsTab<QLabel>(*m_page, "urlLabel")->text().contains(m_page->url()));

        const Reply ok = get(m_page->url() + QStringLiteral("/token?room=demo-room&identity=alice"));
        QCOMPARE(ok.status, 200);
        const auto jwt = jwt::decode(ok.body);
        QVERIFY2(jwt, ok.body.constData());
        QCOMPARE(jwt->payload.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        QCOMPARE(jwt->payload.value(QStringLiteral("iss")).toString(), QStringLiteral("devkey"));
        QCOMPARE(jwt->payload.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("demo-room"));
        // The room pattern typed into the policy editor is the server's policy.
        QCOMPARE(get(m_page->url() + QStringLiteral("/token?room=other&identity=bob")).status, 403);

        auto* log = childOnItsTab<QTableView>(*m_page, "logTableView");
        QTRY_COMPARE(log->model()->rowCount(), 2);
        QString logText;
        for (int r = 0; r < log->model()->rowCount(); ++r) {
            for (int c = 0; c < log->model()->columnCount(); ++c)
                logText += log->model()->index(r, c).data().toString() + QLatin1Char(' ');
        }
        QVERIFY(logText.contains(QStringLiteral("/token")));
        QVERIFY(logText.contains(QStringLiteral("403")));
        QVERIFY(!logText.contains(QString::fromLatin1(ok.body)));
        auto* filter = childOnItsTab<QLineEdit>(*m_page, "logFilterLineEdit");
        QTest::keyClicks(filter, QStringLiteral("ALICE"));
        QCOMPARE(log->model()->rowCount(), 1);
        QCOMPARE(log->model()->index(0, 3).data().toString(), QStringLiteral("200"));
        QTest::keyClicks(filter, QStringLiteral("-nobody"));
        QCOMPARE(log->model()->rowCount(), 0);
        filter->clear();
        QCOMPARE(log->model()->rowCount(), 2);

        // The curl line is ready to run: its URL is the bound one, and it gets a token.
        const QString curl = childOnItsTab<QPlainTextEdit>(*m_page, "curlPlainTextEdit")->toPlainText();
        QVERIFY2(curl.contains(m_page->url() + QStringLiteral("/token?")), qPrintable(curl));
        QVERIFY(!curl.contains(QStringLiteral("Authorization")));
        const auto url = QRegularExpression(QStringLiteral("'(http[^']+)'")).match(curl);
        QVERIFY(url.hasMatch());
        QCOMPARE(get(url.captured(1)).status, 200);
        const QString fetch = childOnItsTab<QPlainTextEdit>(*m_page, "fetchPlainTextEdit")->toPlainText();
        QVERIFY(fetch.contains(QStringLiteral("fetch(\"") + m_page->url() + QStringLiteral("/token\"")));
        QVERIFY(fetch.contains(QStringLiteral("response.text()")));

        const auto port = static_cast<quint16>(QUrl(m_page->url()).port());
        QVERIFY(!portIsFree(port));
        click(childOnItsTab<QPushButton>(*m_page, "startStopPushButton"));
        QVERIFY(!m_page->isRunning());
        QVERIFY(portIsFree(port));
        QVERIFY(m_page->url().isEmpty());
        // And it starts again.
        startFromGui();
        QCOMPARE(get(m_page->url() + QStringLiteral("/token?room=demo-room&identity=alice")).status, 200);
    }

    void originsAndBearerKeys()
    {
        pageWithEndpoint(QStringLiteral("/getToken"));
        startFromGui();
        const QString tokenUrl = m_page->url() + QStringLiteral("/getToken?room=r&identity=alice");
        auto* origin = childOnItsTab<QLineEdit>(*m_page, "originLineEdit");
        auto* add = childOnItsTab<QPushButton>(*m_page, "addOriginPushButton");
        auto* origins = childOnItsTab<QListWidget>(*m_page, "originsListWidget");
        auto* originError = childOnItsTab<QLabel>(*m_page, "originErrorLabel");
        QTest::keyClicks(origin, QStringLiteral("localhost:3000"));
        click(add);
        QVERIFY(originError->isVisibleTo(m_page.get()));
        QVERIFY(originError->text().contains(QStringLiteral("localhost:3000")));
        QCOMPARE(origins->count(), 0);
        replaceText(origin, QStringLiteral("https://*.example.com"));
        click(add);
        QVERIFY(originError->text().contains(QStringLiteral("Wildcards")));
        QCOMPARE(origins->count(), 0);

        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        replaceText(origin, QStringLiteral("HTTP://LocalHost:3000"));
        click(add);
        QVERIFY(!originError->isVisibleTo(m_page.get()));
        QCOMPARE(origins->count(), 1);
        QCOMPARE(origins->item(0)->text(), QStringLiteral("http://localhost:3000"));
        QVERIFY(waitApplied(applied));
        const Reply allowed = get(tokenUrl, {{"Origin", "http://localhost:3000"}});
        QCOMPARE(allowed.status, 200);
        QCOMPARE(allowed.allowOrigin, QByteArray("http://localhost:3000"));
        QCOMPARE(get(tokenUrl, {{"Origin", "http://evil.example"}}).status, 403);

        QCOMPARE(get(tokenUrl).status, 200);
        QTest::keyClicks(childOnItsTab<QLineEdit>(*m_page, "keyNameLineEdit"), QStringLiteral("web-dev"));
        click(childOnItsTab<QPushButton>(*m_page, "generateKeyPushButton"));
        QVERIFY(waitApplied(applied));
        auto* keys = childOnItsTab<QTableWidget>(*m_page, "keysTableWidget");
        QCOMPARE(keys->rowCount(), 1);
        QCOMPARE(keys->item(0, 1)->text(), QStringLiteral("TOKENDESK_KEY_WEB_DEV"));
        auto* newKey = childOnItsTab<QLineEdit>(*m_page, "newKeyLineEdit");
        QCOMPARE(newKey->echoMode(), QLineEdit::Password);
        const QByteArray key = newKey->text().toLatin1();
        QCOMPARE(key.size(), 43);
        for (int c = 0; c < keys->columnCount(); ++c)
            QVERIFY(!keys->item(0, c)->text().contains(QString::fromLatin1(key)));
        auto stored = m_ctx->secrets.read(server::bearerKeySecretName(QStringLiteral("TOKENDESK_KEY_WEB_DEV")));
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->view().toByteArray(), key);

        // The running server requires the key from now on.
        QCOMPARE(get(tokenUrl).status, 401);
        QCOMPARE(get(tokenUrl, {{"Authorization", "Bearer wrong-key-0123456789"}}).status, 401);
        QCOMPARE(get(tokenUrl, {{"Authorization", "Bearer " + key}}).status, 200);

        // Snippets carry the header, masked until revealed; copying goes through the clipboard guard.
        auto* curl = childOnItsTab<QPlainTextEdit>(*m_page, "curlPlainTextEdit");
        QVERIFY(curl->toPlainText().contains(QStringLiteral("Authorization: Bearer ")));
        QVERIFY(!curl->toPlainText().contains(QString::fromLatin1(key)));
        click(childOnItsTab<QCheckBox>(*m_page, "revealKeyCheckBox"));
        QVERIFY(curl->toPlainText().contains(QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(key)));
        QVERIFY(childOnItsTab<QPlainTextEdit>(*m_page, "fetchPlainTextEdit")
                    ->toPlainText()
                    .contains(QString::fromLatin1(key)));
        click(childOnItsTab<QCheckBox>(*m_page, "revealKeyCheckBox"));
        QVERIFY(!curl->toPlainText().contains(QString::fromLatin1(key)));
        click(childOnItsTab<QPushButton>(*m_page, "copyCurlPushButton"));
        QVERIFY(m_ctx->clipboard.secondsLeft() > 0);
        QVERIFY(QGuiApplication::clipboard()->text().contains(QString::fromLatin1(key)));

        // server.json names the variable, never the key.
        QFile saved(m_page->configPath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray json = saved.readAll();
        QVERIFY(json.contains("TOKENDESK_KEY_WEB_DEV"));
        QVERIFY(!json.contains(key));

        auto* removeKey = childOnItsTab<QPushButton>(*m_page, "removeKeyPushButton");
        keys->selectRow(0);
        QVERIFY(removeKey->isEnabled());
        click(removeKey);
        QVERIFY(waitApplied(applied));
        QCOMPARE(keys->rowCount(), 0);
        QCOMPARE(get(tokenUrl).status, 200);
    }

    void portInUseShowsTheError()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        pageWithEndpoint(QStringLiteral("/getToken"), blocker.serverPort());
        click(childOnItsTab<QPushButton>(*m_page, "startStopPushButton"));
        QVERIFY(!m_page->isRunning());
        auto* listenError = childOnItsTab<QLabel>(*m_page, "listenErrorLabel");
        QVERIFY(listenError->isVisibleTo(m_page.get()));
        QVERIFY2(listenError->text().contains(QString::number(blocker.serverPort())), qPrintable(listenError->text()));
        QVERIFY(childOnItsTab<QLabel>(*m_page, "statusLabel")->isVisibleTo(m_page.get()));
        QCOMPARE(childOnItsTab<QPushButton>(*m_page, "startStopPushButton")->text().remove(QLatin1Char('&')),
                 QStringLiteral("Start server"));
        // Once the port is free the same button starts it.
        const quint16 port = blocker.serverPort();
        blocker.close();
        click(childOnItsTab<QPushButton>(*m_page, "startStopPushButton"));
        QVERIFY(m_page->isRunning());
        QCOMPARE(QUrl(m_page->url()).port(), int(port));
        QVERIFY(!listenError->isVisibleTo(m_page.get()));
    }

    void anEmptyConfigIsPointedAtNotRedAndNothingMoves()
    {
        m_page = std::make_unique<ui::ServerPage>(m_ctx->context);
        m_page->resize(1024, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QVERIFY(!waitApplied(applied)); // nothing to serve yet
        auto* note = childOnItsTab<ui::ErrorLabel>(*m_page, "endpointErrorLabel");
        QVERIFY(note->isVisibleTo(m_page.get()));
        QVERIFY2(!note->isError(), qPrintable(note->text()));
        auto* add = childOnItsTab<QPushButton>(*m_page, "addEndpointPushButton");
        const QPoint before = add->mapTo(m_page.get(), QPoint());
        click(add);
        QVERIFY(waitApplied(applied));
        QApplication::processEvents();
        QVERIFY(!note->isVisibleTo(m_page.get()));
        QCOMPARE(add->mapTo(m_page.get(), QPoint()), before);
    }

    void configErrorsAppearBesideTheirControl()
    {
        pageWithEndpoint(QStringLiteral("/getToken"));
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        auto* policyError = childOnItsTab<QLabel>(*m_page, "policyErrorLabel");
        auto* endpointError = childOnItsTab<QLabel>(*m_page, "endpointErrorLabel");
        auto* table = childOnItsTab<QTableWidget>(*m_page, "endpointsTableWidget");
        QVERIFY(!policyError->isVisibleTo(m_page.get()));

        QTest::keyClicks(childOnItsTab<QLineEdit>(*m_page, "maxTtlLineEdit"), QStringLiteral("soon"));
        QVERIFY(!waitApplied(applied));
        QVERIFY(policyError->isVisibleTo(m_page.get()));
        QVERIFY2(policyError->text().startsWith(QStringLiteral("Max TTL: ")), qPrintable(policyError->text()));
        QVERIFY(!table->item(0, 0)->toolTip().isEmpty());
        // Starting with an error does not start, and says why.
        click(childOnItsTab<QPushButton>(*m_page, "startStopPushButton"));
        QVERIFY(!m_page->isRunning());
        QVERIFY(policyError->isVisibleTo(m_page.get()));
        replaceText(childOnItsTab<QLineEdit>(*m_page, "maxTtlLineEdit"), QStringLiteral("2h"));
        QVERIFY(waitApplied(applied));
        QVERIFY(!policyError->isVisibleTo(m_page.get()));
        QVERIFY(table->item(0, 0)->toolTip().isEmpty());

        replaceText(childOnItsTab<QLineEdit>(*m_page, "pathLineEdit"), QStringLiteral("getToken"));
        QVERIFY(!waitApplied(applied));
        QVERIFY(endpointError->isVisibleTo(m_page.get()));
        QVERIFY2(endpointError->text().startsWith(QStringLiteral("Path: ")), qPrintable(endpointError->text()));
        replaceText(childOnItsTab<QLineEdit>(*m_page, "pathLineEdit"), QStringLiteral("/getToken"));
        QVERIFY(waitApplied(applied));
        QVERIFY(!endpointError->isVisibleTo(m_page.get()));

        replaceText(childOnItsTab<QLineEdit>(*m_page, "bindLineEdit"), QStringLiteral("localhost-ish"));
        QVERIFY(!waitApplied(applied));
        auto* listenError = childOnItsTab<QLabel>(*m_page, "listenErrorLabel");
        QVERIFY2(listenError->text().startsWith(QStringLiteral("Address: ")), qPrintable(listenError->text()));

        // A profile that is removed later is named as the problem, beside the profile picker.
        replaceText(childOnItsTab<QLineEdit>(*m_page, "bindLineEdit"), QStringLiteral("127.0.0.1"));
        QVERIFY(waitApplied(applied));
        QVERIFY(m_ctx->profiles.remove(QStringLiteral("lk-dev")));
        QVERIFY(!waitApplied(applied));
        QVERIFY2(endpointError->text().contains(QStringLiteral("lk-dev")), qPrintable(endpointError->text()));
    }

    void profilePickerFollowsTheType()
    {
        saveProfile(QStringLiteral("zg"), Provider::Zego, {{QStringLiteral("serverSecret"), kZegoSecret}});
        pageWithEndpoint(QStringLiteral("/getToken"));
        auto* profile = childOnItsTab<QComboBox>(*m_page, "profileComboBox");
        QVERIFY(comboData(profile).contains(QStringLiteral("lk-dev")));
        QVERIFY(!comboData(profile).contains(QStringLiteral("zg")));
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QVERIFY(choose(childOnItsTab<QComboBox>(*m_page, "typeComboBox"), QStringLiteral("zego-get")));
        QVERIFY(waitApplied(applied));
        QCOMPARE(profile->currentData().toString(), QStringLiteral("zg"));
        QVERIFY(!comboData(profile).contains(QStringLiteral("lk-dev")));
        auto* table = childOnItsTab<QTableWidget>(*m_page, "endpointsTableWidget");
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("zego-get"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("zg"));
        // The policy editor shows what the new type understands.
        auto* fields = childOnItsTab<QListWidget>(*m_page, "allowedFieldsListWidget");
        QStringList names;
        for (int i = 0; i < fields->count(); ++i)
            names << fields->item(i)->text();
        QCOMPARE(names, server::parseEndpointType(QStringLiteral("zego-get"))->requestFields());
        QVERIFY(!childOnItsTab<QListWidget>(*m_page, "grantsListWidget")->isVisibleTo(m_page.get()));

        startFromGui();
        const Reply zego = get(m_page->url() + QStringLiteral("/getToken?userID=alice"));
        QCOMPARE(zego.status, 200);
        QVERIFY(QJsonDocument::fromJson(zego.body)
                    .object()
                    .value(QStringLiteral("token"))
                    .toString()
                    .startsWith(QStringLiteral("04")));

        // The environment is always a choice; a profile added elsewhere appears at once.
        QVERIFY(choose(profile, QString()));
        QVERIFY(!waitApplied(applied)); // no ZEGO_* variables here
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("environment variables"));
        saveProfile(QStringLiteral("zg2"), Provider::Zego, {{QStringLiteral("serverSecret"), kZegoSecret}});
        QVERIFY(comboData(profile).contains(QStringLiteral("zg2")));
    }

    void rolesTypedInThePolicyEditorAreTheOnlyOnesServed()
    {
        saveProfile(QStringLiteral("hm"), Provider::Hms, {{QStringLiteral("apiSecret"), QByteArrayLiteral("hms-s")}});
        pageWithEndpoint(QStringLiteral("/getToken"));
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QVERIFY(choose(childOnItsTab<QComboBox>(*m_page, "typeComboBox"), QStringLiteral("100ms-get")));
        QVERIFY(waitApplied(applied));
        auto* roles = childOnItsTab<QLineEdit>(*m_page, "rolesLineEdit");
        QVERIFY(roles->isVisibleTo(m_page.get())); // 100ms-get reads the policy's roles
        QTest::keyClicks(roles, QStringLiteral("guest, viewer"));
        QVERIFY(waitApplied(applied));
        startFromGui();
        const QString base = m_page->url() + QStringLiteral("/getToken?room_id=6421a1b2c3d4e5f6a7b8c9ff&user_id=ann");
        QCOMPARE(get(base + QStringLiteral("&role=guest")).status, 200);
        QCOMPARE(get(base + QStringLiteral("&role=host")).status, 403);
        QCOMPARE(get(base).status, 403); // a 100ms token needs a role; none was granted by default
        // A type without roles hides the box.
        QVERIFY(choose(childOnItsTab<QComboBox>(*m_page, "typeComboBox"), QStringLiteral("livekit-get")));
        QVERIFY(!roles->isVisibleTo(m_page.get()));
    }

    void fixedGrantsReachTheToken()
    {
        pageWithEndpoint(QStringLiteral("/getToken"));
        auto* grants = childOnItsTab<QListWidget>(*m_page, "grantsListWidget");
        QListWidgetItem* canPublish = grants->findItems(QStringLiteral("canPublish:"), Qt::MatchStartsWith).value(0);
        QVERIFY(canPublish);
        QCOMPARE(canPublish->checkState(), Qt::PartiallyChecked);
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        canPublish->setCheckState(Qt::Unchecked); // "always off"
        QVERIFY(canPublish->text().contains(QStringLiteral("always off")));
        QVERIFY(waitApplied(applied));
        startFromGui();
        const Reply ok = get(m_page->url() + QStringLiteral("/getToken?room=r&identity=alice"));
        QCOMPARE(ok.status, 200);
        const auto jwt = jwt::decode(ok.body);
        QVERIFY(jwt);
        QCOMPARE(jwt->payload.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")),
                 QJsonValue(false));
    }

    void importExportAndReload()
    {
        QTemporaryDir files;
        const QString importPath = files.filePath(QStringLiteral("in.json"));
        QJsonObject config{{QStringLiteral("bind"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), 0},
                           {QStringLiteral("allowedOrigins"), QJsonArray{QStringLiteral("http://localhost:5173")}},
                           {QStringLiteral("limits"), QJsonObject{{QStringLiteral("burst"), 50}}},
                           {QStringLiteral("endpoints"),
                            QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("/a")},
                                                   {QStringLiteral("type"), QStringLiteral("livekit-get")},
                                                   {QStringLiteral("profile"), QStringLiteral("lk-dev")}},
                                       QJsonObject{{QStringLiteral("path"), QStringLiteral("/healthz")},
                                                   {QStringLiteral("type"), QStringLiteral("healthz")}}}}};
        QFile in(importPath);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(QJsonDocument(config).toJson());
        in.close();

        m_page = std::make_unique<ui::ServerPage>(m_ctx->context);
        m_page->show();
        QSignalSpy applied(m_page.get(), &ui::ServerPage::configApplied);
        QVERIFY(applied.wait(3000));
        applied.clear();
        m_ctx->dialogs.fileNames.enqueue(importPath);
        click(childOnItsTab<QPushButton>(*m_page, "importPushButton"));
        QVERIFY(waitApplied(applied));
        auto* table = childOnItsTab<QTableWidget>(*m_page, "endpointsTableWidget");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("/healthz"));
        QCOMPARE(childOnItsTab<QListWidget>(*m_page, "originsListWidget")->count(), 1);
        QCOMPARE(childOnItsTab<QSpinBox>(*m_page, "portSpinBox")->value(), 0);

        // Not a config: said in a dialog, and the page keeps what it had.
        const QString brokenPath = files.filePath(QStringLiteral("broken.json"));
        QFile broken(brokenPath);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ \"endpoints\": [");
        broken.close();
        m_ctx->dialogs.fileNames.enqueue(brokenPath);
        click(childOnItsTab<QPushButton>(*m_page, "importPushButton"));
        QCOMPARE(m_ctx->dialogs.errors.size(), 1);
        QCOMPARE(table->rowCount(), 2);

        // Export writes the document as the server reads it, members without a control ("limits") included.
        const QString exportPath = files.filePath(QStringLiteral("out.json"));
        m_ctx->dialogs.fileNames.enqueue(exportPath);
        click(childOnItsTab<QPushButton>(*m_page, "exportPushButton"));
        QFile out(exportPath);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(out.readAll()).object(), config);

        // The saved server.json is what tokendesk-cli serve --config parses, with the same profile resolver.
        QFile saved(m_page->configPath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const auto parsed = server::ServerConfig::parse(
            saved.readAll(),
            [this](const QString& name) -> Result<server::EndpointCredentials> {
                const auto profile = m_ctx->profileStore.find(name);
                if (!profile)
                    return std::unexpected(profile.error());
                return server::credentialsFromProfile(*profile, *m_ctx->profiles.secrets(name));
            },
            QProcessEnvironment());
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->endpoints.size(), 2);
        QCOMPARE(parsed->limits.burst, 50);

        // A new page (the next start of the app) loads it.
        m_page.reset();
        ui::ServerPage again(m_ctx->context);
        QCOMPARE(childOnItsTab<QTableWidget>(again, "endpointsTableWidget")->rowCount(), 2);
        QCOMPARE(childOnItsTab<QListWidget>(again, "originsListWidget")->item(0)->text(),
                 QStringLiteral("http://localhost:5173"));
    }

    void everyControlIsNamedAndTabOrderFollowsTheForm()
    {
        pageWithEndpoint(QStringLiteral("/getToken"));
        QStringList unnamed;
        for (QWidget* w : m_page->findChildren<QWidget*>()) {
            if (!(w->focusPolicy() & Qt::TabFocus) || w->objectName().startsWith(QStringLiteral("qt_")) ||
                qobject_cast<QScrollBar*>(w) || qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
                continue;
            if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
                unnamed << QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()),
                                                         w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        const auto next = [](QWidget* w) {
            QWidget* n = w->nextInFocusChain();
            while (n != w && (!(n->focusPolicy() & Qt::TabFocus) || !n->isEnabled() || !n->isVisibleTo(n->window())))
                n = n->nextInFocusChain();
            return n;
        };
        QCOMPARE(next(childOnItsTab<QLineEdit>(*m_page, "pathLineEdit")),
                 childOnItsTab<QComboBox>(*m_page, "typeComboBox"));
        QCOMPARE(next(childOnItsTab<QComboBox>(*m_page, "typeComboBox")),
                 childOnItsTab<QComboBox>(*m_page, "profileComboBox"));
        QCOMPARE(next(childOnItsTab<QLineEdit>(*m_page, "roomPatternLineEdit")),
                 childOnItsTab<QLineEdit>(*m_page, "identityPatternLineEdit"));
        QCOMPARE(next(childOnItsTab<QLineEdit>(*m_page, "originLineEdit")),
                 childOnItsTab<QPushButton>(*m_page, "addOriginPushButton"));
        QCOMPARE(next(childOnItsTab<QLineEdit>(*m_page, "keyNameLineEdit")),
                 childOnItsTab<QPushButton>(*m_page, "generateKeyPushButton"));
    }

    void errorTextFollowsThePalette()
    {
        pageWithEndpoint(QStringLiteral("/getToken"));
        auto* origin = childOnItsTab<QLineEdit>(*m_page, "originLineEdit");
        QTest::keyClicks(origin, QStringLiteral("nope"));
        click(childOnItsTab<QPushButton>(*m_page, "addOriginPushButton"));
        auto* error = childOnItsTab<QLabel>(*m_page, "originErrorLabel");
        QVERIFY(error->isVisibleTo(m_page.get()));
        QPalette dark = m_page->palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        m_page->setPalette(dark);
        QVERIFY(error->palette().color(QPalette::WindowText).lightness() > 128);
        QCOMPARE(error->palette().color(QPalette::Window), QColor(0x20, 0x20, 0x20));
        QPalette light = dark;
        light.setColor(QPalette::Window, QColor(0xfa, 0xfa, 0xfa));
        light.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
        m_page->setPalette(light);
        QVERIFY(error->palette().color(QPalette::WindowText).lightness() < 128);
        QVERIFY(error->palette().color(QPalette::WindowText).red() >
                error->palette().color(QPalette::WindowText).green());
    }
};

QTEST_MAIN(TestServerPage)
#include "tst_server_page.moc"
