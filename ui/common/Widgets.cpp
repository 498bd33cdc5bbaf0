// SPDX-License-Identifier: MIT
#include "ui/common/Widgets.h"

#include <QAbstractItemView>
#include <QAction>
#include <QMenu>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QStyle>
#include <QStyleOption>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSvgRenderer>
#include <QCoreApplication>
#include <QLineEdit>
#include <QRegularExpression>
#include <QShortcut>
#include <QAbstractButton>

#include <cmath>

namespace td::ui {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Widgets)
};

} // namespace

QIcon providerIcon(Provider provider)
{
    return QIcon(QStringLiteral(":/icons/provider-%1.svg").arg(providerName(provider)));
}

namespace {

/**
 * An SVG icon rendered when a size is first asked for, not up front: a page builds dozens of icons before its first
 * paint, and rendering each at every size cost ~140 ms and ~24 MB at start-up. Selected, the strokes are drawn in
 * the palette's highlighted-text colour (on the selection highlight the blue would vanish); disabled, greyed by the
 * style as for any icon.
 */
class SvgIconEngine final : public QIconEngine {
public:
    SvgIconEngine(QByteArray normal, QByteArray selected) : m_normal(std::move(normal)), m_selected(std::move(selected))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        painter->drawPixmap(rect, pixmap(rect.size() * painter->device()->devicePixelRatio(), mode, state));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State /*state*/) override
    {
        const quint64 key = (quint64(size.width()) << 32) | (quint64(size.height()) << 8) | quint64(mode);
        if (const auto it = m_rendered.constFind(key); it != m_rendered.constEnd())
            return *it;
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        QSvgRenderer(mode == QIcon::Selected ? m_selected : m_normal).render(&painter);
        painter.end();
        if (mode == QIcon::Disabled) {
            QStyleOption option;
            option.palette = QApplication::palette();
            pixmap = QApplication::style()->generatedIconPixmap(QIcon::Disabled, pixmap, &option);
        }
        m_rendered.insert(key, pixmap);
        return pixmap;
    }

    QIconEngine* clone() const override { return new SvgIconEngine(*this); }

private:
    QByteArray m_normal;
    QByteArray m_selected;
    QHash<quint64, QPixmap> m_rendered;
};

QIcon svgIcon(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray normal = file.readAll();
    QByteArray selected = normal;
    selected.replace("#4a86c8", QApplication::palette().color(QPalette::HighlightedText).name().toLatin1());
    return QIcon(new SvgIconEngine(normal, selected));
}

} // namespace

QIcon pageIcon(const QString& page)
{
    return svgIcon(QStringLiteral(":/icons/page-%1.svg").arg(page));
}

QIcon actionIcon(const QString& action)
{
    // The desktop's own icon where its theme has one (freedesktop names), else TokenDesk's: never a bare button.
    static const QHash<QString, QString> themeNames = {
        {QStringLiteral("add"), QStringLiteral("list-add")},
        {QStringLiteral("edit"), QStringLiteral("document-edit")},
        {QStringLiteral("delete"), QStringLiteral("edit-delete")},
        {QStringLiteral("import"), QStringLiteral("document-import")},
        {QStringLiteral("export"), QStringLiteral("document-export")},
        {QStringLiteral("copy"), QStringLiteral("edit-copy")},
        {QStringLiteral("remint"), QStringLiteral("view-refresh")},
        {QStringLiteral("start"), QStringLiteral("media-playback-start")},
        {QStringLiteral("stop"), QStringLiteral("media-playback-stop")},
        {QStringLiteral("clear"), QStringLiteral("edit-clear")},
        {QStringLiteral("paste"), QStringLiteral("edit-paste")},
    };
    const QString themed = themeNames.value(action);
    if (!themed.isEmpty() && QIcon::hasThemeIcon(themed))
        return QIcon::fromTheme(themed);
    return svgIcon(QStringLiteral(":/icons/action-%1.svg").arg(action));
}

void addRevealToggle(QLineEdit* edit)
{
    edit->setEchoMode(QLineEdit::Password);
    auto* reveal = edit->addAction(QIcon(QStringLiteral(":/icons/reveal.svg")), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setText(Tr::tr("Show the secret"));
    reveal->setToolTip(Tr::tr("Show the secret while this is on"));
    reveal->setObjectName(edit->objectName() + QStringLiteral("RevealAction"));
    QObject::connect(reveal, &QAction::toggled, edit,
                     [edit](bool on) { edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor toneColor(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good: return dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x6b, 0x2a);
    case Tone::Warning: return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Bad: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x1c, 0x22);
    case Tone::Neutral: return dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x0b, 0x5c, 0xad);
    }
    return palette.color(QPalette::WindowText);
}

