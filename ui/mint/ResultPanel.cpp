// SPDX-License-Identifier: MIT
#include "ui/mint/ResultPanel.h"

#include "ui/common/AppContext.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Widgets.h"
#include "ui/mint/QrCode.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
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
    : QWidget(parent), m_context(context), m_warning(new QLabel(this)), m_token(new QPlainTextEdit(this)),
      m_copyToken(new QPushButton(tr("&Copy token"), this)), m_link(new QLineEdit(this)),
      m_copyLink(new QPushButton(tr("Copy lin&k"), this)), m_openLink(new QPushButton(tr("Open in &browser"), this)),
      m_clipboard(new QLabel(this)), m_expiry(new QLabel(this)), m_qr(new QrCodeWidget(this)),
      m_qrStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("resultPanel"));
    name(m_warning, QStringLiteral("credentialWarningLabel"), tr("Who the token lets in"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("font-weight: bold;"));
    name(m_token, QStringLiteral("tokenPlainTextEdit"), tr("Token (a credential)"));
    m_token->setReadOnly(true);
    m_token->setTabChangesFocus(true);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setMaximumHeight(90);
    m_token->setPlaceholderText(tr("Mint a token to see it here"));
    name(m_copyToken, QStringLiteral("copyTokenPushButton"), tr("Copy the token"));
    name(m_link, QStringLiteral("joinLinkLineEdit"), tr("Join link (a credential)"));
    m_link->setReadOnly(true);
    name(m_copyLink, QStringLiteral("copyLinkPushButton"), tr("Copy the join link"));
    name(m_openLink, QStringLiteral("openLinkPushButton"), tr("Open the join link in the browser"));
    name(m_clipboard, QStringLiteral("clipboardLabel"), tr("Clipboard status"));
    name(m_expiry, QStringLiteral("expiryLabel"), tr("Token lifetime"));
    name(m_qr, QStringLiteral("qrCodeWidget"), tr("QR code of the join link"));
    name(m_qrStatus, QStringLiteral("qrStatusLabel"), tr("QR code status"));
    m_qrStatus->setWordWrap(true);

    auto* tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(m_copyToken);
    tokenButtons->addWidget(m_clipboard, 1);
    auto* linkButtons = new QHBoxLayout;
    linkButtons->addWidget(m_copyLink);
    linkButtons->addWidget(m_openLink);
    linkButtons->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(m_warning);
    form->addRow(tr("&Token (credential):"), m_token);
    form->addRow(QString(), tokenButtons);
    form->addRow(tr("Join &link (credential):"), m_link);
    form->addRow(QString(), linkButtons);
    form->addRow(tr("Lifetime:"), m_expiry);
    qobject_cast<QLabel*>(form->labelForField(m_expiry))->setBuddy(m_expiry);

    auto* qr = new QVBoxLayout;
    qr->addWidget(m_qr, 1);
    qr->addWidget(m_qrStatus);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form, 3);
    layout->addLayout(qr, 1);

    connect(m_copyToken, &QPushButton::clicked, this, [this] { copy(m_token->toPlainText()); });
    connect(m_copyLink, &QPushButton::clicked, this, [this] { copy(m_link->text()); });
    connect(m_openLink, &QPushButton::clicked, this, [this] {
        // The link is already percent-encoded where it must be; parse it strictly so nothing is re-encoded.
        m_context.dialogs.openUrl(QUrl::fromEncoded(m_link->text().toUtf8(), QUrl::StrictMode));
    });
    connect(&m_context.clipboard, &ClipboardGuard::countdown, this, [this](int secondsLeft) {
        if (m_copyPending)
            m_clipboard->setText(tr("Copied. The clipboard is cleared in %1 s.").arg(secondsLeft));
    });
    connect(&m_context.clipboard, &ClipboardGuard::cleared, this, [this] {
        if (!m_copyPending)
            return;
        m_copyPending = false;
        m_clipboard->setText(tr("Clipboard cleared (or replaced since)."));
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ResultPanel::updateExpiry);
    clear();
}

void ResultPanel::clear()
{
    m_tick.stop();
    m_expiresAt = 0;
    m_warning->setText(tr("No token yet."));
    m_token->clear();
    m_link->clear();
    m_link->setPlaceholderText(QString());
    m_expiry->clear();
    m_clipboard->clear();
    m_qr->setMatrix({});
    m_qr->hide();
    m_qrStatus->clear();
    for (QPushButton* b : {m_copyToken, m_copyLink, m_openLink})
        b->setEnabled(false);
}

void ResultPanel::showResult(const mint::MintOutcome& outcome, const QString& identity)
{
    m_token->setPlainText(QString::fromLatin1(outcome.minted.token));
    m_link->setText(outcome.joinLink);
    m_link->setPlaceholderText(tr("no join link: the profile has no server URL, or the claims name no concrete room"));
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
    m_clipboard->clear();
    m_copyPending = false;
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
    m_qr->setMatrix(std::move(*matrix));
    m_qr->show();
}

void ResultPanel::copy(const QString& text)
{
    if (text.isEmpty())
        return;
    m_copyPending = true;
    m_context.clipboard.copySecret(text);
    if (m_context.clipboard.secondsLeft() == 0) {
        m_copyPending = false;
        m_clipboard->setText(tr("Copied. Automatic clearing is off in Settings: clear the clipboard yourself."));
    }
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
