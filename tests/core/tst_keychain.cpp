// SPDX-License-Identifier: MIT
// Against the real Secret Service: CI runs this inside a D-Bus session with gnome-keyring-daemon unlocked.
#include "core/credentials/KeychainSecretStore.h"

#include <QTest>

using namespace td::credentials;

class TestKeychain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (KeychainSecretStore::isAvailable(QStringLiteral("TokenDeskTest")))
            return;
        if (qEnvironmentVariableIsSet("TOKENDESK_REQUIRE_KEYCHAIN"))
            QFAIL("no Secret Service answered, but TOKENDESK_REQUIRE_KEYCHAIN is set");
        QSKIP("no Secret Service on this session bus (the test command starts one with gnome-keyring)");
    }

    void writeReadRemove()
    {
        KeychainSecretStore store(QStringLiteral("TokenDeskTest"));
        const QString key = QStringLiteral("tst/%1").arg(QCoreApplication::applicationPid());
        const QByteArray secret("s3cr3t\0with-nul\xff", 16);
        QVERIFY(store.write(key, secret));
        QCOMPARE(store.read(key).value()->view(), QByteArrayView(secret));
        QVERIFY(store.write(key, "replaced"));
        QCOMPARE(store.read(key).value()->view(), QByteArrayView("replaced"));
        QVERIFY(store.remove(key));
        QVERIFY(!store.read(key).value().has_value());
        QVERIFY(store.remove(key)); // absent is fine
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
