// SPDX-License-Identifier: MIT
#pragma once

#include "core/mint/MintPlan.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace td::ui {

struct AppContext;
class QrCodeWidget;

/** "expires in 5 h 59 min" / "expired": the remaining lifetime in words, to the minute (to the second at the end). */
QString expiryText(qint64 expiresAt, qint64 now);

/**
 * A minted token: the token and its join link (read-only, labelled as credentials), Copy with the clipboard guard's
 * countdown, Open in browser, a QR code of the link and the remaining lifetime, updated every second.
 */
class ResultPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultPanel)

public:
    explicit ResultPanel(AppContext& context, QWidget* parent = nullptr);

    /** Shows a fresh mint; `identity` names who the token lets in. */
    void showResult(const mint::MintOutcome& outcome, const QString& identity);
    void clear();

private:
    void copy(const QString& text);
    void updateExpiry();
    void showQr(const QString& link);

    AppContext& m_context;
    QLabel* m_warning;
    QPlainTextEdit* m_token;
    QPushButton* m_copyToken;
    QLineEdit* m_link;
    QPushButton* m_copyLink;
    QPushButton* m_openLink;
    QLabel* m_clipboard;
    QLabel* m_expiry;
    QrCodeWidget* m_qr;
    QLabel* m_qrStatus;
    QTimer m_tick;
    qint64 m_expiresAt = 0;
    bool m_copyPending = false; // the guard's countdown concerns our copy
};

} // namespace td::ui