QColor toneBackground(Tone tone, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Window);
    const QColor hue = toneColor(tone, palette);
    constexpr double kWash = 0.14;
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - kWash) + hue.redF() * kWash),
                            static_cast<float>(base.greenF() * (1 - kWash) + hue.greenF() * kWash),
                            static_cast<float>(base.blueF() * (1 - kWash) + hue.blueF() * kWash));
}

double contrastRatio(const QColor& a, const QColor& b)
{
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor environmentColor(const QString& environment)
{
    if (environment == QStringLiteral("prod"))
        return QColor(0xd0, 0x21, 0x2d);
    if (environment == QStringLiteral("staging"))
        return QColor(0xc7, 0x7c, 0x02);
    return QColor(0x2e, 0x8b, 0x57);
}

QString environmentBadge(const QString& environment)
{
    return QStringLiteral("<span style=\"background-color:%1; color:#ffffff; font-weight:bold;\">&nbsp;%2&nbsp;</span>")
        .arg(environmentColor(environment).name(), environment.toHtmlEscaped());
}

void name(QWidget* widget, const QString& objectName, const QString& accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
}

void fillProfileComboBox(QComboBox* box, const QList<credentials::Profile>& profiles)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    box->clear();
    for (const credentials::Profile& p : profiles) {
        const QString text = p.environment == QStringLiteral("prod")
                                 ? QStringLiteral("%1 (%2, PROD)").arg(p.name, providerName(p.provider))
                                 : QStringLiteral("%1 (%2)").arg(p.name, providerName(p.provider));
        box->addItem(providerIcon(p.provider), text, p.name);
    }
    if (const int at = box->findData(current); at >= 0)
        box->setCurrentIndex(at);
}

void bindSearchField(QWidget* page, QLineEdit* search, QWidget* results)
{
    search->setClearButtonEnabled(true);
    for (QAbstractButton* clear : search->findChildren<QAbstractButton*>())
        clear->setAccessibleName(QCoreApplication::translate("Widgets", "Clear the search"));
    auto* find = new QShortcut(QKeySequence::Find, page);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(find, &QShortcut::activated, search, [search] {
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), search);
    escape->setContext(Qt::WidgetShortcut);
    QObject::connect(escape, &QShortcut::activated, search, [search, results] {
        search->clear();
        if (results)
            results->setFocus(Qt::ShortcutFocusReason);
    });
}

QString inUserWords(QString message)
{
    static const QRegularExpression cliHint(QStringLiteral(
        R"(\s*\((?:use |pass |with )?--[a-z][a-z0-9-]*(?: [A-Z_]+)?(?:(?: or |, )--[a-z][a-z0-9-]*(?: [A-Z_]+)?)*\))"));
    static const QRegularExpression errorNumber(
        QStringLiteral(R"(\s*\((?:ZEGOCLOUD )?error \d+(?:, [A-Za-z]+ invalid)?\))"));
    message.remove(cliHint);
    message.remove(errorNumber);
    return message;
}

void addContextMenu(QAbstractItemView* view, const QList<QAbstractButton*>& buttons, const QList<QAction*>& extra)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view, [view, buttons, extra](const QPoint& at) {
        if (const QModelIndex index = view->indexAt(at); index.isValid())
            view->setCurrentIndex(index);
        QMenu menu(view);
        menu.setObjectName(view->objectName() + QStringLiteral("ContextMenu"));
        for (QAbstractButton* button : buttons) {
            if (!button || button->isHidden())
                continue;
            QAction* action = menu.addAction(button->icon(), button->text());
            action->setObjectName(button->objectName() + QStringLiteral("MenuAction"));
            action->setEnabled(button->isEnabled());
            QObject::connect(action, &QAction::triggered, button, &QAbstractButton::click);
        }
        if (!extra.isEmpty()) {
            if (!menu.isEmpty())
                menu.addSeparator();
            menu.addActions(extra);
        }
        if (!menu.isEmpty())
            menu.exec(view->viewport()->mapToGlobal(at));
    });
}

} // namespace td::ui
