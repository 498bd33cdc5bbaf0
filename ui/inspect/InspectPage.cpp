// SPDX-License-Identifier: MIT
#include "ui/inspect/InspectPage.h"

#include "core/Duration.h"
#include "core/inspect/ClaimDiff.h"
#include "core/mint/MintPlan.h"
#include "core/json/JsonNumber.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"

#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

const QStringList kTimeClaims = {QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat"),
                                 QStringLiteral("ctime"), QStringLiteral("expire")};
// A dropped file larger than this is no token.
constexpr qint64 kMaxDroppedFile = qint64{64} * 1024;

} // namespace

InspectPage::InspectPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_token(new QPlainTextEdit(this)), m_verifyWith(new QComboBox(this)),
      m_identity(new QLineEdit(this)), m_secret(new QLineEdit(this)), m_inspect(new QPushButton(tr("&Inspect"), this)),
      m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)), m_claims(new QTreeWidget(this)),
      m_findings(new QListWidget(this)), m_permissions(new QListWidget(this)), m_otherToken(new QPlainTextEdit(this)),
      m_compare(new QPushButton(tr("Co&mpare"), this)), m_compareSummary(new QLabel(this)),
      m_diff(new QTreeWidget(this))
{
    name(m_token, QStringLiteral("tokenPlainTextEdit"), tr("Token"));
    m_token->setPlaceholderText(tr("Paste or drop a token, a join link or an Authorization header"));
    m_token->setTabChangesFocus(true);
    m_token->setMaximumHeight(110);
    name(m_verifyWith, QStringLiteral("verifyWithComboBox"), tr("Verify with"));
    m_verifyWith->setToolTip(tr("A stored profile, or the key and secret typed below"));
    name(m_identity, QStringLiteral("keyLineEdit"), tr("Key or application ID"));
    m_identity->setPlaceholderText(tr("API key / AppID / app_id (optional)"));
    name(m_secret, QStringLiteral("secretLineEdit"), tr("Verification secret"));
    m_secret->setPlaceholderText(tr("Secret to verify with (optional)"));
    addRevealToggle(m_secret);
    name(m_inspect, QStringLiteral("inspectPushButton"), tr("Inspect"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    name(m_claims, QStringLiteral("claimsTreeWidget"), tr("Header and claims"));
    m_claims->setHeaderLabels({tr("Claim"), tr("Value")});
    m_claims->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    name(m_findings, QStringLiteral("findingsListWidget"), tr("Findings"));
    m_findings->setWordWrap(true);
    name(m_permissions, QStringLiteral("permissionsListWidget"), tr("Permissions"));
    name(m_otherToken, QStringLiteral("otherTokenPlainTextEdit"), tr("Second token"));
    m_otherToken->setPlaceholderText(tr("Paste a second token to compare with the first"));
    m_otherToken->setTabChangesFocus(true);
    m_otherToken->setMaximumHeight(90);
    name(m_compare, QStringLiteral("comparePushButton"), tr("Compare"));
    m_compareSummary->setObjectName(QStringLiteral("compareSummaryLabel"));
    m_compareSummary->setWordWrap(true);
    name(m_diff, QStringLiteral("diffTreeWidget"), tr("Claim by claim comparison"));
    m_diff->setRootIsDecorated(false);
    m_diff->setHeaderLabels({tr("Claim"), tr("First token"), tr("Second token")});
    m_diff->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* form = new QFormLayout;
    auto* tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, m_token);
    auto* verifyLabel = new QLabel(tr("&Verify with:"), this);
    verifyLabel->setBuddy(m_verifyWith);
    form->addRow(verifyLabel, m_verifyWith);
    auto* keyLabel = new QLabel(tr("&Key / ID:"), this);
    keyLabel->setBuddy(m_identity);
    form->addRow(keyLabel, m_identity);
    auto* secretLabel = new QLabel(tr("&Secret:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, m_secret);
    form->addRow(QString(), m_inspect);

    auto* lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(m_findings);
    lists->addWidget(m_permissions);
    auto* details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_claims);
    details->addWidget(lists);
    details->setStretchFactor(0, 3);
    details->setStretchFactor(1, 2);

    auto* compareTab = new QWidget(this);
    auto* compareLayout = new QVBoxLayout(compareTab);
    auto* otherLabel = new QLabel(tr("S&econd token:"), compareTab);
    otherLabel->setBuddy(m_otherToken);
    compareLayout->addWidget(otherLabel);
    compareLayout->addWidget(m_otherToken);
    compareLayout->addWidget(m_compare, 0, Qt::AlignLeft);
    compareLayout->addWidget(m_compareSummary);
    compareLayout->addWidget(m_diff, 1);

    m_tabs->setObjectName(QStringLiteral("inspectTabWidget"));
    m_tabs->addTab(details, tr("Details"));
    m_tabs->addTab(compareTab, tr("Compare two tokens"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    refreshProfiles();
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &InspectPage::refreshProfiles);
    connect(m_verifyWith, &QComboBox::currentIndexChanged, this, [this] {
        const bool manual = m_verifyWith->currentIndex() <= 0;
        m_identity->setEnabled(manual);
        m_secret->setEnabled(manual);
    });
    connect(m_inspect, &QPushButton::clicked, this, &InspectPage::inspect);
    connect(m_secret, &QLineEdit::returnPressed, this, &InspectPage::inspect);
    connect(m_compare, &QPushButton::clicked, this, &InspectPage::compare);
    setAcceptDrops(true);
    setFocusProxy(m_token); // the page opens ready for a paste
    setTabOrder(m_token, m_verifyWith);
    setTabOrder(m_verifyWith, m_identity);
    setTabOrder(m_identity, m_secret);
    setTabOrder(m_secret, m_inspect);
    setTabOrder(m_inspect, m_tabs);
}

void InspectPage::refreshProfiles()
{
    const QString current = m_verifyWith->currentData().toString();
    m_verifyWith->clear();
    m_verifyWith->addItem(tr("Key and secret typed below"), QString());
    for (const credentials::Profile& p : m_context.profiles.profiles())
        m_verifyWith->addItem(providerIcon(p.provider), QStringLiteral("%1 (%2)").arg(p.name, p.environment), p.name);
    m_verifyWith->setCurrentIndex(std::max(0, m_verifyWith->findData(current)));
}

Result<VerifyCredentials> InspectPage::credentials()
{
    const QString profileName = m_verifyWith->currentData().toString();
    if (!profileName.isEmpty()) {
        const auto profile = m_context.profiles.find(profileName);
        if (!profile)
            return fail(ErrorCode::InvalidArgument, tr("the profile %1 is gone").arg(profileName));
        auto secrets = m_context.profiles.secrets(profileName);
        if (!secrets)
            return std::unexpected(secrets.error());
        return mint::verifyCredentials(*profile, *secrets);
    }
    VerifyCredentials creds;
    creds.secret = m_secret->text().toUtf8();
    const QString id = m_identity->text().trimmed();
    creds.apiKey = id;
    creds.issuer = id;
    bool numeric = false;
    const uint appId = id.toUInt(&numeric);
    if (numeric)
        creds.zegoAppId = appId;
    return creds;
}

void InspectPage::inspect()
{
    m_claims->clear();
    m_findings->clear();
    m_permissions->clear();
    auto creds = credentials();
    if (!creds) {
        m_summary->setText(tr("Cannot verify with this profile: %1").arg(creds.error().message));
        return;
    }
    const auto result = TokenInspector(m_context.clock).inspect(m_token->toPlainText().toUtf8(), *creds);
    if (!result) {
        m_summary->setText(tr("Not a token: %1").arg(result.error().message));
        return;
    }
    showResult(*result);
}

void InspectPage::compare()
{
    m_diff->clear();
    const TokenInspector inspector(m_context.clock);
    const auto left = inspector.inspect(m_token->toPlainText().toUtf8());
    const auto right = inspector.inspect(m_otherToken->toPlainText().toUtf8());
    if (!left || !right) {
        m_compareSummary->setText(
            tr("Not a token (%1): %2")
                .arg(!left ? tr("first") : tr("second"), !left ? left.error().message : right.error().message));
        return;
    }
    int changed = 0;
    for (const ClaimDifference& d : diffClaims(left->header, left->claims, right->header, right->claims)) {
        auto* item = new QTreeWidgetItem(m_diff, {d.path, d.left, d.right});
        item->setData(0, Qt::UserRole, static_cast<int>(d.kind));
        if (d.kind == ClaimDifference::Kind::Same)
            continue;
        ++changed;
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int column = 0; column < 3; ++column)
            item->setFont(column, bold);
        // Amber for a changed value, red for a claim only one token has; readable on light and dark palettes.
        const QColor mark =
            d.kind == ClaimDifference::Kind::Changed ? QColor(0xc7, 0x7c, 0x02) : QColor(0xd0, 0x21, 0x2d);
        item->setForeground(0, mark);
        item->setToolTip(0, d.kind == ClaimDifference::Kind::Changed    ? tr("different values")
                            : d.kind == ClaimDifference::Kind::OnlyLeft ? tr("only in the first token")
                                                                        : tr("only in the second token"));
    }
    m_compareSummary->setText(
        tr("%1 (%2) and %3 (%4): %n claim(s) differ", nullptr, changed)
            .arg(providerName(left->provider), left->kind, providerName(right->provider), right->kind));
}

void InspectPage::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasText() || event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void InspectPage::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    QString text = mime->text();
    if (mime->hasUrls() && mime->urls().constFirst().isLocalFile()) {
        QFile file(mime->urls().constFirst().toLocalFile());
        if (file.size() > kMaxDroppedFile || !file.open(QIODevice::ReadOnly)) {
            m_summary->setText(tr("That file is not a token (too large or unreadable)."));
            return;
        }
        text = QString::fromUtf8(file.readAll()).trimmed();
    }
    m_token->setPlainText(text);
    event->acceptProposedAction();
    inspect();
}

void InspectPage::addJson(QTreeWidgetItem* parent, const QString& key, const QJsonValue& value)
{
    auto* item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value());
        item->setExpanded(true);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, QString::number(i), a.at(i));
        item->setExpanded(true);
    } else if (value.isDouble() && kTimeClaims.contains(key)) {
        const qint64 seconds = json::claimSeconds(value); // clamped: a hostile 1e300 must not overflow
        const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds);
        item->setToolTip(1, t.toUTC().toString(Qt::ISODate));
        item->setText(1, tr("%1 — local %2 — UTC %3 — %4")
                             .arg(seconds)
                             .arg(QLocale().toString(t, QLocale::ShortFormat), t.toUTC().toString(Qt::ISODate),
                                  formatRelative(seconds, m_context.clock.nowSeconds())));
    } else {
        item->setText(1, value.isString() ? value.toString() : value.toVariant().toString());
    }
}

