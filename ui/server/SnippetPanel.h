// SPDX-License-Identifier: MIT
#pragma once

#include "ui/server/Snippets.h"

#include <QByteArray>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace td::ui {

class ClipboardGuard;

/**
 * A ready `curl` line and `fetch()` snippet for the selected endpoint. With bearer keys the Authorization header
 * is masked unless revealed; copying always gives the working line, through the clipboard guard when it holds a key.
 */
class SnippetPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnippetPanel)

public:
    explicit SnippetPanel(ClipboardGuard& clipboard, QWidget* parent = nullptr);

    /**
     * Shows snippets for `request` (its bearerKey is ignored). `keyVariable` names the key's variable when keys
     * apply ("" when not); `key` reads it, only when it is revealed or copied.
     */
    void setRequest(const SnippetRequest& request, const QString& keyVariable, std::function<QByteArray()> key);
    /** No endpoint to show: the snippets are replaced by `why`. */
    void clearRequest(const QString& why);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void refresh();
    SnippetRequest withKey(bool reveal) const;
    void copy(const QString& text);

    ClipboardGuard& m_clipboard;
    QPlainTextEdit* m_curl;
    QPlainTextEdit* m_fetch;
    QCheckBox* m_reveal;
    QPushButton* m_copyCurl;
    QPushButton* m_copyFetch;
    QLabel* m_hint;
    SnippetRequest m_request;
    QString m_keyVariable;
    std::function<QByteArray()> m_key;
    bool m_has = false;
};

} // namespace td::ui
