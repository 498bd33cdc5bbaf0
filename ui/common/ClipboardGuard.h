// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

class QClipboard;

namespace td::ui {

/**
 * Copies credentials to the clipboard and takes them back: after a countdown (the setting), and on quit, the
 * clipboard is cleared, but only if it still holds what we put there. The copy is marked as a secret for clipboard
 * managers that honour it (KDE's x-kde-passwordManagerHint, Windows' history exclusion formats).
 */
class ClipboardGuard final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardGuard)

public:
    /** `clearSeconds` is read at every copy, so a changed setting applies at once; 0 means never clear. */
    ClipboardGuard(QClipboard* clipboard, std::function<int()> clearSeconds, QObject* parent = nullptr);
    ~ClipboardGuard() override;

    void copySecret(const QString& text);
    /** Clears now if the clipboard still holds our copy (also called on quit). */
    void clearNow();
    /** Seconds until the clipboard is cleared; 0 when nothing is pending. */
    int secondsLeft() const { return m_secondsLeft; }

Q_SIGNALS:
    void countdown(int secondsLeft);
    void cleared();

private:
    void tick();
    bool stillOurs() const;

    QClipboard* m_clipboard;
    std::function<int()> m_clearSeconds;
    QTimer m_timer;
    QString m_copied;
    int m_secondsLeft = 0;
};

} // namespace td::ui
