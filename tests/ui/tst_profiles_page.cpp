// SPDX-License-Identifier: MIT
// The Profiles page driven as a user would: the add/edit dialog typed into, keys pasted, dropped and picked,
// files imported and exported through the scripted dialog seam.
#include "ui/profiles/ProfilesPage.h"

#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"
#include "ui/common/Dialogs.h"
#include "core/crypto/Pem.h"
#include "tests/support/Children.h"
#include "tests/support/TestContext.h"
#include "tests/support/TestData.h"
#include "ui/common/Widgets.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QFile>

using namespace td;
using test::child;

namespace {

const QString kFingerprint =
    QStringLiteral("22:ec:bb:ea:29:d5:29:95:8b:07:49:5a:4e:66:62:85:3c:32:05:78:d2:26:aa:fc:ab:c5:44:01:88:a6:b1:19");
const QString kJaasApp = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");
const QByteArray kZegoSecret = "0123456789abcdef0123456789abcdef";

QString pem(const char* file)
{
    return test::dataPath(QStringLiteral("pem/") + QLatin1String(file));
}

QLineEdit* edit(const QObject* dialog, const char* key)
{
    return child<QLineEdit>(dialog, QLatin1String(key) + QStringLiteral("LineEdit"));
}

QString message(const QObject* dialog, const char* key)
{
    const QWidget* box = child<QWidget>(dialog, QLatin1String(key) + QStringLiteral("FieldMessage"));
    return !box->isHidden() ? child<QLabel>(dialog, QLatin1String(key) + QStringLiteral("MessageLabel"))->text()
                            : QString();
}

bool okEnabled(const QObject* dialog)
{
    return child<QPushButton>(dialog, QStringLiteral("okPushButton"))->isEnabled();
}

void trigger(const QObject* page, const char* action)
{
    QAction* a = child<QAction>(page, QLatin1String(action));
    QVERIFY(a);
    a->trigger();
}

QTreeWidgetItem* row(const ui::ProfilesPage& page, const QString& name)
{
    const auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == name)
            return list->topLevelItem(i);
    }
    return nullptr;
}

credentials::Profile zego(const QString& name, const QString& environment = QStringLiteral("dev"))
{
    credentials::Profile p;
    p.name = name;
    p.provider = Provider::Zego;
    p.environment = environment;
    p.appId = QStringLiteral("1234567890");
    return p;
}

QByteArray storedSecret(test::TestContext& ctx, const QString& profile, const QString& field)
{
    const auto stored = ctx.profileStore.find(profile);
    if (!stored)
        return {};
    auto value = ctx.secrets.read(stored->secretKey(field));
    return value && *value ? (*value)->view().toByteArray() : QByteArray();
}

/** Puts text on the clipboard and pastes it into the field with the keyboard. */
void paste(QLineEdit* field, const QByteArray& text)
{
    QGuiApplication::clipboard()->setText(QString::fromUtf8(text));
    field->setFocus();
    QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
}

void dropFile(QWidget* target, const QString& path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

} // namespace

class TestProfilesPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void zegoSecretLengthIsCheckedAsYouType()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        bool okWith31 = true;
        bool okWith32 = false;
        QString lengthMessage;
        QString afterFix = QStringLiteral("unset");
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("zego-dev"));
            QTest::keyClicks(edit(&d, "appId"), QStringLiteral("1234567890"));
            QTest::keyClicks(edit(&d, "serverSecret"), QString::fromLatin1(kZegoSecret.left(31)));
            okWith31 = okEnabled(&d);
            lengthMessage = message(&d, "serverSecret");
            QTest::keyClicks(edit(&d, "serverSecret"), QString::fromLatin1(kZegoSecret.right(1)));
            okWith32 = okEnabled(&d);
            afterFix = message(&d, "serverSecret");
            QTest::mouseClick(child<QPushButton>(&d, QStringLiteral("okPushButton")), Qt::LeftButton);
            return d.result();
        };
        trigger(&page, "addZegoAction");
        QVERIFY(!okWith31);
        QVERIFY2(lengthMessage.contains(QStringLiteral("exactly 32")) && lengthMessage.contains(QStringLiteral("31")),
                 qPrintable(lengthMessage));
        QVERIFY(okWith32);
        QCOMPARE(afterFix, QString());
        const auto saved = ctx.profileStore.find(QStringLiteral("zego-dev"));
        QVERIFY(saved);
        QCOMPARE(saved->provider, Provider::Zego);
        QCOMPARE(saved->appId, QStringLiteral("1234567890"));
        QCOMPARE(storedSecret(ctx, QStringLiteral("zego-dev"), QStringLiteral("serverSecret")), kZegoSecret);
        QVERIFY(row(page, QStringLiteral("zego-dev")));
        // The profile file holds no secret.
        QVERIFY(!test::readFile(ctx.profileStore.path()).contains(kZegoSecret));
    }

    void jitsiSubjectFollowsDomainVerification()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString tenantMessage;
        bool okWithWrongSub = true;
        bool okWithVerificationOff = false;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("meet"));
            QTest::keyClicks(edit(&d, "serverUrl"), QStringLiteral("https://meet.example.org/Acme"));
            QTest::keyClicks(edit(&d, "appId"), QStringLiteral("my_app"));
            QTest::keyClicks(edit(&d, "appSecret"), QStringLiteral("app-secret"));
            QTest::keyClicks(edit(&d, "subject"), QStringLiteral("meet.example.org"));
            tenantMessage = message(&d, "subject");
            okWithWrongSub = okEnabled(&d);
            QTest::mouseClick(child<QCheckBox>(&d, QStringLiteral("domainVerificationCheckBox")), Qt::LeftButton, {},
                              QPoint(4, 4));
            okWithVerificationOff = okEnabled(&d);
            QTest::mouseClick(child<QPushButton>(&d, QStringLiteral("okPushButton")), Qt::LeftButton);
            return d.result();
        };
        trigger(&page, "addJitsiAction");
        // A tenant URL needs the tenant as sub (backend-safe: "acme"), not the domain.
        QVERIFY2(tenantMessage.contains(QStringLiteral("\"acme\"")), qPrintable(tenantMessage));
        QVERIFY(!okWithWrongSub);
        QVERIFY(okWithVerificationOff);
        const auto saved = ctx.profileStore.find(QStringLiteral("meet"));
        QVERIFY(saved);
        QVERIFY(!saved->domainVerification);
    }

    void switchingProvidersByKeyboardShowsEachProvidersFields()
    {
        // Arrow keys through the provider list, fast, from a dialog opened for ZEGOCLOUD (the rows of the other
        // providers start hidden): every provider ends with exactly its own fields shown, laid out at full height.
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QStringList problems;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            auto* provider = child<QComboBox>(&d, QStringLiteral("providerComboBox"));
            provider->setFocus();
            const auto check = [&](const QString& when, const QStringList& shown, const QStringList& hidden) {
                QApplication::processEvents();
                d.layout()->activate();
                for (const QString& key : shown) {
                    const auto* label = child<QLabel>(&d, key + QStringLiteral("Label"));
                    const QWidget* field = key == QStringLiteral("privateKey")
                                               ? child<QWidget>(&d, QStringLiteral("privateKeyLineEdit"))
                                               : edit(&d, key.toLatin1().constData());
                    if (!label->isVisible() || !field->isVisible())
                        problems << when + QStringLiteral(": ") + key + QStringLiteral(" hidden");
                    else if (label->height() < label->sizeHint().height() ||
                             field->height() < field->sizeHint().height())
                        problems << when + QStringLiteral(": ") + key + QStringLiteral(" squeezed");
                }
                for (const QString& key : hidden) {
                    if (child<QLabel>(&d, key + QStringLiteral("Label"))->isVisible())
                        problems << when + QStringLiteral(": ") + key + QStringLiteral(" shown");
                }
            };
            check(QStringLiteral("zego"), {QStringLiteral("appId"), QStringLiteral("serverSecret")},
                  {QStringLiteral("apiKey"), QStringLiteral("apiSecret"), QStringLiteral("audience")});
            QTest::keyClick(provider, Qt::Key_Down); // JaaS
            QTest::keyClick(provider, Qt::Key_Down); // Jitsi, before anything is painted
            check(QStringLiteral("jitsi"),
                  {QStringLiteral("serverUrl"), QStringLiteral("appId"), QStringLiteral("keyId"),
                   QStringLiteral("audience"), QStringLiteral("subject"), QStringLiteral("appSecret"),
                   QStringLiteral("privateKey")},
                  {QStringLiteral("apiKey"), QStringLiteral("serverSecret")});
            QTest::keyClick(provider, Qt::Key_Up); // JaaS
            check(QStringLiteral("jaas"), {QStringLiteral("appId"), QStringLiteral("keyId")},
                  {QStringLiteral("audience"), QStringLiteral("subject"), QStringLiteral("apiKey"),
                   QStringLiteral("appSecret")});
            QTest::keyClick(provider, Qt::Key_Up); // ZEGOCLOUD
            QTest::keyClick(provider, Qt::Key_Up); // LiveKit
            check(QStringLiteral("livekit"),
                  {QStringLiteral("serverUrl"), QStringLiteral("apiKey"), QStringLiteral("apiSecret")},
                  {QStringLiteral("serverSecret"), QStringLiteral("appSecret"), QStringLiteral("appId")});
            return QDialog::Rejected;
        };
        trigger(&page, "addZegoAction");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void untouchedFieldsAreListedNotRed()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString pending;
        QString apiKeyMessage = QStringLiteral("unset");
        QString wrongUrl;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("lk"));
            pending = child<QLabel>(&d, QStringLiteral("pendingLabel"))->text();
            apiKeyMessage = message(&d, "apiKey");
            QTest::keyClicks(edit(&d, "serverUrl"), QStringLiteral("project.livekit.cloud"));
            wrongUrl = message(&d, "serverUrl");
            return int(QDialog::Rejected);
        };
        trigger(&page, "addLivekitAction");
        QVERIFY2(pending.contains(QStringLiteral("API key")) && pending.contains(QStringLiteral("API secret")),
                 qPrintable(pending));
        QCOMPARE(apiKeyMessage, QString());
        QVERIFY2(wrongUrl.contains(QStringLiteral("wss://")), qPrintable(wrongUrl));
        QVERIFY(ctx.profiles.profiles().isEmpty());
    }

    void encryptedKeyPastedShowsTheDiagnosisAndDecrypts()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString encrypted;
        bool okWhileEncrypted = true;
        bool decryptOffered = false;
        QString wrongPassphrase;
        QString valid;
        bool okWhenValid = false;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("jaas-prod"));
            QTest::keyClicks(edit(&d, "appId"), kJaasApp);
            QTest::keyClicks(edit(&d, "keyId"), kJaasApp + QStringLiteral("/4f4910"));
            // No passphrase queued: the prompt that follows the paste is cancelled.
            paste(edit(&d, "privateKey"), test::readFile(pem("rsa2048-pkcs8-encrypted.pem")));
            QTest::qWait(20);
            encrypted = message(&d, "privateKey");
            okWhileEncrypted = okEnabled(&d);
            auto* decrypt = child<QPushButton>(&d, QStringLiteral("decryptKeyPushButton"));
            decryptOffered = !decrypt->isHidden();
            ctx.dialogs.passphrases.enqueue(QStringLiteral("nope"));
            QTest::mouseClick(decrypt, Qt::LeftButton);
            wrongPassphrase = message(&d, "privateKey");
            ctx.dialogs.passphrases.enqueue(QStringLiteral("correct horse"));
            QTest::mouseClick(decrypt, Qt::LeftButton);
            valid = message(&d, "privateKey");
            okWhenValid = okEnabled(&d);
            QTest::mouseClick(child<QPushButton>(&d, QStringLiteral("okPushButton")), Qt::LeftButton);
            return d.result();
        };
        trigger(&page, "addJaasAction");
        QVERIFY2(encrypted.contains(QStringLiteral("encrypted")), qPrintable(encrypted));
        QVERIFY(!okWhileEncrypted);
        QVERIFY(decryptOffered);
        QVERIFY2(wrongPassphrase.contains(QStringLiteral("passphrase does not decrypt")), qPrintable(wrongPassphrase));
        QVERIFY2(valid.contains(kFingerprint), qPrintable(valid));
        QVERIFY(okWhenValid);
        // Stored as the CLI stores it: decrypted PKCS#8.
        const QByteArray stored = storedSecret(ctx, QStringLiteral("jaas-prod"), QStringLiteral("privateKey"));
        QVERIFY(stored.startsWith("-----BEGIN PRIVATE KEY-----"));
        QCOMPARE(crypto::loadRsaPrivateKey(stored)->publicKey().fingerprintSha256(), kFingerprint);
    }

    void passphraseIsAskedTheMomentAnEncryptedKeyIsPasted()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString shown;
        QString keyText;
        ctx.dialogs.passphrases.enqueue(QStringLiteral("correct horse"));
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            paste(edit(&d, "privateKey"), test::readFile(pem("rsa2048-legacy-encrypted.pem")));
            if (!QTest::qWaitFor([&] { return message(&d, "privateKey").contains(kFingerprint); }, 2000))
                return int(QDialog::Rejected);
            shown = message(&d, "privateKey");
            keyText = edit(&d, "privateKey")->text();
            return int(QDialog::Rejected);
        };
        trigger(&page, "addJaasAction");
        QVERIFY2(shown.contains(kFingerprint), qPrintable(shown));
        QVERIFY(ctx.dialogs.passphrases.isEmpty());
        QVERIFY(keyText.startsWith(QStringLiteral("-----BEGIN PRIVATE KEY-----")));
    }

    void keyFilesArePickedOrDropped()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString tooSmall;
        QString footer;
        QString dropped;
        ctx.dialogs.fileNames.enqueue(pem("rsa1024-pkcs8.pem"));
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::mouseClick(child<QPushButton>(&d, QStringLiteral("chooseKeyFilePushButton")), Qt::LeftButton);
            tooSmall = message(&d, "privateKey");
            dropFile(edit(&d, "privateKey"), pem("no-footer.pem"));
            footer = message(&d, "privateKey");
            dropFile(edit(&d, "privateKey"), pem("rsa2048-pkcs1.pem"));
            dropped = message(&d, "privateKey");
            return int(QDialog::Rejected);
        };
        trigger(&page, "addJitsiAction");
        QVERIFY2(tooSmall.contains(QStringLiteral("1024")) && tooSmall.contains(QStringLiteral("2048")),
                 qPrintable(tooSmall));
        QVERIFY2(footer.contains(QStringLiteral("END")), qPrintable(footer));
        QVERIFY2(dropped.contains(kFingerprint), qPrintable(dropped));
    }

    void secretsAreMaskedUntilRevealed()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QList<QLineEdit::EchoMode> modes;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QLineEdit* secret = edit(&d, "apiSecret");
            modes << secret->echoMode();
            child<QAction>(secret, QStringLiteral("apiSecretLineEditRevealAction"))->trigger();
            modes << secret->echoMode();
            child<QAction>(secret, QStringLiteral("apiSecretLineEditRevealAction"))->trigger();
            modes << secret->echoMode();
            auto* all = child<QCheckBox>(&d, QStringLiteral("showSecretsCheckBox"));
            QTest::mouseClick(all, Qt::LeftButton, {}, QPoint(5, all->height() / 2));
            modes << secret->echoMode() << edit(&d, "privateKey")->echoMode();
            return int(QDialog::Rejected);
        };
        trigger(&page, "addLivekitAction");
        QCOMPARE(modes, (QList<QLineEdit::EchoMode>{QLineEdit::Password, QLineEdit::Normal, QLineEdit::Password,
                                                    QLineEdit::Normal, QLineEdit::Normal}));
    }

    void editFillsTheFormAndRenames()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("a")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("taken")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        page.show();
        QString prefilled;
        QLineEdit::EchoMode mode = QLineEdit::Normal;
        bool providerFixed = false;
        bool okWithTakenName = true;
        QString takenMessage;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            prefilled = edit(&d, "serverSecret")->text();
            mode = edit(&d, "serverSecret")->echoMode();
            providerFixed = !child<QComboBox>(&d, QStringLiteral("providerComboBox"))->isEnabled();
            edit(&d, "name")->clear();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("taken"));
            okWithTakenName = okEnabled(&d);
            takenMessage = message(&d, "name");
            edit(&d, "name")->clear();
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("b"));
            QTest::keyClick(edit(&d, "name"), Qt::Key_Return);
            return d.result();
        };
        auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
        list->setCurrentItem(row(page, QStringLiteral("a")));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return); // Enter opens the selected profile
        QCOMPARE(prefilled, QString::fromLatin1(kZegoSecret));
        QCOMPARE(mode, QLineEdit::Password);
        QVERIFY(providerFixed);
        QVERIFY(!okWithTakenName);
        QVERIFY2(takenMessage.contains(QStringLiteral("exists")), qPrintable(takenMessage));
        QVERIFY(!ctx.profiles.find(QStringLiteral("a")));
        QVERIFY(ctx.profiles.find(QStringLiteral("b")));
        QCOMPARE(storedSecret(ctx, QStringLiteral("b"), QStringLiteral("serverSecret")), kZegoSecret);
        QVERIFY(storedSecret(ctx, QStringLiteral("a"), QStringLiteral("serverSecret")).isEmpty());
    }

    void deleteAsksFirst()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("doomed")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        page.show();
        auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
        list->setCurrentItem(row(page, QStringLiteral("doomed")));
        ctx.dialogs.confirmAnswer = false;
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("deletePushButton")), Qt::LeftButton);
        QVERIFY(ctx.profiles.find(QStringLiteral("doomed")));
        ctx.dialogs.confirmAnswer = true;
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete); // the Delete key works in the list
        QVERIFY(!ctx.profiles.find(QStringLiteral("doomed")));
        QVERIFY(!row(page, QStringLiteral("doomed")));
        QVERIFY(ctx.secrets.keys().value().value().isEmpty());
        QVERIFY(!child<QLabel>(&page, QStringLiteral("emptyLabel"))->isHidden());
    }

    void deleteIsUndoneWithItsSecrets()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("keep")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        page.show();
        auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
        list->setCurrentItem(row(page, QStringLiteral("keep")));
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("deletePushButton")), Qt::LeftButton);
        QVERIFY(!ctx.profiles.find(QStringLiteral("keep")));
        QVERIFY(ctx.secrets.keys().value().value().isEmpty());
        auto* bar = child<QWidget>(&page, QStringLiteral("undoBar"));
        QVERIFY(bar->isVisible());
        QVERIFY(child<QLabel>(&page, QStringLiteral("undoLabel"))->text().contains(QStringLiteral("keep")));
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("undoPushButton")), Qt::LeftButton);
        QVERIFY(ctx.profiles.find(QStringLiteral("keep")));
        QCOMPARE(storedSecret(ctx, QStringLiteral("keep"), QStringLiteral("serverSecret")), kZegoSecret);
        QVERIFY(!bar->isVisible());
        QCOMPARE(list->currentItem(), row(page, QStringLiteral("keep")));
    }

    void confirmationDefaultsToCancel()
    {
        // The real dialog, not the scripted one: Enter on a delete question must not delete.
        ui::Dialogs real;
        QWidget parent;
        parent.show();
        QString defaultText;
        QTimer::singleShot(0, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            defaultText = box->defaultButton() ? box->defaultButton()->text() : QString();
            QTest::keyClick(box, Qt::Key_Return);
        });
        QVERIFY(!real.confirm(&parent, QStringLiteral("Delete profile"), QStringLiteral("Delete it?")));
        QVERIFY2(defaultText.contains(QStringLiteral("Cancel")), qPrintable(defaultText));
    }

    void searchContextMenuAndDetails()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("alpha")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        credentials::Profile lk;
        lk.name = QStringLiteral("beta-lk");
        lk.provider = Provider::LiveKit;
        lk.apiKey = QStringLiteral("APIbeta");
        lk.serverUrl = QStringLiteral("wss://beta.example.com");
        lk.note = QStringLiteral("staging rig");
        QVERIFY(ctx.profiles.save(lk, {{QStringLiteral("apiSecret"), "beta-secret-0123456789abcdef0123456"}}));
        ui::ProfilesPage page(ctx.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
        auto* filter = child<QLineEdit>(&page, QStringLiteral("filterLineEdit"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), filter);
        QTest::keyClicks(filter, QStringLiteral("STAGING"));
        QVERIFY(row(page, QStringLiteral("alpha"))->isHidden());
        QVERIFY(!row(page, QStringLiteral("beta-lk"))->isHidden());
        QCOMPARE(list->currentItem(), row(page, QStringLiteral("beta-lk")));

        // The detail pane shows the selected profile's settings, never its secret.
        auto* details = child<QWidget>(&page, QStringLiteral("detailsGroupBox"));
        QCOMPARE(child<QLabel>(details, QStringLiteral("detailServerUrlLabel"))->text(),
                 QStringLiteral("wss://beta.example.com"));
        QCOMPARE(child<QLabel>(details, QStringLiteral("detailApiKeyLabel"))->text(), QStringLiteral("APIbeta"));
        for (const QLabel* label : details->findChildren<QLabel*>())
            QVERIFY(!label->text().contains(QStringLiteral("beta-secret")));

        QTest::keyClicks(filter, QStringLiteral("zzz"));
        QVERIFY(!child<QLabel>(&page, QStringLiteral("noMatchLabel"))->isHidden());
        QTest::keyClick(filter, Qt::Key_Escape); // clears and returns to the list
        QVERIFY(filter->text().isEmpty());
        QVERIFY(!row(page, QStringLiteral("alpha"))->isHidden());
        QCOMPARE(QApplication::focusWidget(), list);

        // Mint with this profile: from the button and from the context menu.
        QSignalSpy mint(&page, &ui::ProfilesPage::mintRequested);
        list->setCurrentItem(row(page, QStringLiteral("alpha")));
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("mintWithPushButton")), Qt::LeftButton);
        QCOMPARE(mint.count(), 1);
        QCOMPARE(mint.at(0).at(0).toString(), QStringLiteral("alpha"));
        QString menuActions;
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            QStringList actions;
            for (const QAction* a : menu->actions()) {
                if (!a->isSeparator())
                    actions << a->objectName();
            }
            menuActions = actions.join(QLatin1Char(','));
            QTest::keyClick(menu, Qt::Key_Down); // the first item: Mint with this profile
            QTest::keyClick(menu, Qt::Key_Return);
        });
        const QRect rect = list->visualItemRect(row(page, QStringLiteral("beta-lk")));
        Q_EMIT list->customContextMenuRequested(rect.center());
        QCOMPARE(menuActions, QStringLiteral("mintWithAction,editAction,duplicateAction,copyNameAction,deleteAction"));
        QCOMPARE(mint.count(), 2);
        QCOMPARE(mint.at(1).at(0).toString(), QStringLiteral("beta-lk"));

        // Duplicate: a new profile with the same settings and secrets under a free name.
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QTest::keyClick(edit(&d, "name"), Qt::Key_Return);
            return d.result();
        };
        trigger(&page, "duplicateAction");
        const auto copy = ctx.profiles.find(QStringLiteral("beta-lk-copy"));
        QVERIFY(copy);
        QCOMPARE(copy->apiKey, QStringLiteral("APIbeta"));
        QCOMPARE(storedSecret(ctx, QStringLiteral("beta-lk-copy"), QStringLiteral("apiSecret")),
                 QByteArray("beta-secret-0123456789abcdef0123456"));
        QVERIFY(ctx.profiles.find(QStringLiteral("beta-lk")));
    }

    void profilesWrittenByAnotherProcessAppear()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        page.show();
        QVERIFY(!child<QLabel>(&page, QStringLiteral("emptyLabel"))->isHidden());
        // As tokendesk-cli profile add does: its own store on the same folder.
        credentials::ProfileStore cli(ctx.dir.path());
        credentials::MemorySecretStore cliSecrets;
        QVERIFY(credentials::storeProfile(cli, cliSecrets, zego(QStringLiteral("from-cli")),
                                          {{QStringLiteral("serverSecret"), kZegoSecret}}));
        QTRY_VERIFY_WITH_TIMEOUT(row(page, QStringLiteral("from-cli")), 5000);
        QVERIFY(child<QLabel>(&page, QStringLiteral("emptyLabel"))->isHidden());
        // A broken file is reported, not silently kept.
        QFile file(cli.path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{ not json");
        file.close();
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&page, QStringLiteral("loadErrorLabel"))->isHidden(), 5000);
        QVERIFY(!row(page, QStringLiteral("from-cli")));
    }

    void jaasKeyIdIsCompletedWithTheAppId()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QString shown;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            d.activateWindow();
            if (!QTest::qWaitForWindowActive(&d))
                return int(QDialog::Rejected);
            QTest::keyClicks(edit(&d, "name"), QStringLiteral("jaas"));
            QTest::keyClicks(edit(&d, "appId"), kJaasApp);
            edit(&d, "keyId")->setFocus();
            QTest::keyClicks(edit(&d, "keyId"), QStringLiteral("4f4910"));
            edit(&d, "serverUrl")->setFocus(); // leaving the field completes it
            shown = edit(&d, "keyId")->text();
            return int(QDialog::Rejected);
        };
        trigger(&page, "addJaasAction");
        QCOMPARE(shown, kJaasApp + QStringLiteral("/4f4910"));
    }

    void prodStandsOutInTheList()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("live"), QStringLiteral("prod")),
                                  {{QStringLiteral("serverSecret"), kZegoSecret}}));
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("play")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        page.resize(900, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTreeWidgetItem* live = row(page, QStringLiteral("live"));
        QTreeWidgetItem* play = row(page, QStringLiteral("play"));
        QVERIFY(live && play);
        QCOMPARE(live->text(2), QStringLiteral("prod"));
        QVERIFY(live->font(0).bold());
        QVERIFY(!play->font(0).bold());
        // The badge is painted in the environment's colour, also on the selected row.
        auto* list = child<QTreeWidget>(&page, QStringLiteral("profilesTreeWidget"));
        list->setCurrentItem(live);
        const QImage image = list->viewport()->grab().toImage();
        const auto paints = [&](QTreeWidgetItem* item, const QColor& color) {
            const QRect cell = list->visualItemRect(item).intersected(
                QRect(list->header()->sectionViewportPosition(2), 0, list->header()->sectionSize(2), image.height()));
            const qreal ratio = image.devicePixelRatio();
            for (int y = cell.top(); y <= cell.bottom(); ++y) {
                for (int x = cell.left(); x <= cell.right(); ++x) {
                    if (image.pixelColor(int(x * ratio), int(y * ratio)) == color)
                        return true;
                }
            }
            return false;
        };
        QVERIFY(paints(live, ui::environmentColor(QStringLiteral("prod"))));
        QVERIFY(!paints(play, ui::environmentColor(QStringLiteral("prod"))));
        QVERIFY(paints(play, ui::environmentColor(QStringLiteral("dev"))));
    }

    void importsAnEnvFileAndAsksBeforeReplacing()
    {
        test::TestContext ctx;
        credentials::Profile mine = zego(QStringLiteral("development-zego"));
        mine.appId = QStringLiteral("42");
        QVERIFY(ctx.profiles.save(mine, {{QStringLiteral("serverSecret"), QByteArray(32, 'x')}}));
        ui::ProfilesPage page(ctx.context);
        QStringList found;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            const auto* list = child<QListWidget>(&d, QStringLiteral("foundListWidget"));
            for (int i = 0; i < list->count(); ++i)
                found << list->item(i)->text();
            d.accept();
            return d.result();
        };
        ctx.dialogs.fileNames.enqueue(test::dataPath(QStringLiteral("import/development.env")));
        ctx.dialogs.confirmAnswer = false;
        trigger(&page, "importEnvFileAction");
        QCOMPARE(found.size(), 2);
        QVERIFY(found.at(0).startsWith(QStringLiteral("development-livekit")));
        QVERIFY(found.at(1).contains(QStringLiteral("replaces")));
        QCOMPARE(storedSecret(ctx, QStringLiteral("development-livekit"), QStringLiteral("apiSecret")),
                 QByteArray("dev-secret-0123456789abcdef0123456789"));
        QCOMPARE(ctx.profiles.find(QStringLiteral("development-zego"))->appId, QStringLiteral("42")); // kept
        const QString result = child<QLabel>(&page, QStringLiteral("resultLabel"))->text();
        QVERIFY2(result.contains(QStringLiteral("Kept the existing development-zego")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("can be deleted")), qPrintable(result));

        ctx.dialogs.fileNames.enqueue(test::dataPath(QStringLiteral("import/development.env")));
        ctx.dialogs.confirmAnswer = true;
        trigger(&page, "importEnvFileAction");
        QCOMPARE(ctx.profiles.find(QStringLiteral("development-zego"))->appId, QStringLiteral("1234567890"));
        QCOMPARE(storedSecret(ctx, QStringLiteral("development-zego"), QStringLiteral("serverSecret")), kZegoSecret);
    }

    void importsALiveKitCliConfigAndReportsBrokenOnes()
    {
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        ctx.dialogs.onDialog = [](QDialog& d) {
            d.accept();
            return d.result();
        };
        ctx.dialogs.fileNames.enqueue(test::dataPath(QStringLiteral("import/cli-config.yaml")));
        trigger(&page, "importLiveKitCliAction");
        QVERIFY(ctx.profiles.find(QStringLiteral("acme")));
        QVERIFY(ctx.profiles.find(QStringLiteral("local")));
        QVERIFY(row(page, QStringLiteral("acme")));
        QVERIFY(ctx.dialogs.errors.isEmpty());
        ctx.dialogs.fileNames.enqueue(test::dataPath(QStringLiteral("import/broken-cli-config.yaml")));
        trigger(&page, "importLiveKitCliAction");
        QCOMPARE(ctx.dialogs.errors.size(), 1);
        QVERIFY2(ctx.dialogs.errors.first().contains(QStringLiteral("line")), qPrintable(ctx.dialogs.errors.first()));
    }

    void exportedJsonHoldsNoSecret()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("z")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        const QString path = ctx.dir.filePath(QStringLiteral("out.json"));
        ctx.dialogs.fileNames.enqueue(path);
        trigger(&page, "exportJsonAction");
        const QByteArray json = test::readFile(path);
        QVERIFY(!json.contains(kZegoSecret));
        const auto back = credentials::ProfileStore::parse(json);
        QVERIFY(back);
        QCOMPARE(back->size(), 1);
        QCOMPARE(back->first().name, QStringLiteral("z"));
    }

    void bundleCarriesTheSecretsEncrypted()
    {
        test::TestContext ctx;
        QVERIFY(ctx.profiles.save(zego(QStringLiteral("z")), {{QStringLiteral("serverSecret"), kZegoSecret}}));
        ui::ProfilesPage page(ctx.context);
        const QString path = ctx.dir.filePath(QStringLiteral("all.tdbundle"));
        // Two different passphrases: nothing is written.
        ctx.dialogs.fileNames.enqueue(path);
        ctx.dialogs.passphrases << QStringLiteral("bundle pass") << QStringLiteral("bundle pasz");
        trigger(&page, "exportBundleAction");
        QVERIFY(!QFile::exists(path));
        QCOMPARE(ctx.dialogs.errors.size(), 1);
        ctx.dialogs.fileNames.enqueue(path);
        ctx.dialogs.passphrases << QStringLiteral("bundle pass") << QStringLiteral("bundle pass");
        trigger(&page, "exportBundleAction");
        const QByteArray bundle = test::readFile(path);
        QVERIFY(credentials::isBundle(bundle));
        QVERIFY(!bundle.contains(kZegoSecret));

        test::TestContext other;
        ui::ProfilesPage otherPage(other.context);
        other.dialogs.onDialog = [](QDialog& d) {
            d.accept();
            return d.result();
        };
        other.dialogs.fileNames.enqueue(path);
        other.dialogs.passphrases << QStringLiteral("bundle pass");
        trigger(&otherPage, "importBundleAction");
        QCOMPARE(storedSecret(other, QStringLiteral("z"), QStringLiteral("serverSecret")), kZegoSecret);
        const QString result = child<QLabel>(&otherPage, QStringLiteral("resultLabel"))->text();
        QVERIFY(!result.contains(QStringLiteral("can be deleted"))); // the bundle is encrypted
    }

    void storeAndLoadErrorsAreShown()
    {
        test::TestContext ctx;
        QFile broken(ctx.profileStore.path());
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        ui::ProfilesPage page(ctx.context);
        const QString store = child<QLabel>(&page, QStringLiteral("storeLabel"))->text();
        QVERIFY2(store.contains(ctx.secrets.description()) && store.contains(ctx.dir.path()), qPrintable(store));
        auto* loadError = child<QLabel>(&page, QStringLiteral("loadErrorLabel"));
        QVERIFY(!loadError->isHidden());
        QVERIFY(!loadError->text().isEmpty());
    }

    void tabOrderFollowsTheForm_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("order");
        const auto names = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* n : list)
                out << QString::fromLatin1(n);
            return out;
        };
        QTest::newRow("livekit") << "addLivekitAction"
                                 << names({"nameLineEdit", "environmentComboBox", "serverUrlLineEdit", "apiKeyLineEdit",
                                           "apiSecretLineEdit", "showSecretsCheckBox", "ttlLineEdit", "roomLineEdit",
                                           "noteLineEdit"});
        QTest::newRow("jaas") << "addJaasAction"
                              << names({"nameLineEdit", "environmentComboBox", "serverUrlLineEdit", "appIdLineEdit",
                                        "keyIdLineEdit", "privateKeyLineEdit", "chooseKeyFilePushButton",
                                        "showSecretsCheckBox", "ttlLineEdit", "roomLineEdit", "noteLineEdit"});
        QTest::newRow("jitsi") << "addJitsiAction"
                               << names({"nameLineEdit", "environmentComboBox", "serverUrlLineEdit", "appIdLineEdit",
                                         "keyIdLineEdit", "audienceLineEdit", "subjectLineEdit", "appSecretLineEdit",
                                         "privateKeyLineEdit", "chooseKeyFilePushButton", "domainVerificationCheckBox",
                                         "showSecretsCheckBox", "ttlLineEdit", "roomLineEdit", "noteLineEdit"});
    }
    void tabOrderFollowsTheForm()
    {
        QFETCH(QString, action);
        QFETCH(QStringList, order);
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QStringList visited;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            d.activateWindow();
            if (!QTest::qWaitForWindowActive(&d))
                return int(QDialog::Rejected);
            child<QComboBox>(&d, QStringLiteral("providerComboBox"))->setFocus();
            for (qsizetype i = 0; i < order.size(); ++i) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                visited << QApplication::focusWidget()->objectName();
            }
            return int(QDialog::Rejected);
        };
        trigger(&page, action.toLatin1().constData());
        QCOMPARE(visited, order);
    }

    void everyControlHasALabelAndAName_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("livekit") << "addLivekitAction";
        QTest::newRow("zego") << "addZegoAction";
        QTest::newRow("jaas") << "addJaasAction";
        QTest::newRow("jitsi") << "addJitsiAction";
    }
    void everyControlHasALabelAndAName()
    {
        QFETCH(QString, action);
        test::TestContext ctx;
        ui::ProfilesPage page(ctx.context);
        QStringList unlabelled;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            d.show();
            QSet<const QWidget*> buddies;
            for (const QLabel* label : d.findChildren<QLabel*>()) {
                if (label->isVisibleTo(&d) && label->buddy())
                    buddies.insert(label->buddy());
            }
            for (const QWidget* w : d.findChildren<QWidget*>()) {
                if (!w->isVisibleTo(&d) || !(qobject_cast<const QLineEdit*>(w) || qobject_cast<const QComboBox*>(w)))
                    continue;
                if (!buddies.contains(w) || w->accessibleName().isEmpty())
                    unlabelled << w->objectName();
            }
            return int(QDialog::Rejected);
        };
        trigger(&page, action.toLatin1().constData());
        QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled.join(QStringLiteral(", "))));
        for (const QWidget* w : page.findChildren<QWidget*>()) {
            if (qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QTreeWidget*>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }
};

QTEST_MAIN(TestProfilesPage)
#include "tst_profiles_page.moc"
