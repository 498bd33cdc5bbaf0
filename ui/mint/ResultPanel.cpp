// SPDX-License-Identifier: MIT
#include "ui/mint/ResultPanel.h"

#include "ui/common/AppContext.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Toast.h"
#include "ui/common/Widgets.h"
#include "ui/mint/QrCode.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace td::ui {

QString expiryText(qint64 expiresAt, qint64 now)
{
    const qint64 left = expiresAt - now;
    if (left <= 0)
        return ResultPanel::tr("expired");
    const qint64 days = left / 86400;
    const qint64 hours = left % 86400 / 3600;
    const qint64 minutes = left % 3600 / 60;
    const qint64 seconds = left % 60;
    if (days > 0)
        return ResultPanel::tr("expires in %1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return ResultPanel::tr("expires in %1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return ResultPanel::tr("expires in %1 min %2 s").arg(minutes).arg(seconds);
    return ResultPanel::tr("expires in %1 s").arg(seconds);
}

ResultPanel::ResultPanel(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_stale(new QLabel(this)), m_warning(new QLabel(this)),
      m_token(new QPlainTextEdit(this)), m_copyToken(new QPushButton(tr("&Copy token"), this)),
      m_link(new QLineEdit(this)), m_copyLink(new QPushButton(tr("Copy &link"), this)),
      m_openLink(new QPushButton(tr("Open in &browser"), this)), m_expiry(new QLabel(this)),
      m_qr(new QrCodeWidget(this)), m_qrStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("resultPanel"));
    name(m_stale, QStringLiteral("staleLabel"), tr("Result out of date"));
    m_stale->setWordWrap(true);
    m_stale->setAutoFillBackground(true);
    m_stale->setBackgroundRole(QPalette::ToolTipBase);
    m_stale->setForegroundRole(QPalette::ToolTipText);
    m_stale->setMargin(6);
    m_stale->setText(tr("Changed since minting: this token does not match the form. Mint again with Ctrl+Enter."));
    m_stale->hide();
    name(m_warning, QStringLiteral("credentialWarningLabel"), tr("Who the token lets in"));
    m_warning->setWordWrap(true);
    QFont bold = m_warning->font();
    bold.setBold(true);
    m_warning->setFont(bold);
    name(m_token, QStringLiteral("tokenPlainTextEdit"), tr("Token (a credential)"));
    m_copyToken->setIcon(actionIcon(QStringLiteral("copy")));
    m_copyLink->setIcon(actionIcon(QStringLiteral("copy")));
    m_token->setReadOnly(true);
    m_token->setTabChangesFocus(true);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setFixedHeight(m_token->fontMetrics().lineSpacing() * 5 + 12);
    m_token->setPlaceholderText(tr("Mint a token to see it here"));
    name(m_copyToken, QStringLiteral("copyTokenPushButton"), tr("Copy the token"));
    m_copyToken->setToolTip(tr("Copy the token (Ctrl+Shift+C); the clipboard is cleared after the time set in "
                               "Settings"));
    name(m_link, QStringLiteral("joinLinkLineEdit"), tr("Join link (a credential)"));
    m_link->setReadOnly(true);
    name(m_copyLink, QStringLiteral("copyLinkPushButton"), tr("Copy the join link"));
    m_copyLink->setToolTip(tr("Copy the join link (Ctrl+Shift+L)"));
    name(m_openLink, QStringLiteral("openLinkPushButton"), tr("Open the join link in the browser"));
    name(m_expiry, QStringLiteral("expiryLabel"), tr("Token lifetime"));
    name(m_qr, QStringLiteral("qrCodeWidget"), tr("QR code of the join link"));
    // A fixed size: the card never grows with the code's version (a long link has more, smaller modules).
    m_qr->setFixedSize(176, 176);
    name(m_qrStatus, QStringLiteral("qrStatusLabel"), tr("QR code status"));
    m_qrStatus->setWordWrap(true);
    m_qrStatus->setAlignment(Qt::AlignHCenter | Qt::AlignTop);

    auto* tokenLabel = new QLabel(tr("Token (credential):"), this);
    tokenLabel->setBuddy(m_token);
    auto* linkLabel = new QLabel(tr("Join link (credential):"), this);
    linkLabel->setBuddy(m_link);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copyToken);
    buttons->addWidget(m_copyLink);
    buttons->addWidget(m_openLink);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stale);
    layout->addWidget(m_warning);
    layout->addWidget(tokenLabel);
    layout->addWidget(m_token);
    layout->addWidget(linkLabel);
    layout->addWidget(m_link);
    layout->addLayout(buttons);
    layout->addWidget(m_expiry);
    layout->addWidget(m_qr, 0, Qt::AlignHCenter);
    layout->addWidget(m_qrStatus);
    layout->addStretch(1);

    connect(m_copyToken, &QPushButton::clicked, this, &ResultPanel::copyToken);
    connect(m_copyLink, &QPushButton::clicked, this, &ResultPanel::copyLink);
    connect(m_openLink, &QPushButton::clicked, this, [this] {
        // The link is already percent-encoded where it must be; parse it strictly so nothing is re-encoded.
        m_context.dialogs.openUrl(QUrl::fromEncoded(m_link->text().toUtf8(), QUrl::StrictMode));
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ResultPanel::updateExpiry);
    clear();
}