void InspectPage::showResult(const Inspection& r)
{
    QString signature;
    switch (r.signature) {
    case SignatureState::Valid: signature = tr("signature valid"); break;
    case SignatureState::Invalid: signature = tr("signature INVALID"); break;
    case SignatureState::Unchecked: signature = tr("signature not checked (no secret)"); break;
    }
    m_summary->setText(
        tr("%1 · %2 · %3 · %4")
            .arg(providerName(r.provider), r.kind, signature, r.valid() ? tr("valid") : tr("not valid")));
    auto* header = new QTreeWidgetItem(m_claims, {tr("header")});
    for (auto it = r.header.begin(); it != r.header.end(); ++it)
        addJson(header, it.key(), it.value());
    header->setExpanded(true);
    auto* claims = new QTreeWidgetItem(m_claims, {tr("claims")});
    for (auto it = r.claims.begin(); it != r.claims.end(); ++it)
        addJson(claims, it.key(), it.value());
    claims->setExpanded(true);
    for (const TimeClaim& t : r.times)
        m_permissions->addItem(tr("%1: %2 (%3)").arg(t.name, t.utc, t.relative));
    for (const QString& p : r.permissions)
        m_permissions->addItem(p);
    for (const Finding& f : r.findings) {
        auto* item =
            new QListWidgetItem(QStringLiteral("[%1] %2 — %3").arg(severityName(f.severity), f.code, f.message));
        item->setData(Qt::UserRole, f.code);
        if (f.severity == Severity::Error)
            item->setForeground(QColor(0xd0, 0x21, 0x2d));
        item->setToolTip(f.message);
        m_findings->addItem(item);
    }
    if (r.findings.isEmpty())
        m_findings->addItem(tr("No findings"));
}

void InspectPage::takeOver(const InspectPage& previous)
{
    m_verifyWith->setCurrentIndex(std::max(0, m_verifyWith->findData(previous.m_verifyWith->currentData())));
    m_identity->setText(previous.m_identity->text());
    m_secret->setText(previous.m_secret->text());
    m_otherToken->setPlainText(previous.m_otherToken->toPlainText());
    m_token->setPlainText(previous.m_token->toPlainText());
    m_tabs->setCurrentIndex(previous.m_tabs->currentIndex());
    if (!m_token->toPlainText().trimmed().isEmpty())
        inspect();
    if (!m_otherToken->toPlainText().trimmed().isEmpty())
        compare();
}

} // namespace td::ui
