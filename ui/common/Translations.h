// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

namespace td::ui {

/** Installs the app's and Qt's own translations for a language ("" = the system locale, "en", "zh_TW"). */
class Translations final {
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    Translations() = default;
    Q_DISABLE_COPY_MOVE(Translations)

    /** Replaces whatever was installed; returns the language in effect ("en" when nothing matched). */
    QString apply(const QString& language);
    QString current() const { return m_current; }

    /** The language names shown in the settings, each in its own language. */
    static QString displayName(const QString& language);

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace td::ui