void ResultPanel::clear()
{
    m_outcome.reset();
    m_identity.clear();
    m_tick.stop();
    m_expiresAt = 0;
    m_warning->setText(tr("No token yet."));
    m_token->clear();
    m_link->clear();
    m_link->setPlaceholderText(QString());
    m_expiry->clear();
    m_qr->setMatrix({});
    m_qr->hide();
    m_qrStatus->clear();
    for (QPushButton* b : {m_copyToken, m_copyLink, m_openLink})
        b->setEnabled(false);
    setStale(false);
}

void ResultPanel::setStale(bool stale)
{
    stale = stale && hasResult();
    m_staleState = stale;
    m_stale->setVisible(stale);
    // Greyed but still selectable and copyable: the token is still what was minted, only not what the form says.
    for (QWidget* w : std::initializer_list<QWidget*>{m_warning, m_token, m_link, m_expiry, m_qr})
        w->setEnabled(!stale);
}

void ResultPanel::showSameAs(const ResultPanel& other)
{
    if (!other.m_outcome) {
        clear();
        return;
    }
    showResult(*other.m_outcome, other.m_identity);
    setStale(other.m_staleState);
}

void ResultPanel::showResult(const mint::MintOutcome& outcome, const QString& identity)
{
    m_outcome = outcome;
    m_identity = identity;
    setStale(false);
    m_token->setPlainText(QString::fromLatin1(outcome.minted.token));
    m_link->setText(outcome.joinLink);
    // Short enough for the field at 1024 px; the tooltip says why.
    m_link->setPlaceholderText(tr("none for this token"));
    m_link->setToolTip(outcome.joinLink.isEmpty()
                           ? tr("No join link: the provider has none, the profile has no server URL, or the claims "
                                "name no concrete room")
                           : QString());
    m_copyToken->setEnabled(true);
    m_copyLink->setEnabled(!outcome.joinLink.isEmpty());
    m_openLink->setEnabled(!outcome.joinLink.isEmpty());
    m_expiresAt = outcome.minted.expiresAt;
    const QString until = QLocale().toString(QDateTime::fromSecsSinceEpoch(m_expiresAt), QLocale::ShortFormat);
    const QString who = identity.isEmpty() ? tr("its holder") : identity;
    m_warning->setText(
        outcome.joinLink.isEmpty()
            ? tr("Anyone with this token can act as %1 until %2. Share it like a password.").arg(who, until)
            : tr("Anyone with this link can join as %1 until %2. Share it like a password.").arg(who, until));
    showQr(outcome.joinLink);
    updateExpiry();
    m_tick.start();
}

void ResultPanel::showQr(const QString& link)
{
    if (link.isEmpty()) {
        m_qr->setMatrix({});
        m_qr->hide();
        m_qrStatus->setText(tr("No QR code without a join link."));
        return;
    }
    auto matrix = encodeQr(link.toUtf8());
    if (!matrix) {
        m_qr->setMatrix({});
        m_qr->hide();
        m_qrStatus->setText(
            tr("The link is too long for a QR code (%1 characters). Copy it instead.").arg(link.size()));
        return;
    }
    m_qrStatus->setText(tr("Scan to join on a phone (a credential, like the link)."));
    // At least two pixels a module (cameras miss smaller ones), at least 176 pixels, never wider than the card.
    const int modules = matrix->size + 2 * QrCodeWidget::kQuietZone;
    const int side = std::min(modules * std::max(2, (176 + modules - 1) / modules), std::max(176, width()));
    m_qr->setFixedSize(side, side);
    m_qr->setMatrix(std::move(*matrix));
    m_qr->show();
}

void ResultPanel::copyToken()
{
    copy(m_token->toPlainText(),
         m_staleState ? tr("Token copied (minted before the last change).") : tr("Token copied."));
}

void ResultPanel::copyLink()
{
    copy(m_link->text(),
         m_staleState ? tr("Join link copied (minted before the last change).") : tr("Join link copied."));
}

void ResultPanel::copy(const QString& text, const QString& what)
{
    if (text.isEmpty())
        return;
    m_context.clipboard.copySecret(text);
    const int seconds = m_context.clipboard.secondsLeft();
    Toast::show(this, seconds > 0
                          ? tr("%1 The clipboard is cleared in %n s.", nullptr, seconds).arg(what)
                          : tr("%1 Automatic clearing is off in Settings: clear the clipboard yourself.").arg(what));
}

void ResultPanel::updateExpiry()
{
    if (m_expiresAt == 0)
        return;
    const qint64 now = m_context.clock.nowSeconds();
    m_expiry->setText(expiryText(m_expiresAt, now));
    if (now >= m_expiresAt)
        m_tick.stop();
}

} // namespace td::ui
