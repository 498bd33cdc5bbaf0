// SPDX-License-Identifier: MIT
#include "ui/common/ClipboardGuard.h"

#include <QClipboard>
#include <QMimeData>

namespace td::ui {

ClipboardGuard::ClipboardGuard(QClipboard* clipboard, std::function<int()> clearSeconds, QObject* parent)
    : QObject(parent), m_clipboard(clipboard), m_clearSeconds(std::move(clearSeconds))
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::tick);
}

ClipboardGuard::~ClipboardGuard()
{
    clearNow();
}

void ClipboardGuard::copySecret(const QString& text)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    // KDE Klipper and other managers that follow it skip entries with this hint.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    // Windows: keep the copy out of clipboard history and cloud sync.
    mime->setData(
        QStringLiteral("application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""),
        QByteArrayLiteral("\x01\x00\x00\x00"));
    mime->setData(QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""),
                  QByteArray(4, '\0'));
    m_clipboard->setMimeData(mime);
    m_copied = text;
    m_secondsLeft = m_clearSeconds ? m_clearSeconds() : 0;
    if (m_secondsLeft > 0) {
        m_timer.start();
        Q_EMIT countdown(m_secondsLeft);
    } else {
        m_timer.stop();
    }
}

bool ClipboardGuard::stillOurs() const
{
    return !m_copied.isEmpty() && m_clipboard->text() == m_copied;
}

void ClipboardGuard::clearNow()
{
    m_timer.stop();
    m_secondsLeft = 0;
    if (m_copied.isEmpty())
        return;
    // Something the user copied since is theirs: leave it.
    if (stillOurs())
        m_clipboard->clear();
    m_copied.fill(QLatin1Char('\0'));
    m_copied.clear();
    Q_EMIT cleared();
}

void ClipboardGuard::tick()
{
    if (--m_secondsLeft <= 0) {
        clearNow();
        return;
    }
    if (!stillOurs()) {
        // Replaced by the user: nothing left to clear.
        m_timer.stop();
        m_secondsLeft = 0;
        m_copied.clear();
        Q_EMIT cleared();
        return;
    }
    Q_EMIT countdown(m_secondsLeft);
}

} // namespace td::ui
