// SPDX-License-Identifier: MIT
#include "ui/batch/MatrixTab.h"

#include "core/io/PrivateFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "core/Duration.h"
#include "core/providers/jitsi/JitsiClaims.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"

namespace td::ui {
namespace {

QList<QStringList> parseLists(const QString& text)
{
    QList<QStringList> out;
    for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString v = part.trimmed();
        out << ((v == QStringLiteral("all") || v == QStringLiteral("any"))
                    ? QStringList()
                    : v.split(QRegularExpression(QStringLiteral("[+,\\s]+")), Qt::SkipEmptyParts));
    }
    return out;
}

/** "feature:outbound-call" -> "featureOutboundCallCheckBox": an objectName in the usual form for each dimension. */
QString checkBoxName(const QString& key)
{
    QString out;
    bool upper = false;
    for (const QChar c : key) {
        if (!c.isLetterOrNumber()) {
            upper = !out.isEmpty();
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out + QStringLiteral("CheckBox");
}

/** Draws on one line, elided: a token or link broken over lines is neither readable nor selectable by eye. */
class SingleLineDelegate final : public QStyledItemDelegate {
    Q_DISABLE_COPY_MOVE(SingleLineDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features &= ~QStyleOptionViewItem::WrapText;
        option->textElideMode = Qt::ElideMiddle;
    }
};

/**
 * Wraps, and measures the height a little narrower than the column: a table draws a cell one grid line narrower
 * than the width it gives the size hint, and a last word that fits the hint's width would be cut off when drawn.
 */
class WrappedDelegate final : public QStyledItemDelegate {
    Q_DISABLE_COPY_MOVE(WrappedDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem narrower(option);
        if (narrower.rect.width() > 16)
            narrower.rect.setWidth(narrower.rect.width() - 4);
        return QStyledItemDelegate::sizeHint(narrower, index) + QSize(0, 6); // a little air between the rows
    }
};

constexpr int kSettingsColumn = 2;
constexpr int kExpectedColumn = 3;
constexpr int kTokenColumn = 4;
constexpr int kLinkColumn = 5;

} // namespace

MatrixTab::MatrixTab(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_profile(new QComboBox(this)), m_room(new QLineEdit(this)),
      m_prefix(new QLineEdit(QStringLiteral("qa"), this)), m_ttl(new QLineEdit(this)),
      m_dimensionBox(new QWidget(this)), m_valuesLabel(new QLabel(this)), m_values(new QLineEdit(this)),
      m_features(new QListWidget(this)), m_count(new QLabel(this)), m_generate(new QPushButton(tr("Gene&rate"), this)),
      m_export(new QPushButton(tr("E&xport…"), this)), m_table(new QTableWidget(this)),
      m_error(makeErrorLabel(this, QStringLiteral("matrixErrorLabel"), tr("Matrix error"))), m_fitRows(new QTimer(this))
{
    name(m_profile, QStringLiteral("matrixProfileComboBox"), tr("Profile for the matrix"));
    name(m_room, QStringLiteral("matrixRoomLineEdit"), tr("Room every combination joins"));
    m_room->setPlaceholderText(tr("the profile's default room"));
    name(m_prefix, QStringLiteral("prefixLineEdit"), tr("Identity prefix"));
    name(m_ttl, QStringLiteral("matrixTtlLineEdit"), tr("Token lifetime"));
    m_ttl->setPlaceholderText(tr("the provider's default"));
    name(m_values, QStringLiteral("valuesLineEdit"), tr("Values to try, separated by ;"));
    name(m_features, QStringLiteral("featuresListWidget"), tr("Jitsi features to vary"));
    m_features->setMaximumHeight(120);
    m_count->setObjectName(QStringLiteral("countLabel"));
    name(m_generate, QStringLiteral("generatePushButton"), tr("Generate every combination"));
    name(m_export, QStringLiteral("exportMatrixPushButton"), tr("Export the matrix as CSV, Markdown or HTML"));
    m_export->setEnabled(false);
    name(m_table, QStringLiteral("matrixTableWidget"), tr("Combinations and their expected behaviour"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    auto* singleLine = new SingleLineDelegate(m_table);
    m_table->setItemDelegateForColumn(kTokenColumn, singleLine);
    m_table->setItemDelegateForColumn(kLinkColumn, singleLine);
    auto* wrapped = new WrappedDelegate(m_table);
    m_table->setItemDelegateForColumn(kSettingsColumn, wrapped);
    m_table->setItemDelegateForColumn(kExpectedColumn, wrapped);
    // The wrapped columns' height depends on their width, which the stretch settles only once the table is laid out
    // (and again when the scroll bar comes or goes): rows are refitted once things have settled.
    m_fitRows->setSingleShot(true);
    m_fitRows->setInterval(20);
    connect(m_fitRows, &QTimer::timeout, m_table, &QTableView::resizeRowsToContents);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_fitRows, qOverload<>(&QTimer::start));
    m_table->viewport()->installEventFilter(this);
    new QHBoxLayout(m_dimensionBox);
    m_dimensionBox->layout()->setContentsMargins(0, 0, 0, 0);

    m_valuesLabel->setBuddy(m_values);
    auto* form = m_form = new QFormLayout;
    form->addRow(tr("Pr&ofile:"), m_profile);
    form->addRow(tr("Roo&m:"), m_room);
    form->addRow(tr("Identity &prefix:"), m_prefix);
    form->addRow(tr("&TTL:"), m_ttl);
    form->addRow(tr("&Dimensions:"), m_dimensionBox);
    form->addRow(m_valuesLabel, m_values);
    form->addRow(tr("Feat&ures:"), m_features);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_generate);
    buttons->addWidget(m_export);
    buttons->addWidget(m_count, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);

    for (const QString& feature : jitsi::knownFeatures()) {
        auto* item = new QListWidgetItem(feature, m_features);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool standard = feature == QStringLiteral("recording") || feature == QStringLiteral("livestreaming") ||
                              feature == QStringLiteral("transcription") || feature == QStringLiteral("outbound-call");
        item->setCheckState(standard ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_profile, &QComboBox::currentIndexChanged, this, &MatrixTab::rebuildDimensions);
    connect(m_values, &QLineEdit::textChanged, this, &MatrixTab::updateCount);
    connect(m_features, &QListWidget::itemChanged, this, &MatrixTab::rebuildDimensions);
    connect(m_generate, &QPushButton::clicked, this, &MatrixTab::generate);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            m_context.dialogs.saveFileName(this, tr("Export the matrix"), QStringLiteral("matrix.html"),
                                           tr("HTML checklist (*.html);;Markdown (*.md);;CSV (*.csv)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &MatrixTab::reloadProfiles);
    reloadProfiles();
}

bool MatrixTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_table->rowCount() > 0)
        m_fitRows->start();
    return QWidget::eventFilter(watched, event);
}

Provider MatrixTab::provider() const
{
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    return profile ? profile->provider : Provider::Unknown;
}

void MatrixTab::reloadProfiles()
{
    fillProfileComboBox(m_profile, m_context.profiles.profiles());
    rebuildDimensions();
}

batch::MatrixSpec MatrixTab::spec() const
{
    batch::MatrixSpec spec;
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    spec.room = m_room->text().trimmed().isEmpty() && profile ? profile->room : m_room->text().trimmed();
    if (!m_prefix->text().trimmed().isEmpty())
        spec.identityPrefix = m_prefix->text().trimmed();
    if (auto ttl = parseDuration(m_ttl->text().trimmed()); ttl && !m_ttl->text().trimmed().isEmpty())
        spec.ttlSeconds = *ttl;
    for (QCheckBox* box : m_dimensions) {
        if (box->isChecked())
            spec.dimensions << box->property("dimension").toString();
    }
    if (provider() == Provider::LiveKit)
        spec.sourceSets = parseLists(m_values->text());
    else if (provider() == Provider::Zego)
        spec.streamLists = parseLists(m_values->text());
    for (int i = 0; i < m_features->count(); ++i) {
        if (m_features->item(i)->checkState() == Qt::Checked)
            spec.features << m_features->item(i)->text();
    }
    return spec;
}

void MatrixTab::rebuildDimensions()
{
    QStringList checked;
    for (QCheckBox* box : m_dimensions) {
        if (box->isChecked())
            checked << box->property("dimension").toString();
        delete box;
    }
    const bool keep = !checked.isEmpty();
    m_dimensions.clear();
    const Provider p = provider();
    batch::MatrixSpec current;
    for (int i = 0; i < m_features->count(); ++i) {
        if (m_features->item(i)->checkState() == Qt::Checked)
            current.features << m_features->item(i)->text();
    }
    if (current.features.isEmpty())
        current.features << QStringLiteral("recording");
    for (const batch::MatrixDimension& d : batch::matrixDimensions(p, current)) {
        auto* box = new QCheckBox(d.label, m_dimensionBox);
        box->setProperty("dimension", d.key);
        box->setObjectName(checkBoxName(d.key));
        box->setAccessibleName(tr("Vary %1").arg(d.label));
        box->setChecked(!keep || checked.contains(d.key) || d.key.startsWith(QStringLiteral("feature:")));
        m_dimensionBox->layout()->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &MatrixTab::updateCount);
        m_dimensions << box;
    }
    m_form->setRowVisible(m_features, p == Provider::Jaas || p == Provider::Jitsi);
    m_form->setRowVisible(m_values, p == Provider::LiveKit || p == Provider::Zego);
    m_valuesLabel->setText(p == Provider::Zego ? tr("&Stream lists:") : tr("Sour&ce sets:"));
    m_values->setPlaceholderText(p == Provider::Zego ? tr("any; qa-stream (separate lists with ;)")
                                                     : tr("all; camera; microphone; screen_share+screen_share_audio"));
    updateCount();
}

void MatrixTab::updateCount()
{
    const batch::MatrixSpec s = spec();
    qint64 count = 1;
    for (const batch::MatrixDimension& d : batch::matrixDimensions(provider(), s)) {
        if (s.dimensions.contains(d.key))
            count *= qMax<qsizetype>(1, d.values.size());
    }
    m_count->setText(s.dimensions.isEmpty() ? tr("Choose at least one dimension")
                                            : tr("%n combination(s)", nullptr, int(qMin<qint64>(count, 1 << 30))));
    m_generate->setEnabled(!s.dimensions.isEmpty() && count <= batch::kMaxMatrixRows);
}

bool MatrixTab::generate()
{
    m_error->clear();
    const auto profile = m_context.profiles.find(m_profile->currentData().toString());
    if (!profile) {
        m_error->showError(tr("Choose a profile first (add one on the Profiles page)."));
        return false;
    }
    auto secrets = m_context.profiles.secrets(profile->name);
    if (!secrets) {
        m_error->showError(tr("Cannot read the secrets of %1: %2").arg(profile->name, secrets.error().localized()));
        return false;
    }
    if (const QString ttl = m_ttl->text().trimmed(); !ttl.isEmpty()) {
        if (auto seconds = parseDuration(ttl); !seconds) {
            m_error->showError(tr("TTL: %1").arg(seconds.error().localized()));
            return false;
        }
    }
    auto minter = mint::PlanMinter::create(*profile, *secrets);
    if (!minter) {
        m_error->showError(minter.error().localized());
        return false;
    }
    auto matrix = batch::buildMatrix(*minter, spec(), m_context.clock);
    if (!matrix) {
        m_error->showError(matrix.error().localized());
        return false;
    }
    m_matrix = std::move(*matrix);
    showMatrix();
    m_export->setEnabled(true);
    return true;
}

void MatrixTab::showMatrix()
{
    const QStringList headers{tr("#"),     tr("identity"), tr("settings"), tr("expected behaviour"),
                              tr("token"), tr("join link")};
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_matrix->rows.size()));
    for (int r = 0; r < m_matrix->rows.size(); ++r) {
        const batch::MatrixRow& row = m_matrix->rows[r];
        QStringList settings;
        for (const auto& [label, value] : row.settings)
            settings << QStringLiteral("%1: %2").arg(label, value);
        const QStringList cells{
            QString::number(row.number),      row.identity,
            settings.join(QLatin1Char('\n')), row.error.isEmpty() ? row.expected.join(QStringLiteral("; ")) : row.error,
            QString::fromLatin1(row.token),   row.joinLink};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (!row.error.isEmpty()) {
                // As on the Batch tab: the row is tinted and every cell of it tells why.
                item->setToolTip(row.error);
                item->setBackground(QColor(220, 50, 47, 70));
            } else if (c == kExpectedColumn) {
                item->setToolTip(row.expected.join(QLatin1Char('\n')));
            } else if (c == kTokenColumn || c == kLinkColumn) {
                item->setToolTip(cells[c]);
            }
            m_table->setItem(r, c, item);
        }
    }
    // Settings and the expected behaviour wrap (they are what a tester reads); token and link stay one line.
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(kSettingsColumn, 240);
    m_table->setColumnWidth(kTokenColumn, 140);
    m_table->setColumnWidth(kLinkColumn, 160);
    m_table->horizontalHeader()->setSectionResizeMode(kExpectedColumn, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
    m_count->setText(tr("%n combination(s) minted", nullptr, int(m_matrix->rows.size())));
}

bool MatrixTab::exportFile(const QString& path)
{
    if (!m_matrix)
        return false;
    const auto format = batch::chooseFormat(path, batch::FileUse::MatrixReport);
    if (!format) {
        m_error->showError(tr("Cannot tell the format of %1: use .html, .md or .csv").arg(path));
        return false;
    }
    if (auto ok = io::writeFileAtomically(path, batch::matrixReport(*m_matrix, *format)); !ok) {
        m_error->showError(tr("Cannot write %1: %2").arg(path, ok.error().localized()));
        return false;
    }
    m_error->showNote(tr("Wrote %1 (readable only by you: it holds live tokens).").arg(QFileInfo(path).fileName()));
    return true;
}

void MatrixTab::takeOver(const MatrixTab& previous)
{
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(previous.m_profile->currentData())));
    m_room->setText(previous.m_room->text());
    m_prefix->setText(previous.m_prefix->text());
    m_ttl->setText(previous.m_ttl->text());
    m_values->setText(previous.m_values->text());
    for (qsizetype i = 0; i < m_dimensions.size() && i < previous.m_dimensions.size(); ++i)
        m_dimensions.at(i)->setChecked(previous.m_dimensions.at(i)->isChecked());
    for (int i = 0; i < m_features->count() && i < previous.m_features->count(); ++i)
        m_features->item(i)->setCheckState(previous.m_features->item(i)->checkState());
    m_matrix = previous.m_matrix;
    if (m_matrix)
        showMatrix();
    updateCount();
}

} // namespace td::ui
