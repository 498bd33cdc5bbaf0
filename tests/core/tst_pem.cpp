// SPDX-License-Identifier: MIT
// The PEM matrix: every form people paste loads, every broken one gets its own error.
#include "core/crypto/Pem.h"
#include "tests/support/TestData.h"

#include <QTest>

using namespace td;
using namespace td::crypto;

Q_DECLARE_METATYPE(td::ErrorCode)

namespace {
const QString kFingerprint =
    QStringLiteral("22:ec:bb:ea:29:d5:29:95:8b:07:49:5a:4e:66:62:85:3c:32:05:78:d2:26:aa:fc:ab:c5:44:01:88:a6:b1:19");

QByteArray pem(const QString& name)
{
    return test::readFile(test::dataPath(QStringLiteral("pem/") + name));
}
} // namespace

class TestPem : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsPrivateKeys_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("passphrase");
        const QByteArray pass("correct horse");
        QTest::newRow("pkcs1") << "rsa2048-pkcs1.pem" << QByteArray();
        QTest::newRow("pkcs8") << "rsa2048-pkcs8.pem" << QByteArray();
        QTest::newRow("encrypted pkcs8") << "rsa2048-pkcs8-encrypted.pem" << pass;
        QTest::newRow("legacy aes") << "rsa2048-legacy-encrypted.pem" << pass;
        QTest::newRow("legacy des3") << "rsa2048-legacy-des3.pem" << pass;
        QTest::newRow("crlf") << "crlf.pem" << QByteArray();
        QTest::newRow("one-line body") << "one-line-body.pem" << QByteArray();
        QTest::newRow("no line breaks") << "all-one-line.pem" << QByteArray();
        QTest::newRow("spaces instead of breaks") << "all-one-line-spaces.pem" << QByteArray();
        QTest::newRow("literal \\n from .env") << "escaped-newlines.pem" << QByteArray();
        QTest::newRow("quoted") << "quoted.pem" << QByteArray();
    }
    void loadsPrivateKeys()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, passphrase);
        const auto key = loadRsaPrivateKey(pem(file), passphrase);
        QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().message));
        QCOMPARE(key->bits(), 2048);
        QCOMPARE(key->publicKey().fingerprintSha256(), kFingerprint);
    }

    void rejectsWithSpecificError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<td::ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("encrypted, no passphrase")
            << "rsa2048-pkcs8-encrypted.pem" << QByteArray() << ErrorCode::KeyEncrypted << "enter its passphrase";
        QTest::newRow("legacy, no passphrase")
            << "rsa2048-legacy-encrypted.pem" << QByteArray() << ErrorCode::KeyEncrypted << "passphrase";
        QTest::newRow("wrong passphrase pkcs8")
            << "rsa2048-pkcs8-encrypted.pem" << QByteArray("nope") << ErrorCode::WrongPassphrase << "passphrase";
        QTest::newRow("wrong passphrase legacy")
            << "rsa2048-legacy-encrypted.pem" << QByteArray("nope") << ErrorCode::WrongPassphrase << "passphrase";
        QTest::newRow("1024 bits") << "rsa1024-pkcs8.pem" << QByteArray() << ErrorCode::KeyTooSmall << "1024 bits";
        QTest::newRow("ec") << "ec-p256-pkcs8.pem" << QByteArray() << ErrorCode::NotRsaKey << "not an RSA key";
        QTest::newRow("ed25519") << "ed25519-pkcs8.pem" << QByteArray() << ErrorCode::NotRsaKey << "ED25519";
        QTest::newRow("spki") << "rsa2048-spki.pem" << QByteArray() << ErrorCode::PublicKeyGiven << "public key";
        QTest::newRow("pkcs1 public") << "rsa2048-pkcs1-public.pem" << QByteArray() << ErrorCode::PublicKeyGiven
                                      << "private key";
        QTest::newRow("certificate") << "rsa2048-cert.pem" << QByteArray() << ErrorCode::PublicKeyGiven
                                     << "certificate";
        QTest::newRow("text before header")
            << "key-id-prefix.pem" << QByteArray() << ErrorCode::PemTextBeforeHeader << "Key ID: vpaas-magic-cookie";
        QTest::newRow("no header") << "no-header.pem" << QByteArray() << ErrorCode::PemMissingHeader << "BEGIN";
        QTest::newRow("no footer") << "no-footer.pem" << QByteArray() << ErrorCode::PemMissingFooter << "END";
        QTest::newRow("truncated") << "truncated.pem" << QByteArray() << ErrorCode::PemTruncated << "truncated";
        QTest::newRow("bad base64") << "bad-base64.pem" << QByteArray() << ErrorCode::PemInvalidBase64 << "base64";
        QTest::newRow("empty") << "empty.pem" << QByteArray() << ErrorCode::EmptyKey << "empty";
        QTest::newRow("not pem") << "not-pem.txt" << QByteArray() << ErrorCode::PemMissingHeader << "not a PEM";
    }
    void rejectsWithSpecificError()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, passphrase);
        QFETCH(td::ErrorCode, code);
        QFETCH(QString, messagePart);
        const auto key = loadRsaPrivateKey(pem(file), passphrase);
        QVERIFY(!key.has_value());
        QCOMPARE(errorCodeName(key.error().code), errorCodeName(code));
        QVERIFY2(key.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(key.error().message));
    }

    void errorsNeverContainKeyMaterial()
    {
        const QByteArray body = pem(QStringLiteral("rsa2048-pkcs8.pem")).split('\n').at(1);
        for (const char* f :
             {"truncated.pem", "bad-base64.pem", "key-id-prefix.pem", "no-header.pem", "no-footer.pem"}) {
            const auto key = loadRsaPrivateKey(pem(QString::fromLatin1(f)));
            QVERIFY(!key);
            QVERIFY2(!key.error().message.contains(QString::fromLatin1(body.left(16))), f);
        }
    }

    void loadsPublicKeys_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("spki") << "rsa2048-spki.pem";
        QTest::newRow("pkcs1 public") << "rsa2048-pkcs1-public.pem";
        QTest::newRow("certificate") << "rsa2048-cert.pem";
        QTest::newRow("private key's public half") << "rsa2048-pkcs1.pem";
    }
    void loadsPublicKeys()
    {
        QFETCH(QString, file);
        const auto key = loadRsaPublicKey(pem(file));
        QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().message));
        QCOMPARE(key->fingerprintSha256(), kFingerprint);
    }

    void publicKeyRejectsNonRsa()
    {
        const auto key = loadRsaPublicKey(pem(QStringLiteral("ec-p256-spki.pem")));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::NotRsaKey);
    }

    void rs256SignatureMatchesOpenSslVector()
    {
        // PKCS#1 v1.5 is deterministic: the signature must equal what `openssl dgst -sha256 -sign` produced.
        const QList<QByteArray> lines = pem(QStringLiteral("rs256-vector.txt")).trimmed().split('\n');
        const auto key = loadRsaPrivateKey(pem(QStringLiteral("rsa2048-pkcs1.pem")));
        QVERIFY(key);
        const auto sig = key->signSha256(lines.at(0).trimmed());
        QVERIFY(sig);
        QCOMPARE(sig->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), lines.at(1).trimmed());
        QVERIFY(loadRsaPublicKey(pem(QStringLiteral("rsa2048-spki.pem")))->verifySha256(lines.at(0).trimmed(), *sig));
        QVERIFY(!loadRsaPublicKey(pem(QStringLiteral("rsa2048-spki.pem")))->verifySha256("tampered", *sig));
    }

    void normalisesPastedText()
    {
        QCOMPARE(normalizePemText("  \"-----BEGIN X-----\\nAB\\r\\nCD\\n-----END X-----\"  "),
                 QByteArray("-----BEGIN X-----\nAB\nCD\n-----END X-----"));
    }
};

QTEST_GUILESS_MAIN(TestPem)
#include "tst_pem.moc"
