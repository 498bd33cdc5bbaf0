// SPDX-License-Identifier: MIT
// QR codes of join links: the module matrix checked against the structure ISO/IEC 18004 prescribes (finder and timing
// patterns, format information with its BCH code), the M/L choice for long links, and crisp black-on-white painting.
#include "ui/mint/QrCode.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>

using namespace td;

namespace {

/** The 15 format bits beside the top-left finder (ISO/IEC 18004 section 7.9): bit 0 at (8,0) up to bit 14 at (0,8). */
int formatBits(const ui::QrMatrix& m)
{
    // Bits 0-7 run down column 8 (skipping the timing row 6), bits 8-14 leftwards along row 8 (skipping column 6).
    const QList<QPoint> positions = {{8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8},
                                     {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};
    int bits = 0;
    for (int i = 0; i < positions.size(); ++i) {
        if (m.dark(positions[i].x(), positions[i].y()))
            bits |= 1 << i;
    }
    return bits;
}

/** Whether 15 bits (after removing the mask 101010000010010) are a valid BCH(15,5) code word. */
bool validFormat(int masked)
{
    const int raw = masked ^ 0x5412;
    int remainder = raw;
    for (int bit = 14; bit >= 10; --bit) {
        if (remainder & (1 << bit))
            remainder ^= 0x537 << (bit - 10);
    }
    return remainder == 0;
}

/** Error correction indicator of the format information: L = 01, M = 00. */
int levelIndicator(int masked)
{
    return ((masked ^ 0x5412) >> 13) & 3;
}

void verifyFinder(const ui::QrMatrix& m, int left, int top)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            QVERIFY2(m.dark(left + x, top + y) == (ring || centre),
                     qPrintable(QStringLiteral("finder at %1,%2: module %3,%4").arg(left).arg(top).arg(x).arg(y)));
        }
    }
}

} // namespace

class TestQrCode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void structureFollowsTheStandard_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("low"); // error correction L rather than M
        QTest::addColumn<int>("minVersion");
        QTest::addColumn<int>("maxVersion");
        // Byte-mode capacities: M holds 997 bytes at version 25; L holds 1003 at version 22 and 2953 at 40.
        QTest::newRow("short") << 5 << false << 1 << 1;
        QTest::newRow("half a kilobyte") << 500 << false << 15 << 20;
        QTest::newRow("a token link, 1 KB") << 1000 << true << 22 << 22;
        QTest::newRow("the largest") << 2953 << true << 40 << 40;
    }

    void structureFollowsTheStandard()
    {
        QFETCH(int, length);
        QFETCH(bool, low);
        QFETCH(int, minVersion);
        QFETCH(int, maxVersion);
        QByteArray text = QByteArrayLiteral("https://meet.livekit.io/custom?token=");
        while (text.size() < length)
            text += 'a' + static_cast<char>(text.size() % 26);
        text.truncate(length);

        const auto m = ui::encodeQr(text);
        QVERIFY2(m.has_value(), m ? "" : qPrintable(m.error().message));
        QVERIFY(m->version >= minVersion && m->version <= maxVersion);
        QCOMPARE(m->size, 17 + 4 * m->version);
        QCOMPARE(static_cast<int>(m->modules.size()), m->size * m->size);
        QCOMPARE(m->level, low ? ui::QrLevel::Low : ui::QrLevel::Medium);

        verifyFinder(*m, 0, 0);
        verifyFinder(*m, m->size - 7, 0);
        verifyFinder(*m, 0, m->size - 7);
        // Timing patterns alternate between the finders, dark on even positions.
        for (int i = 8; i < m->size - 8; ++i) {
            QCOMPARE(m->dark(i, 6), i % 2 == 0);
            QCOMPARE(m->dark(6, i), i % 2 == 0);
        }
        // The dark module beside the bottom-left finder is always set.
        QVERIFY(m->dark(8, m->size - 8));

        const int format = formatBits(*m);
        QVERIFY2(validFormat(format), qPrintable(QString::number(format, 2)));
        QCOMPARE(levelIndicator(format), low ? 1 : 0);
    }

    void differentTextDifferentCode()
    {
        const auto a = ui::encodeQr("https://8x8.vc/app/room?jwt=a");
        const auto b = ui::encodeQr("https://8x8.vc/app/room?jwt=b");
        QVERIFY(a && b);
        QCOMPARE(a->size, b->size);
        QVERIFY(a->modules != b->modules);
        // Deterministic: the same text gives the same code.
        QCOMPARE(ui::encodeQr("https://8x8.vc/app/room?jwt=a")->modules, a->modules);
    }

    void tooLongSaysSo()
    {
        const auto m = ui::encodeQr(QByteArray(2954, 'x'));
        QVERIFY(!m);
        QVERIFY2(m.error().message.contains(QStringLiteral("too long for a QR code")), qPrintable(m.error().message));
        QVERIFY(!ui::encodeQr(QByteArray()));
    }

    void paintsBlackOnWhiteWithQuietZone()
    {
        const auto m = ui::encodeQr("tokendesk");
        QVERIFY(m && m->version == 1);
        ui::QrCodeWidget widget;
        // A dark palette must not turn the code into white-on-black.
        QPalette dark;
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::WindowText, Qt::white);
        widget.setPalette(dark);
        widget.setMatrix(*m);
        const int modules = m->size + 2 * ui::QrCodeWidget::kQuietZone; // 29
        widget.resize(modules * 10, modules * 10);
        const QImage image = widget.grab().toImage();
        const int zone = ui::QrCodeWidget::kQuietZone * 10;
        QCOMPARE(image.pixelColor(zone / 2, zone / 2), QColor(Qt::white));
        QCOMPARE(image.pixelColor(zone - 1, zone - 1), QColor(Qt::white));
        // The finder's corner starts exactly on a pixel boundary: crisp edges, no grey.
        QCOMPARE(image.pixelColor(zone, zone), QColor(Qt::black));
        QCOMPARE(image.pixelColor(zone + 69, zone + 69), QColor(Qt::black)); // last pixel of the 7-module ring
        QCOMPARE(image.pixelColor(zone + 15, zone + 15), QColor(Qt::white)); // inside the ring's white band
        // Every module is one flat colour across its 10 x 10 pixels.
        for (int y = 0; y < m->size; ++y) {
            for (int x = 0; x < m->size; ++x) {
                const QColor expected = m->dark(x, y) ? QColor(Qt::black) : QColor(Qt::white);
                QCOMPARE(image.pixelColor(zone + x * 10 + 1, zone + y * 10 + 8), expected);
            }
        }
        // Square, four pixels a module preferred, never fewer than two.
        QCOMPARE(widget.sizeHint(), QSize(modules * 4, modules * 4));
        QCOMPARE(widget.minimumSizeHint(), QSize(modules * 2, modules * 2));
        QCOMPARE(widget.sizePolicy().horizontalPolicy(), QSizePolicy::Fixed);
    }
};

QTEST_MAIN(TestQrCode)
#include "tst_qr_code.moc"
