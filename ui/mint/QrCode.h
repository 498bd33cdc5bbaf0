// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArrayView>
#include <QWidget>

#include <vector>

namespace td::ui {

/** Error correction of a QR code: L recovers ~7 % of damaged modules, M ~15 %. */
enum class QrLevel { Low, Medium };

/** A QR code as a square of modules (true = dark), without the quiet zone. */
struct QrMatrix {
    int size = 0;    // modules per side: 17 + 4 * version
    int version = 0; // 1..40
    QrLevel level = QrLevel::Medium;
    std::vector<bool> modules; // row-major, size * size

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x]; }
    bool isNull() const { return size == 0; }
};

/**
 * Encodes text (as bytes) into a QR code. M is used while it keeps the code at version 25 or below (phone cameras read
 * those off a screen reliably); longer text, such as a join link carrying a ~1 KB token, falls back to L, which fits
 * more. Text that fits no version is an error that says so.
 */
Result<QrMatrix> encodeQr(QByteArrayView text);

/** Paints a QrMatrix black on white with a quiet zone of four modules, crisp at any size; square, centred. */
class QrCodeWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setMatrix(QrMatrix matrix);
    const QrMatrix& matrix() const { return m_matrix; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int kQuietZone = 4;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QrMatrix m_matrix;
};

} // namespace td::ui
