// SPDX-License-Identifier: MIT
#include "core/crypto/Crypto.h"
#include "core/crypto/RsaKey.h"

#include <QTest>

using namespace td::crypto;

class TestCrypto : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selfTestPasses() { QVERIFY(selfTest().has_value()); }

    void hmacRfc4231_data()
    {
        QTest::addColumn<int>("alg");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        const QByteArray key1(20, '\x0b');
        QTest::newRow("case 1 sha256") << int(HashAlgorithm::Sha256) << key1 << QByteArray("Hi There")
                                       << QByteArray(
                                              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 1 sha384")
            << int(HashAlgorithm::Sha384) << key1 << QByteArray("Hi There")
            << QByteArray(
                   "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
        QTest::newRow("case 1 sha512") << int(HashAlgorithm::Sha512) << key1 << QByteArray("Hi There")
                                       << QByteArray("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cded"
                                                     "aa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
        QTest::newRow("case 2 sha256") << int(HashAlgorithm::Sha256) << QByteArray("Jefe")
                                       << QByteArray("what do ya want for nothing?")
                                       << QByteArray(
                                              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
    void hmacRfc4231()
    {
        QFETCH(int, alg);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(hmac(HashAlgorithm(alg), key, data).toHex(), mac);
        const HmacKey prepared(HashAlgorithm(alg), key);
        QCOMPARE(prepared.mac(data).toHex(), mac);
        QCOMPARE(prepared.mac(data).toHex(), mac); // reusable
    }

    void emptyHmacKeyIsLegal()
    {
        // LiveKit does not enforce key length; even an empty key must not crash.
        QCOMPARE(hmac(HashAlgorithm::Sha256, QByteArray(), "x").size(), 32);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
        QTest::newRow("differs") << QByteArray("abc") << QByteArray("abd") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("ab") << false;
        QTest::newRow("empty") << QByteArray() << QByteArray() << true;
    }
    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(td::crypto::constantTimeEquals(a, b), equal);
    }

    void cbcRoundTripAndPadding()
    {
        const QByteArray key(32, 'k');
        const QByteArray iv(16, 'i');
        for (int len : {0, 1, 15, 16, 17, 100}) {
            const QByteArray plain(len, 'p');
            const auto ct = aes256CbcEncrypt(key, iv, plain);
            QVERIFY(ct);
            QCOMPARE(ct->size(), (len / 16 + 1) * 16);
            QCOMPARE(aes256CbcDecrypt(key, iv, *ct).value(), plain);
        }
        const auto ct = aes256CbcEncrypt(key, iv, "hello");
        QVERIFY(!aes256CbcDecrypt(QByteArray(32, 'x'), iv, *ct).has_value());
        QVERIFY(!aes256CbcEncrypt(QByteArray(16, 'k'), iv, "x").has_value());
    }

    void gcmDetectsTampering()
    {
        const QByteArray key(32, 'k');
        const QByteArray nonce(12, 'n');
        auto ct = aes256GcmEncrypt(key, nonce, "secret payload");
        QVERIFY(ct);
        QCOMPARE(aes256GcmDecrypt(key, nonce, *ct).value(), QByteArray("secret payload"));
        QByteArray tampered = *ct;
        tampered[0] = static_cast<char>(tampered[0] ^ 1);
        const auto r = aes256GcmDecrypt(key, nonce, tampered);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("authentication failed")));
        QVERIFY(!aes256GcmDecrypt(key, nonce, ct->left(10)).has_value());
    }

    void randomBytesDiffer()
    {
        QCOMPARE(randomBytes(32)->size(), 32);
        QVERIFY(randomBytes(32).value() != randomBytes(32).value());
    }

    void rsaSignVerifyAndMinimumSize()
    {
        const auto key = RsaPrivateKey::generate(2048);
        QVERIFY(key);
        const auto sig = key->signSha256("data");
        QVERIFY(sig);
        QCOMPARE(sig->size(), 256);
        QVERIFY(key->publicKey().verifySha256("data", *sig));
        QVERIFY(!key->publicKey().verifySha256("date", *sig));
        QCOMPARE(RsaPrivateKey::generate(1024).error().code, td::ErrorCode::KeyTooSmall);
        QVERIFY(key->publicKey().spkiPem().startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    void scryptCostIsCapped()
    {
        // What TokenDesk writes (2^17 * 8 * 1) and up to 8x that is fine; one step more is refused without work.
        QVERIFY(scrypt("pw", "salt", 10, 8, 1, 32).has_value());
        const auto tooMuch = scrypt("pw", "salt", 21, 8, 1, 32);
        QVERIFY(!tooMuch);
        QVERIFY2(tooMuch.error().message.contains(QStringLiteral("N=2^21, r=8, p=1")),
                 qPrintable(tooMuch.error().message));
        QVERIFY(!scrypt("pw", "salt", 17, 8, 16, 32));
        QVERIFY(!scrypt("pw", "salt", 16, 32, 8, 32));
    }

    void secretBytesCopiesAndClears()
    {
        SecretBytes a(QByteArray("top secret"));
        SecretBytes b = a;
        QCOMPARE(b.view(), QByteArrayView("top secret"));
        a.clear();
        QVERIFY(a.isEmpty());
        QCOMPARE(b.view(), QByteArrayView("top secret"));
        SecretBytes c = std::move(b);
        QVERIFY(b.isEmpty());
        QCOMPARE(c.size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
