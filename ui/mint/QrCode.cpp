// SPDX-License-Identifier: MIT
#include "ui/mint/QrCode.h"

#include <QPainter>

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <memory>

namespace td::ui {
namespace {

// Above this version the modules get small enough that reading from a laptop screen becomes unreliable at M, so L's
// extra capacity is worth its weaker error correction (a screen does not get dirty like paper).
constexpr int kLargestComfortableVersion = 25;

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

QrCodePtr encode(QByteArrayView text, QRecLevel level)
{
    errno = 0;
    // 8-bit mode on the exact bytes: QRcode_encodeString would stop at a NUL and re-case letters.
    return QrCodePtr(QRcode_encodeData(static_cast<int>(text.size()),
                                       reinterpret_cast<const unsigned char*>(text.data()), 0, level));
}

QrMatrix toMatrix(const QRcode& code, QrLevel level)
{
    QrMatrix m;
    m.size = code.width;
    m.version = code.version;
    m.level = level;
    m.modules.resize(static_cast<std::size_t>(code.width) * code.width);
    for (std::size_t i = 0; i < m.modules.size(); ++i)
        m.modules[i] = (code.data[i] & 1) != 0; // bit 0 is the module colour; the others are libqrencode's bookkeeping
    return m;
}

} // namespace

Result<QrMatrix> encodeQr(QByteArrayView text)
{
    if (text.isEmpty())
        return fail(ErrorCode::MissingValue, QStringLiteral("nothing to encode"));
    QrCodePtr medium = encode(text, QR_ECLEVEL_M);
    if (medium && medium->version <= kLargestComfortableVersion)
        return toMatrix(*medium, QrLevel::Medium);
    if (QrCodePtr low = encode(text, QR_ECLEVEL_L))
        return toMatrix(*low, QrLevel::Low);
    if (errno == ERANGE)
        return fail(ErrorCode::OutOfRange,
                    QStringLiteral("%1 bytes are too long for a QR code (at most 2953)").arg(text.size()));
    return fail(ErrorCode::InvalidValue, QStringLiteral("the QR encoder failed"));
}

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent)
{
    // Square by its hints; the result card gives it a fixed side so it never pushes the form aside.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void QrCodeWidget::setMatrix(QrMatrix matrix)
{
    m_matrix = std::move(matrix);
    updateGeometry();
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    // Four pixels a module is comfortable for a phone camera.
    const int side = m_matrix.isNull() ? 0 : (m_matrix.size + 2 * kQuietZone) * 4;
    return {side, side};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    // Below two pixels a module, cameras start to miss modules.
    const int side = m_matrix.isNull() ? 0 : (m_matrix.size + 2 * kQuietZone) * 2;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    if (m_matrix.isNull())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (!isEnabled())
        painter.setOpacity(0.25); // a stale result: still there, visibly not current
    const int modules = m_matrix.size + 2 * kQuietZone;
    const int available = std::min(width(), height());
    // Whole device pixels per module keep every edge sharp; only a widget smaller than the code gets fractions.
    const qreal dpr = devicePixelRatioF();
    const qreal devicePixels = std::floor(available * dpr / modules);
    const qreal module = devicePixels >= 1 ? devicePixels / dpr : qreal(available) / modules;
    const qreal side = module * modules;
    const QPointF origin((width() - side) / 2, (height() - side) / 2);

    // Black on white whatever the palette: dark themes would otherwise produce an inverted, often unreadable code.
    painter.fillRect(QRectF(origin, QSizeF(side, side)), Qt::white);
    const QPointF start = origin + QPointF(kQuietZone * module, kQuietZone * module);
    for (int y = 0; y < m_matrix.size; ++y) {
        int x = 0;
        while (x < m_matrix.size) {
            if (!m_matrix.dark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < m_matrix.size && m_matrix.dark(x, y))
                ++x;
            painter.fillRect(
                QRectF(start.x() + runStart * module, start.y() + y * module, (x - runStart) * module, module),
                Qt::black);
        }
    }
}

} // namespace td::ui
