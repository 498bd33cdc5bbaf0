// SPDX-License-Identifier: MIT
#include "ui/inspect/InspectPage.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

const QStringList kTimeClaims = {QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat"),
                                 QStringLiteral("ctime"), QStringLiteral("expire")};

} // namespace

InspectPage::InspectPage(const Clock& clock, QWidget* parent)
    : QWidget(parent),
      m_clock(clock),
      m_token(new QPlainTextEdit(this)),
      m_identity(new QLineEdit(this)),
      m_secret(new QLineEdit(this)),
      m_inspect(new QPushButton(tr("&Inspect"), this)),
      m_summary(new QLabel(this)),
      m_claims(new QTreeWidget(this)),
      m_findings(new QListWidget(this)),
      m_permissions(new QListWidget(this))
{
    m_token->setObjectName(QStringLiteral("tokenPlainTextEdit"));
    m_token->setPlaceholderText(tr("Paste a token, a join link or an Authorization header"));
    m_token->setAccessibleName(tr("Token"));
    m_token->setTabChangesFocus(true);
    m_token->setMaximumHeight(110);
    m_identity->setObjectName(QStringLiteral("keyLineEdit"));
    m_identity->setPlaceholderText(tr("API key / AppID / app_id (optional)"));
    m_identity->setAccessibleName(tr("Key or application ID"));
    m_secret->setObjectName(QStringLiteral("secretLineEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Secret to verify with (optional)"));
    m_secret->setAccessibleName(tr("Verification secret"));
    m_inspect->setObjectName(QStringLiteral("inspectPushButton"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_claims->setObjectName(QStringLiteral("claimsTreeWidget"));
    m_claims->setHeaderLabels({tr("Claim"), tr("Value")});
    m_claims->setAccessibleName(tr("Header and claims"));
    m_claims->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findings->setObjectName(QStringLiteral("findingsListWidget"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setWordWrap(true);
    m_permissions->setObjectName(QStringLiteral("permissionsListWidget"));
    m_permissions->setAccessibleName(tr("Permissions"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Token:"), m_token);
    form->addRow(tr("&Key / ID:"), m_identity);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(QString(), m_inspect);

    auto* lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(m_findings);
    lists->addWidget(m_permissions);
    auto* results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(m_claims);
    results->addWidget(lists);
    results->setStretchFactor(0, 3);
    results->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(results, 1);

    connect(m_inspect, &QPushButton::clicked, this, &InspectPage::inspect);
    connect(m_secret, &QLineEdit::returnPressed, this, &InspectPage::inspect);
    setFocusProxy(m_token); // the page opens ready for a paste
    setTabOrder(m_token, m_identity);
    setTabOrder(m_identity, m_secret);
    setTabOrder(m_secret, m_inspect);
}

void InspectPage::inspect()
{
    m_claims->clear();
    m_findings->clear();
    m_permissions->clear();
    const QByteArray text = m_token->toPlainText().toUtf8();
    VerifyCredentials creds;
    creds.secret = m_secret->text().toUtf8();
    const QString id = m_identity->text().trimmed();
    creds.apiKey = id;
    creds.issuer = id;
    bool numeric = false;
    const uint appId = id.toUInt(&numeric);
    if (numeric)
        creds.zegoAppId = appId;
    const auto result = TokenInspector(m_clock).inspect(text, creds);
    if (!result) {
        m_summary->setText(tr("Not a token: %1").arg(result.error().message));
        return;
    }
    showResult(*result);
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
        const auto seconds = static_cast<qint64>(value.toDouble());
        const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds);
        item->setToolTip(1, t.toUTC().toString(Qt::ISODate));
        item->setText(1, tr("%1 — local %2 — UTC %3")
                             .arg(seconds)
                             .arg(QLocale().toString(t, QLocale::ShortFormat),
                                  t.toUTC().toString(Qt::ISODate)));
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
    m_summary->setText(tr("%1 · %2 · %3 · %4")
                           .arg(providerName(r.provider), r.kind, signature,
                                r.valid() ? tr("valid") : tr("not valid")));
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
        auto* item = new QListWidgetItem(QStringLiteral("[%1] %2 — %3").arg(severityName(f.severity), f.code, f.message));
        item->setData(Qt::UserRole, f.code);
        if (f.severity == Severity::Error)
            item->setForeground(QColor(0xc0, 0x1c, 0x28));
        item->setToolTip(f.message);
        m_findings->addItem(item);
    }
    if (r.findings.isEmpty())
        m_findings->addItem(tr("No findings"));
}

} // namespace td::ui
