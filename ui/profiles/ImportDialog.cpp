// SPDX-License-Identifier: MIT
#include "ui/profiles/ImportDialog.h"

#include "ui/common/Widgets.h"
#include "ui/profiles/ProfileText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace td::ui {

using credentials::ImportedProfile;

ImportDialog::ImportDialog(const credentials::ImportResult& found, const QStringList& existingNames,
                           const QString& source, QWidget* parent)
    : QDialog(parent), m_found(found.profiles), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import profiles"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    auto* summary = new QLabel(
        tr("Found %n profile(s) in %1. Tick the ones to import:", nullptr, int(m_found.size())).arg(source), this);
    summary->setObjectName(QStringLiteral("summaryLabel"));
    summary->setWordWrap(true);
    summary->setBuddy(m_list);
    name(m_list, QStringLiteral("foundListWidget"), tr("Profiles found"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);

    for (qsizetype i = 0; i < m_found.size(); ++i) {
        const credentials::Profile& p = m_found.at(i).profile;
        const credentials::ProfileCheck check = credentials::validateProfile(p, m_found.at(i).secrets);
        QString text = tr("%1 — %2, %3").arg(p.name, providerTitle(p.provider), p.environment);
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, int(i));
        if (!check.ok()) {
            QStringList errors;
            for (const Finding& f : check.findings) {
                if (f.severity == Severity::Error)
                    errors << f.localized();
            }
            text += QLatin1Char('\n') + tr("cannot be imported: %1").arg(errors.join(QStringLiteral("; ")));
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        } else {
            if (existingNames.contains(p.name))
                text += QLatin1Char('\n') + tr("replaces the existing profile of that name (you will be asked)");
            item->setIcon(providerIcon(p.provider));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        item->setText(text);
    }
    m_list->setCurrentRow(0);

    auto* warnings = new QLabel(this);
    warnings->setObjectName(QStringLiteral("warningsLabel"));
    warnings->setWordWrap(true);
    warnings->setTextFormat(Qt::PlainText);
    QStringList lines;
    for (const QString& w : found.warnings)
        lines << tr("• %1").arg(w);
    warnings->setText(lines.join(QLatin1Char('\n')));
    warnings->setVisible(!lines.isEmpty());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonsDialogButtonBox"));
    m_import = buttons->button(QDialogButtonBox::Ok);
    m_import->setText(tr("&Import"));
    name(m_import, QStringLiteral("importSelectedPushButton"), tr("Import the ticked profiles"));
    name(buttons->button(QDialogButtonBox::Cancel), QStringLiteral("cancelPushButton"), tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(warnings);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::itemChanged, this, &ImportDialog::updateButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

QList<ImportedProfile> ImportDialog::selected() const
{
    QList<ImportedProfile> out;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* item = m_list->item(row);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            out.append(m_found.at(item->data(Qt::UserRole).toInt()));
    }
    return out;
}

void ImportDialog::updateButton()
{
    m_import->setEnabled(!selected().isEmpty());
}

} // namespace td::ui
