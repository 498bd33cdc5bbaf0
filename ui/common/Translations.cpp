// SPDX-License-Identifier: MIT
#include "ui/common/Translations.h"

#include <QLibraryInfo>
#include <QLocale>

namespace td::ui {

QString Translations::apply(const QString& language)
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    // Traditional Chinese is chosen for zh_TW and zh_HK (and "zh-Hant" locales); everything else is English.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const bool traditional = locale.language() == QLocale::Chinese &&
                             (locale.script() == QLocale::TraditionalChineseScript ||
                              locale.territory() == QLocale::Taiwan || locale.territory() == QLocale::HongKong);
    m_current = QStringLiteral("en");
    if (traditional && m_app.load(QStringLiteral(":/i18n/tokendesk_zh_TW.qm"))) {
        QCoreApplication::installTranslator(&m_app);
        // Qt's own dialogs and context menus; missing on a minimal system, which only leaves them in English.
        if (m_qt.load(QStringLiteral("qtbase_zh_TW"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        m_current = QStringLiteral("zh_TW");
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan));
    } else {
        QLocale::setDefault(language.isEmpty() ? QLocale::system() : QLocale(QLocale::English, QLocale::UnitedStates));
    }
    return m_current;
}

QString Translations::displayName(const QString& language)
{
    if (language == QStringLiteral("zh_TW"))
        return QStringLiteral("繁體中文 (台灣)");
    if (language == QStringLiteral("en"))
        return QStringLiteral("English");
    return tr("System language");
}

} // namespace td::ui
