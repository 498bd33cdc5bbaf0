// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonParseError>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace td::ui {

/** A JSON value parsed from text a user typed, or where and why it is not JSON. */
struct JsonCheck {
    std::optional<QJsonValue> value;
    QString error; // "unterminated string at line 2, column 5"; "" when value is set
};

/** Parses any JSON value (not just objects and arrays); the error names line and column. */
JsonCheck checkJson(const QString& text);
/** Indents compact JSON without reordering members (QJsonDocument sorts them; the preview shows token order). */
QString indentJson(const QByteArray& compact);
/** Lines and columns of a character offset, 1-based, for error messages. */
QString describeOffset(const QString& text, int offset);

/**
 * A text box for JSON with a line that says whether the text parses, and Format / Compact buttons.
 * AnyText (participant metadata): any string is allowed, JSON is only reported. Object (roomConfig): the text must be
 * empty or a JSON object, otherwise problem() says why.
 */
class JsonEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)

public:
    enum class Kind { AnyText, Object };

    /** Child objectNames are `<purpose>PlainTextEdit`, `<purpose>FormatPushButton`, `<purpose>CompactPushButton`,
     * `<purpose>StatusLabel`. */
    JsonEditor(Kind kind, const QString& purpose, const QString& accessibleName, QWidget* parent = nullptr);

    QString text() const;
    /** Replaces the text without emitting changed(). */
    void setText(const QString& text);
    /** Object kind: the parsed object; empty while the text is empty or not an object. */
    QJsonObject object() const;
    /** Object kind: why the text is not a JSON object ("" when it is one, or empty). */
    QString problem() const;
    QPlainTextEdit* textEdit() const { return m_edit; }

Q_SIGNALS:
    void changed();

private:
    void reformat(bool indented);
    void updateStatus();

    Kind m_kind;
    QPlainTextEdit* m_edit;
    QPushButton* m_format;
    QPushButton* m_compact;
    QLabel* m_status;
    bool m_settingText = false;
};

} // namespace td::ui
