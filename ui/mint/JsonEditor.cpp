// SPDX-License-Identifier: MIT
#include "ui/mint/JsonEditor.h"

#include "ui/common/Widgets.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace td::ui {
namespace {

void newline(QString& out, int indent)
{
    out += QLatin1Char('\n');
    out += QString(qsizetype{indent} * 2, QLatin1Char(' '));
}

} // namespace

QString describeOffset(const QString& text, int offset)
{
    const int clamped = std::clamp(offset, 0, static_cast<int>(text.size()));
    const QStringView before = QStringView(text).left(clamped);
    const int line = static_cast<int>(before.count(QLatin1Char('\n'))) + 1;
    const int column = clamped - static_cast<int>(before.lastIndexOf(QLatin1Char('\n')));
    return JsonEditor::tr("line %1, column %2").arg(line).arg(column);
}

QString indentJson(const QByteArray& compact)
{
    const QString text = QString::fromUtf8(compact);
    QString out;
    int indent = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[':
            if (i + 1 < text.size() && (text.at(i + 1) == QLatin1Char('}') || text.at(i + 1) == QLatin1Char(']'))) {
                out += c;
                out += text.at(++i);
                break;
            }
            out += c;
            newline(out, ++indent);
            break;
        case '}':
        case ']':
            newline(out, --indent);
            out += c;
            break;
        case ',':
            out += c;
            newline(out, indent);
            break;
        case ':': out += QStringLiteral(": "); break;
        default: out += c;
        }
    }
    return out;
}

JsonCheck checkJson(const QString& text)
{
    // QJsonDocument only takes objects and arrays at the top; wrapping in [ ] lets it judge any single value.
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes of the wrapped text; map it back to characters of the original.
        const int bytes = std::max(0, error.offset - 1);
        const int chars = static_cast<int>(QString::fromUtf8(text.toUtf8().left(bytes)).size());
        return {std::nullopt, JsonEditor::tr("%1 at %2").arg(error.errorString(), describeOffset(text, chars))};
    }
    const QJsonArray array = doc.array();
    if (array.size() != 1)
        return {std::nullopt, array.isEmpty() ? JsonEditor::tr("empty") : JsonEditor::tr("more than one value")};
    return {array.first(), {}};
}

JsonEditor::JsonEditor(Kind kind, const QString& purpose, const QString& accessibleName, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_edit(new QPlainTextEdit(this)), m_format(new QPushButton(tr("Format"), this)),
      m_compact(new QPushButton(tr("Compact"), this)), m_status(new QLabel(this))
{
    name(m_edit, purpose + QStringLiteral("PlainTextEdit"), accessibleName);
    name(m_format, purpose + QStringLiteral("FormatPushButton"), tr("Format %1 as indented JSON").arg(accessibleName));
    name(m_compact, purpose + QStringLiteral("CompactPushButton"), tr("Write %1 as compact JSON").arg(accessibleName));
    name(m_status, purpose + QStringLiteral("StatusLabel"), tr("%1 status").arg(accessibleName));
    m_format->setToolTip(tr("Indent the JSON for reading"));
    m_compact->setToolTip(tr("One line without spaces: the token stays shorter"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setMinimumHeight(60);
    m_edit->setMaximumHeight(160); // a form field, not a document: the page scrolls
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_format);
    buttons->addWidget(m_compact);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addLayout(buttons);

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateStatus();
        if (!m_settingText)
            Q_EMIT changed();
    });
    connect(m_format, &QPushButton::clicked, this, [this] { reformat(true); });
    connect(m_compact, &QPushButton::clicked, this, [this] { reformat(false); });
    updateStatus();
}

QString JsonEditor::text() const
{
    return m_edit->toPlainText();
}

void JsonEditor::setText(const QString& text)
{
    if (text == m_edit->toPlainText())
        return;
    m_settingText = true;
    m_edit->setPlainText(text);
    m_settingText = false;
}

QJsonObject JsonEditor::object() const
{
    const JsonCheck check = checkJson(text());
    return check.value && check.value->isObject() ? check.value->toObject() : QJsonObject();
}

QString JsonEditor::problem() const
{
    if (m_kind != Kind::Object || text().trimmed().isEmpty())
        return {};
    const JsonCheck check = checkJson(text());
    if (!check.value)
        return tr("not valid JSON: %1").arg(check.error);
    if (!check.value->isObject())
        return tr("must be a JSON object in { }");
    return {};
}

void JsonEditor::reformat(bool indented)
{
    const JsonCheck check = checkJson(text());
    if (!check.value || !(check.value->isObject() || check.value->isArray()))
        return; // nothing to lay out; the status line already says why
    const QJsonDocument doc =
        check.value->isObject() ? QJsonDocument(check.value->toObject()) : QJsonDocument(check.value->toArray());
    QString formatted = QString::fromUtf8(doc.toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact));
    if (indented && formatted.endsWith(QLatin1Char('\n')))
        formatted.chop(1);
    if (formatted != text())
        m_edit->setPlainText(formatted); // a user action: changed() fires
}

void JsonEditor::updateStatus()
{
    const QString t = text();
    const bool empty = t.trimmed().isEmpty();
    const JsonCheck check = empty ? JsonCheck{} : checkJson(t);
    const bool structured = check.value && (check.value->isObject() || check.value->isArray());
    m_format->setEnabled(structured);
    m_compact->setEnabled(structured);
    if (m_kind == Kind::Object) {
        const QString p = problem();
        m_status->setText(empty ? tr("Empty: left out of the token.") : p.isEmpty() ? tr("Valid JSON object.") : p);
        m_status->setProperty("problem", !p.isEmpty());
        return;
    }
    if (empty)
        m_status->setText(tr("Empty: no metadata."));
    else if (check.value)
        m_status->setText(tr("Valid JSON. The token carries it as a string."));
    else
        m_status->setText(tr("Plain text, not JSON (%1). LiveKit accepts any string, but apps usually parse "
                             "metadata as JSON.")
                              .arg(check.error));
}

} // namespace td::ui
