// SPDX-License-Identifier: MIT
// Wiping secrets held in Qt's implicitly shared buffers: only the last owner wipes, and it wipes the buffer itself.
#include "core/crypto/SecretBytes.h"

#include <QTest>

#include <algorithm>
#include <optional>

using namespace td::crypto;

namespace {

/** A heap buffer holding `text` that no one else shares. */
QByteArray secret(const char* text)
{
    return QByteArray(text, qsizetype(qstrlen(text)));
}

bool allZero(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; });
}

} // namespace

class TestSecretBytes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wipeInPlaceZeroesTheBufferItself()
    {
        QByteArray a = secret("hunter2-hunter2");
        const char* before = a.constData();
        QVERIFY(wipeInPlace(a));
        QCOMPARE(a.constData(), before); // no detach: the wipe reached the bytes that held the secret
        QCOMPARE(a.size(), 15);
        QVERIFY(allZero(a));
    }

    void wipeInPlaceReachesBeyondTheSize()
    {
        // Bytes dropped from the front or the back of an array stay in its allocation until it is freed.
        QByteArray a = secret("KEY=front-secret...back-secret");
        a.remove(0, 4);
        a.chop(14);
        QCOMPARE(a, QByteArray("front-secret"));
        const QByteArray::DataPointer& d = a.data_ptr();
        const QByteArrayView whole(d.data() - d.freeSpaceAtBegin(), d.constAllocatedCapacity());
        QVERIFY(whole.contains("KEY=") && whole.contains("back-secret"));
        QVERIFY(wipeInPlace(a));
        QVERIFY(allZero(whole));
    }

    void aSharedBufferIsLeftToItsOtherOwner()
    {
        QByteArray a = secret("shared-secret");
        const QByteArray b = a;
        QVERIFY(!wipeInPlace(a)); // writing through a.data() would detach and wipe a copy
        QCOMPARE(b, QByteArray("shared-secret"));
        QCOMPARE(a.constData(), b.constData());
        wipe(a); // lets go of its reference
        QVERIFY(a.isEmpty());
        QCOMPARE(b, QByteArray("shared-secret"));
        // Static data has no owner and lives in read-only memory.
        QByteArray literal = QByteArrayLiteral("literal");
        QVERIFY(!wipeInPlace(literal));
        QByteArray raw = QByteArray::fromRawData("raw", 3);
        QVERIFY(!wipeInPlace(raw));
    }

    void secretByteArrayCopiesLeaveTheBytesToTheLastOwner()
    {
        QByteArray observer = secret("app-secret");
        std::optional<SecretByteArray> first(observer);
        {
            const SecretByteArray second = *first; // shares the buffer, as a QByteArray copy would
            QCOMPARE(second.bytes().constData(), observer.constData());
        }
        // The copy went while others held the buffer: it neither wiped their bytes nor took a copy to wipe.
        QCOMPARE(observer, QByteArray("app-secret"));
        first = SecretByteArray(secret("replacement"));
        QCOMPARE(observer, QByteArray("app-secret"));
        first.reset();
        QCOMPARE(observer, QByteArray("app-secret"));

        // Assigned a copy of itself (or of a copy sharing its buffer): the bytes stay.
        SecretByteArray s(secret("self"));
        const SecretByteArray same = s;
        s = same;
        QCOMPARE(s.bytes(), QByteArray("self"));
        QCOMPARE(s.size(), 4);
        s.clear();
        QVERIFY(s.isEmpty());
        QCOMPARE(same.bytes(), QByteArray("self"));
    }

    void secretMapWipesWhatItAloneHolds()
    {
        SecretMap map{{QStringLiteral("apiSecret"), secret("api-secret")}};
        map.insert(QStringLiteral("serverSecret"), secret("server-secret"));
        const QByteArray out = map.value(QStringLiteral("serverSecret")); // a copy still in use elsewhere
        const char* apiBytes = map.value(QStringLiteral("apiSecret")).constData();

        QCOMPARE(map.wipeValues(), 1); // serverSecret is shared with `out`
        QCOMPARE(out, QByteArray("server-secret"));
        QVERIFY(allZero(map.value(QStringLiteral("apiSecret"))));
        QCOMPARE(map.value(QStringLiteral("apiSecret")).constData(), apiBytes);
        QCOMPARE(map.value(QStringLiteral("apiSecret")).size(), 10);
    }

    void secretMapCopiesLeaveTheWipeToTheLastOne()
    {
        SecretMap a{{QStringLiteral("appSecret"), secret("app-secret")}};
        {
            const SecretMap b = a;
            QCOMPARE(a.wipeValues(), 0); // the map itself is shared with b
            QCOMPARE(b.value(QStringLiteral("appSecret")), QByteArray("app-secret"));
        }
        QCOMPARE(a.wipeValues(), 1);

        SecretMap c{{QStringLiteral("k"), secret("first")}};
        const SecretMap d = c;
        c = SecretMap{{QStringLiteral("k"), secret("second")}}; // reassigned while d shares the old storage
        QCOMPARE(d.value(QStringLiteral("k")), QByteArray("first"));
        QCOMPARE(c.value(QStringLiteral("k")), QByteArray("second"));
        c.remove(QStringLiteral("k"));
        QVERIFY(c.isEmpty());
        QCOMPARE(d.value(QStringLiteral("k")), QByteArray("first"));
    }

    void secretMapReadsAsAHash()
    {
        const SecretMap map{{QStringLiteral("apiSecret"), secret("s")}};
        const QHash<QString, QByteArray>& hash = map; // what the minting and validation functions take
        QCOMPARE(hash.value(QStringLiteral("apiSecret")), QByteArray("s"));
        QCOMPARE(map.keys(), QStringList{QStringLiteral("apiSecret")});
    }

    void secretFromUtf8KeepsTheText()
    {
        QCOMPARE(secretFromUtf8(u"pässword").view(), QByteArrayView("p\xc3\xa4ssword"));
        QVERIFY(secretFromUtf8(u"").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secret_bytes.moc"
