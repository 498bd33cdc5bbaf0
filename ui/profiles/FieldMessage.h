// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;

namespace td::ui {

/**
 * The line under a form field that says what is wrong with it (or that a key is fine, with its fingerprint): a
 * standard icon and palette-coloured text, so it reads in light and dark themes and not by colour alone.
 */
class FieldMessage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    enum class Kind { None, Error, Warning, Ok };

    /** `purpose` names it: "<purpose>FieldMessage", its text "<purpose>MessageLabel". */
    explicit FieldMessage(const QString& purpose, QWidget* parent = nullptr);

    /** Shows the message, or hides the line for Kind::None or an empty text. */
    void setMessage(Kind kind, const QString& text);
    Kind kind() const { return m_kind; }
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateIcon();

    QLabel* m_icon;
    QLabel* m_text;
    Kind m_kind = Kind::None;
};

} // namespace td::ui
