// SPDX-License-Identifier: MIT
#include "ui/server/SnippetPanel.h"

#include "ui/common/ClipboardGuard.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace td::ui {

SnippetPanel::SnippetPanel(ClipboardGuard& clipboard, QWidget* parent)
    : QWidget(parent), m_clipboard(clipboard), m_curl(new QPlainTextEdit(this)), m_fetch(new QPlainTextEdit(this)),
      m_reveal(new QCheckBox(tr("Show the &bearer key"), this)), m_copyCurl(new QPushButton(tr("Copy curl"), this)),
      m_copyFetch(new QPushButton(tr("Copy fetch()"), this)), m_hint(new QLabel(this))
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* edit : {m_curl, m_fetch}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setTabChangesFocus(true);
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    }
    m_curl->setMaximumHeight(m_curl->fontMetrics().lineSpacing() * 4 + 12);
    name(m_curl, QStringLiteral("curlPlainTextEdit"), tr("curl command for the selected endpoint"));
    name(m_fetch, QStringLiteral("fetchPlainTextEdit"), tr("fetch() snippet for the selected endpoint"));
    name(m_reveal, QStringLiteral("revealKeyCheckBox"), tr("Show the bearer key in the snippets"));
    name(m_copyCurl, QStringLiteral("copyCurlPushButton"), tr("Copy the curl command"));
    name(m_copyFetch, QStringLiteral("copyFetchPushButton"), tr("Copy the fetch() snippet"));
    m_hint->setObjectName(QStringLiteral("snippetHintLabel"));
    m_hint->setWordWrap(true);

    auto* curlLabel = new QLabel(tr("curl:"), this);
    curlLabel->setBuddy(m_curl);
    auto* fetchLabel = new QLabel(tr("fetch():"), this);
    fetchLabel->setBuddy(m_fetch);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint, 0, 0, 1, 3);
    layout->addWidget(curlLabel, 1, 0, Qt::AlignTop);
    layout->addWidget(m_curl, 1, 1);
    layout->addWidget(m_copyCurl, 1, 2, Qt::AlignTop);
    layout->addWidget(fetchLabel, 2, 0, Qt::AlignTop);
    layout->addWidget(m_fetch, 2, 1);
    layout->addWidget(m_copyFetch, 2, 2, Qt::AlignTop);
    layout->addWidget(m_reveal, 3, 1);
    layout->setColumnStretch(1, 1);

    connect(m_reveal, &QCheckBox::toggled, this, &SnippetPanel::refresh);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] { copy(curlCommand(withKey(true))); });
    connect(m_copyFetch, &QPushButton::clicked, this, [this] { copy(fetchSnippet(withKey(true))); });
    setTabOrder(m_curl, m_copyCurl);
    setTabOrder(m_copyCurl, m_fetch);
    setTabOrder(m_fetch, m_copyFetch);
    setTabOrder(m_copyFetch, m_reveal);
    clearRequest(QString());
}

void SnippetPanel::setRequest(const SnippetRequest& request, const QString& keyVariable,
                              std::function<QByteArray()> key)
{
    m_request = request;
    m_keyVariable = keyVariable;
    m_key = std::move(key);
    m_has = true;
    refresh();
}

void SnippetPanel::clearRequest(const QString& why)
{
    m_has = false;
    m_keyVariable.clear();
    m_key = nullptr;
    refresh();
    m_hint->setText(why);
}

void SnippetPanel::hideEvent(QHideEvent* event)
{
    m_reveal->setChecked(false); // a revealed key does not stay on screen behind the user's back
    QWidget::hideEvent(event);
}

SnippetRequest SnippetPanel::withKey(bool reveal) const
{
    SnippetRequest r = m_request;
    r.bearerKey.clear();
    if (m_keyVariable.isEmpty())
        return r;
    const QByteArray key = reveal && m_key ? m_key() : QByteArray();
    if (!reveal)
        r.bearerKey = QString(12, QChar(0x2022));
    else if (key.isEmpty())
        r.bearerKey = QLatin1Char('$') + m_keyVariable; // the shell fills it in from the variable the server reads
    else
        r.bearerKey = QString::fromUtf8(key);
    return r;
}

void SnippetPanel::refresh()
{
    m_copyCurl->setEnabled(m_has);
    m_copyFetch->setEnabled(m_has);
    m_reveal->setEnabled(m_has && !m_keyVariable.isEmpty());
    if (!m_has) {
        m_curl->clear();
        m_fetch->clear();
        return;
    }
    const SnippetRequest shown = withKey(m_reveal->isChecked());
    m_curl->setPlainText(curlCommand(shown));
    m_fetch->setPlainText(fetchSnippet(shown));
    m_hint->setText(m_keyVariable.isEmpty()
                        ? tr("No bearer keys: any client on this machine can call the endpoint.")
                        : tr("With the key in %1. Copying gives the working line; it is cleared from the clipboard "
                             "after a while.")
                              .arg(m_keyVariable));
}

void SnippetPanel::copy(const QString& text)
{
    if (m_keyVariable.isEmpty())
        QGuiApplication::clipboard()->setText(text);
    else
        m_clipboard.copySecret(text);
}

} // namespace td::ui
