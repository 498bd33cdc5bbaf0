// SPDX-License-Identifier: MIT
#pragma once

#include "core/mint/MintPlan.h"

#include <QTimer>

#include <optional>
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
 * A minted token as a card of fixed width: who it lets in, the token and its join link (read-only, labelled as
 * credentials), Copy (feedback as a toast, never a label that widens the card), Open in browser, the remaining
 * lifetime (updated every second) and a QR code of the link at a fixed size. Once the form changes after a mint the
 * card is marked stale: greyed, with "changed since minting" above it.
 */
class ResultPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultPanel)

public:
    explicit ResultPanel(AppContext& context, QWidget* parent = nullptr);

    /** Shows a fresh mint; `identity` names who the token lets in. */
    void showResult(const mint::MintOutcome& outcome, const QString& identity);
    /** Shows what `other` shows (a rebuilt page keeps its result), stale or not. */
    void showSameAs(const ResultPanel& other);
    void clear();
    /** Greys the result and says it no longer matches the form (or the profile); false restores it. */
    void setStale(bool stale);
    bool isStale() const { return m_staleState; }
    bool hasResult() const { return m_expiresAt != 0; }
    /** What the copy buttons (and Ctrl+Shift+C / Ctrl+Shift+L) do. */
    void copyToken();
    void copyLink();

private:
    void copy(const QString& text, const QString& what);
    void updateExpiry();
    void showQr(const QString& link);

    AppContext& m_context;
    QLabel* m_stale;
    QLabel* m_warning;
    QPlainTextEdit* m_token;
    QPushButton* m_copyToken;
    QLineEdit* m_link;
    QPushButton* m_copyLink;
    QPushButton* m_openLink;
    QLabel* m_expiry;
    QrCodeWidget* m_qr;
    QLabel* m_qrStatus;
    QTimer m_tick;
    qint64 m_expiresAt = 0;
    bool m_staleState = false;
    std::optional<mint::MintOutcome> m_outcome;
    QString m_identity;
};

} // namespace td::ui
