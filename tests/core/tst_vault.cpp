// SPDX-License-Identifier: MIT
#include "core/credentials/VaultSecretStore.h"

#include "core/io/PrivateFile.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace td;
using namespace td::credentials;

namespace {

// Cheap scrypt for tests; the file records its own parameters.
const KdfParams kFast{10, 8, 1};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

PassphraseSource fixed(const QByteArray& pass, int* asked = nullptr)
{
    return [pass, asked](bool) -> Result<crypto::SecretBytes> {
        if (asked)
            ++*asked;
        return crypto::SecretBytes(pass);
    };
}

} // namespace

class TestVault : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { io::atomicWriteInterruptHook() = nullptr; }

    void sealAndOpen()
    {
        const QJsonObject doc{{QStringLiteral("a"), QStringLiteral("b")}};
        const auto one = VaultFile::seal(doc, "pass", kFast);
        const auto two = VaultFile::seal(doc, "pass", kFast);
        QVERIFY(one && two);
        QCOMPARE(VaultFile::open(*one, "pass").value(), doc);
        // Fresh salt and nonce on every save: same content, different bytes.
        QVERIFY(one->mid(19, 28) != two->mid(19, 28));
        QVERIFY(!one->contains("\"a\""));
    }

    void failuresAreSpecific_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong passphrase") << 0 << "wrong vault passphrase";
        QTest::newRow("tampered ciphertext") << 1 << "modified or damaged";
        QTest::newRow("truncated") << 2 << "truncated";
        QTest::newRow("not a vault") << 3 << "not a TokenDesk vault";
        QTest::newRow("newer format") << 4 << "not supported";
        // A hostile header asking scrypt for 16 GiB (N=2^22, r=32) is refused before anything is allocated.
        QTest::newRow("hostile scrypt cost") << 5 << "beyond TokenDesk's limit";
        QTest::newRow("hostile scrypt p") << 6 << "beyond TokenDesk's limit";
    }
    void failuresAreSpecific()
    {
        QFETCH(int, mutation);
        QFETCH(QString, message);
        QByteArray data = VaultFile::seal(QJsonObject{{QStringLiteral("k"), 1}}, "pass", kFast).value();
        QByteArray pass = "pass";
        switch (mutation) {
        case 0: pass = "Pass"; break;
        case 1: data[data.size() - 20] = char(data[data.size() - 20] ^ 1); break;
        case 2: data.truncate(40); break;
        case 3: data = "{\"secrets\":{}}"; break;
        case 4: data[8] = 9; break;
        case 5:
            data[10] = 22;
            data[14] = 32;
            break;
        case 6:
            data[10] = 20;
            data[18] = 16;
            break;
        }
        const auto r = VaultFile::open(data, pass);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    }

    void storeRoundTripAndFileMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/secrets.vault"));
        int asked = 0;
        VaultSecretStore store(path, fixed("pw", &asked), kFast);
        QVERIFY(store.write(QStringLiteral("p/apiSecret"), "s3cr3t"));
        QVERIFY(store.write(QStringLiteral("p/other"), QByteArray("\0binary\xff", 8)));
        QCOMPARE(store.read(QStringLiteral("p/apiSecret")).value()->view(), QByteArrayView("s3cr3t"));
        QCOMPARE(store.read(QStringLiteral("p/other")).value()->size(), 8);
        QVERIFY(!store.read(QStringLiteral("missing")).value().has_value());
        QVERIFY(store.remove(QStringLiteral("p/other")));
        QVERIFY(!store.read(QStringLiteral("p/other")).value().has_value());
        QCOMPARE(asked, 1); // asked once per process
        QVERIFY(test::isPrivateFile(path));
        QVERIFY(!readAll(path).contains("s3cr3t"));

        VaultSecretStore wrong(path, fixed("nope"), kFast);
        const auto r = wrong.read(QStringLiteral("p/apiSecret"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(!wrong.write(QStringLiteral("x"), "y")); // a wrong passphrase never overwrites the vault
        QCOMPARE(VaultSecretStore(path, fixed("pw"), kFast).read(QStringLiteral("p/apiSecret")).value()->view(),
                 QByteArrayView("s3cr3t"));
    }

    void interruptedSaveKeepsThePreviousVault()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.vault"));
        VaultSecretStore store(path, fixed("pw"), kFast);
        QVERIFY(store.write(QStringLiteral("a"), "first"));
        const QByteArray before = readAll(path);
        io::atomicWriteInterruptHook() = [] { return true; };
        QVERIFY(!store.write(QStringLiteral("a"), "second"));
        io::atomicWriteInterruptHook() = nullptr;
        QCOMPARE(readAll(path), before);
        QCOMPARE(store.read(QStringLiteral("a")).value()->view(), QByteArrayView("first"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left behind
    }

    void damagedVaultIsReportedNotReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.vault"));
        VaultSecretStore store(path, fixed("pw"), kFast);
        QVERIFY(store.write(QStringLiteral("a"), "1"));
        QByteArray data = readAll(path);
        data.chop(3);
        writeAll(path, data);
        const auto w = store.write(QStringLiteral("b"), "2");
        QVERIFY(!w);
        QVERIFY(w.error().message.contains(path));
        QCOMPARE(readAll(path), data); // the damaged file is left for recovery, not overwritten
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
