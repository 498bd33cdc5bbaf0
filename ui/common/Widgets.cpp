// SPDX-License-Identifier: MIT
#include "ui/common/Widgets.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSvgRenderer>
#include <QCoreApplication>
#include <QLineEdit>

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

QIcon pageIcon(const QString& page)
{
    // Rendered from the SVG for each size and state: on the selection highlight the blue strokes would vanish, so
    // the selected state draws them in the palette's highlighted-text colour.
    QFile file(QStringLiteral(":/icons/page-%1.svg").arg(page));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray normal = file.readAll();
    QByteArray selected = normal;
    selected.replace("#4a86c8", QApplication::palette().color(QPalette::HighlightedText).name().toLatin1());
    QIcon icon;
    for (const auto& [svg, mode] : {std::pair{normal, QIcon::Normal}, std::pair{selected, QIcon::Selected}}) {
        QSvgRenderer renderer(svg);
        for (const int size : {16, 22, 24, 32, 44, 48, 64, 96, 128}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            renderer.render(&painter);
            painter.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
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

} // namespace td::ui
