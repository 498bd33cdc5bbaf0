// SPDX-License-Identifier: MIT
#include "ui/inspect/InspectPage.h"

#include "core/Duration.h"
#include "core/inspect/ClaimDiff.h"
#include "core/mint/MintPlan.h"
#include "core/providers/Registry.h"
#include "core/json/JsonNumber.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QSignalBlocker>
#include <QSyntaxHighlighter>
#include <QTimer>
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

#include <algorithm>

namespace td::ui {
namespace {

const QStringList kTimeClaims = {QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat"),
                                 QStringLiteral("ctime"), QStringLiteral("expire")};
// A dropped file larger than this is no token.
constexpr qint64 kMaxDroppedFile = qint64{64} * 1024;

} // namespace

/**
 * Colours a JWT's three parts where it sits in the pasted text (alone, after "Bearer ", or inside a join link) as
 * jwt.io does: header, payload, signature, and the dots between them plain. Colours follow the palette.
 */
class TokenHighlighter final : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

    void setToken(const QByteArray& token)
    {
        if (token == m_token)
            return;
        m_token = token;
        rehighlight();
    }

protected:
    void highlightBlock(const QString& text) override
    {
        const QList<QByteArray> parts = m_token.split('.');
        if (parts.size() != 3 || m_token.isEmpty())
            return;
        const qsizetype at = text.indexOf(QString::fromLatin1(m_token));
        if (at < 0)
            return;
        const QPalette palette = QGuiApplication::palette();
        const bool dark = isDark(palette);
        const QColor colours[3] = {dark ? QColor(0xff, 0x7a, 0xa8) : QColor(0xc2, 0x18, 0x5b),
                                   dark ? QColor(0xd6, 0x9e, 0xff) : QColor(0x7b, 0x1f, 0xa2),
                                   dark ? QColor(0x4f, 0xc3, 0xf7) : QColor(0x01, 0x57, 0x9b)};
        qsizetype start = at;
        for (int i = 0; i < 3; ++i) {
            QTextCharFormat format;
            format.setForeground(colours[i]);
            setFormat(static_cast<int>(start), static_cast<int>(parts.at(i).size()), format);
            start += parts.at(i).size() + 1;
        }
    }

private:
    QByteArray m_token;
};

InspectPage::InspectPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_token(new QPlainTextEdit(this)), m_verifyWith(new QComboBox(this)),
      m_identity(new QLineEdit(this)), m_secret(new QLineEdit(this)), m_inspect(new QPushButton(tr("&Inspect"), this)),
      m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)), m_claims(new QTreeWidget(this)),
      m_findings(new QListWidget(this)), m_permissions(new QListWidget(this)), m_otherToken(new QPlainTextEdit(this)),
      m_compare(new QPushButton(tr("Co&mpare"), this)), m_compareSummary(new QLabel(this)),
      m_diff(new QTreeWidget(this)), m_permissionsHeading(new QLabel(this)), m_debounce(new QTimer(this)),
      m_highlighter(new TokenHighlighter(m_token->document()))
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
    name(m_summary, QStringLiteral("summaryLabel"), tr("Verdict"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 2 + 20); // no jump when the text changes
    name(m_claims, QStringLiteral("claimsTreeWidget"), tr("Header and claims"));
    m_claims->setHeaderLabels({tr("Claim"), tr("Value")});
    m_claims->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_claims->setWordWrap(true);
    m_claims->setTextElideMode(Qt::ElideMiddle);
    name(m_findings, QStringLiteral("findingsListWidget"), tr("Findings"));
    m_findings->setWordWrap(true);
    name(m_permissions, QStringLiteral("permissionsListWidget"), tr("Permissions"));
    m_permissions->setWordWrap(true);
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

    // Every pane says what it is: a bold heading over it.
    auto headed = [this](const QString& title, QWidget* pane, QLabel* heading = nullptr) {
        auto* box = new QWidget(this);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        if (!heading)
            heading = new QLabel(box);
        heading->setText(title);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        layout->addWidget(heading);
        layout->addWidget(pane, 1);
        return box;
    };
    m_permissionsHeading->setObjectName(QStringLiteral("permissionsHeadingLabel"));
    auto* lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(headed(tr("Findings"), m_findings));
    lists->addWidget(headed(tr("Permissions and times"), m_permissions, m_permissionsHeading));
    auto* details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(headed(tr("Header and claims"), m_claims));
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
        m_debounce->start();
    });
    // A user's own choice of profile is never overridden by the automatic match.
    connect(m_verifyWith, &QComboBox::activated, this, [this] { m_autoProfile.clear(); });
    // Decoded as it is typed or pasted: no button to press, and never an old result beside new text.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &InspectPage::inspect);
    connect(m_token, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_autoProfile.isEmpty()) {
            // The profile was picked for the previous token: let the new one find its own.
            m_autoProfile.clear();
            const QSignalBlocker blocker(m_verifyWith);
            m_verifyWith->setCurrentIndex(0);
            m_identity->setEnabled(true);
            m_secret->setEnabled(true);
        }
        clearResult();
        // The old verdict must not stand beside new text, even for the blink before the decode.
        m_summary->setStyleSheet({});
        m_summary->setText(tr("Reading the token…"));
        m_summary->setAccessibleDescription(m_summary->text());
        m_summary->setProperty("tone", QVariant());
        m_debounce->start();
    });
    connect(m_identity, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_secret, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
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
    inspect(); // the empty page says what to do
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

Result<VerifyCredentials> InspectPage::profileCredentials(const QString& profileName)
{
    const auto profile = m_context.profiles.find(profileName);
    if (!profile)
        return fail(ErrorCode::NotFound, tr("the profile %1 is gone").arg(profileName));
    auto secrets = m_context.profiles.secrets(profileName);
    if (!secrets)
        return std::unexpected(secrets.error());
    return mint::verifyCredentials(*profile, *secrets);
}

Result<VerifyCredentials> InspectPage::credentials()
{
    const QString profileName = m_verifyWith->currentData().toString();
    if (!profileName.isEmpty())
        return profileCredentials(profileName);
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

QStringList matchingProfiles(const Inspection& decoded, const QList<credentials::Profile>& profiles)
{
    TokenKeys keys;
    keys.issuer = decoded.claims.value(QStringLiteral("iss")).toString();
    keys.subject = decoded.claims.value(QStringLiteral("sub")).toString();
    keys.keyId = decoded.header.value(QStringLiteral("kid")).toString();
    keys.kitAppId = decoded.header.value(QStringLiteral("kit")).toObject().value(QStringLiteral("appID"));
    keys.claims = decoded.claims;
    const ProviderModule* module = findModule(decoded.provider);
    QStringList out;
    for (const credentials::Profile& p : profiles) {
        if (!module || p.provider != decoded.provider)
            continue;
        const bool match = module->profileMatches(p, keys);
        if (match)
            out << p.name;
    }
    return out;
}

void InspectPage::pickMatchingProfile(const Inspection& decoded)
{
    if (m_verifyWith->currentIndex() > 0 || !m_identity->text().isEmpty() || !m_secret->text().isEmpty())
        return; // the user chose how to verify
    const QStringList candidates = matchingProfiles(decoded, m_context.profiles.profiles());
    // A token that names no key (a Token04, a Stream token): try a handful of the provider's profiles and keep the
    // one whose secret opens it.
    const ProviderModule* module = findModule(decoded.provider);
    const bool trial = module && module->matchesBySignature(decoded);
    QString chosen;
    for (const QString& name : candidates.mid(0, 8)) {
        if (!trial) {
            chosen = name;
            break;
        }
        const auto creds = profileCredentials(name);
        if (!creds)
            continue;
        const auto r = TokenInspector(m_context.clock).inspect(m_token->toPlainText().toUtf8(), *creds);
        if (r && r->signature == SignatureState::Valid) {
            chosen = name;
            break;
        }
    }
    if (chosen.isEmpty())
        return;
    m_autoProfile = chosen;
    const QSignalBlocker blocker(m_verifyWith);
    m_verifyWith->setCurrentIndex(m_verifyWith->findData(chosen));
    m_identity->setEnabled(false);
    m_secret->setEnabled(false);
}

void InspectPage::clearResult()
{
    m_claims->clear();
    m_findings->clear();
    m_permissions->clear();
    m_permissionsHeading->setText(tr("Permissions and times"));
}

void InspectPage::showVerdict(Tone tone, const QString& title, const QString& detail)
{
    static const QHash<Tone, QString> symbols{{Tone::Good, QStringLiteral("✔")},
                                              {Tone::Warning, QStringLiteral("⚠")},
                                              {Tone::Bad, QStringLiteral("✖")},
                                              {Tone::Neutral, QStringLiteral("ℹ")}};
    const QPalette& pal = palette();
    m_summary->setStyleSheet(QStringLiteral("QLabel#summaryLabel { background-color: %1; border-left: 5px solid %2; "
                                            "padding: 6px 10px; }")
                                 .arg(toneBackground(tone, pal).name(), toneColor(tone, pal).name()));
    m_summary->setText(
        QStringLiteral("<span style=\"color:%1; font-size:large;\">%2</span> <b>%3</b><br>%4")
            .arg(toneColor(tone, pal).name(), symbols.value(tone), title.toHtmlEscaped(), detail.toHtmlEscaped()));
    m_summary->setAccessibleDescription(title + QStringLiteral(". ") + detail);
    m_summary->setProperty("tone", static_cast<int>(tone));
}

void InspectPage::inspect()
{
    m_debounce->stop();
    clearResult();
    const QByteArray text = m_token->toPlainText().trimmed().toUtf8();
    m_highlighter->setToken(TokenInspector::extractToken(text));
    if (text.isEmpty()) {
        m_summary->setStyleSheet({});
        m_summary->setText(tr("Paste a token above: it is decoded as you paste."));
        m_summary->setAccessibleDescription(m_summary->text());
        m_summary->setProperty("tone", QVariant());
        return;
    }
    const auto decoded = TokenInspector(m_context.clock).inspect(text);
    if (!decoded) {
        showVerdict(Tone::Bad, tr("Not a token"), inUserWords(decoded.error().localized()));
        return;
    }
    pickMatchingProfile(*decoded);
    auto creds = credentials();
    if (!creds) {
        showResult(*decoded);
        showVerdict(Tone::Bad, tr("Cannot verify with this profile"), inUserWords(creds.error().localized()));
        return;
    }
    const auto result = TokenInspector(m_context.clock).inspect(text, *creds);
    if (!result) {
        showVerdict(Tone::Bad, tr("Not a token"), inUserWords(result.error().localized()));
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
                .arg(!left ? tr("first") : tr("second"), !left ? left.error().localized() : right.error().localized()));
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
        const QColor mark = toneColor(d.kind == ClaimDifference::Kind::Changed ? Tone::Warning : Tone::Bad, palette());
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
        item->setToolTip(1, tr("%1\nlocal: %2\nUTC: %3")
                                .arg(formatRelative(seconds, m_context.clock.nowSeconds()),
                                     QLocale().toString(t, QLocale::LongFormat), t.toUTC().toString(Qt::ISODate)));
        // Short enough for the column: the UTC time and the seconds are in the tooltip.
        item->setText(1, tr("%1 (%2) · %3")
                             .arg(QLocale().toString(t, QLocale::ShortFormat),
                                  formatRelative(seconds, m_context.clock.nowSeconds()))
                             .arg(seconds));
    } else {
        item->setText(1, value.isString() ? value.toString() : value.toVariant().toString());
        item->setToolTip(1, item->text(1)); // long values are elided in the middle: the whole one on hover
    }
}

void InspectPage::showResult(const Inspection& r)
{
    const QString what = QStringLiteral("%1 · %2").arg(providerName(r.provider), r.kind);
    const QString by =
        m_autoProfile.isEmpty()
            ? QString()
            : tr(" with profile %1, picked because its key or AppID matches the token").arg(m_autoProfile);
    const auto firstError =
        std::ranges::find_if(r.findings, [](const Finding& f) { return f.severity == Severity::Error; });
    const auto leeway = std::ranges::find_if(
        r.findings, [](const Finding& f) { return f.code == QStringLiteral("expired-within-leeway"); });
    const auto expiry = std::ranges::find_if(r.times, [](const TimeClaim& t) {
        return t.name == QStringLiteral("exp") || t.name == QStringLiteral("expire");
    });
    const QString expires = expiry == r.times.end() ? tr("no expiry") : tr("expires %1").arg(expiry->relative);
    const int errors = static_cast<int>(
        std::ranges::count_if(r.findings, [](const Finding& f) { return f.severity == Severity::Error; }));
    if (r.signature == SignatureState::Invalid)
        showVerdict(Tone::Bad, tr("Invalid: the signature does not match"),
                    tr("%1. Changed after signing, or signed with another secret than the one used%2.").arg(what, by));
    else if (firstError != r.findings.end())
        showVerdict(Tone::Bad, tr("Invalid: %1").arg(firstError->localized()),
                    errors > 1 ? tr("%1. %n more problem(s) under Findings.", nullptr, errors - 1).arg(what) : what);
    else if (r.signature == SignatureState::Unchecked)
        showVerdict(Tone::Neutral, tr("Not verified: signature not checked"),
                    tr("%1, %2. Decoded only: choose a profile, or type the key and secret, to check the signature.")
                        .arg(what, expires));
    else if (leeway != r.findings.end())
        showVerdict(Tone::Warning, tr("Valid within leeway: %1").arg(leeway->localized()),
                    tr("%1. Signature verified%2.").arg(what, by));
    else
        showVerdict(Tone::Good, tr("Valid: signature verified%1").arg(by), tr("%1, %2.").arg(what, expires));

    auto* header = new QTreeWidgetItem(m_claims, {tr("header")});
    for (auto it = r.header.begin(); it != r.header.end(); ++it)
        addJson(header, it.key(), it.value());
    header->setExpanded(true);
    auto* claims = new QTreeWidgetItem(m_claims, {tr("claims")});
    for (auto it = r.claims.begin(); it != r.claims.end(); ++it)
        addJson(claims, it.key(), it.value());
    claims->setExpanded(true);

    // Until the signature is verified, what the token grants is only what it claims.
    const bool verified = r.signature == SignatureState::Valid;
    m_permissionsHeading->setText(verified ? tr("Permissions and times")
                                           : tr("Permissions and times: claimed, not verified"));
    const QColor claimed = palette().color(QPalette::PlaceholderText);
    for (const TimeClaim& t : r.times) {
        auto* item = new QListWidgetItem(tr("%1: %2 (%3)").arg(t.name, t.utc, t.relative), m_permissions);
        item->setToolTip(QLocale().toString(QDateTime::fromSecsSinceEpoch(t.value), QLocale::LongFormat));
    }
    for (const QString& p : r.permissions) {
        auto* item = new QListWidgetItem(verified ? p : tr("%1 (claimed)").arg(p), m_permissions);
        item->setToolTip(item->text());
        if (!verified)
            item->setForeground(claimed);
    }
    for (const Finding& f : r.findings) {
        auto* item = new QListWidgetItem(
            QStringLiteral("[%1] %2 — %3").arg(severityName(f.severity), f.code, inUserWords(f.localized())));
        item->setData(Qt::UserRole, f.code);
        if (f.severity == Severity::Error)
            item->setForeground(toneColor(Tone::Bad, palette()));
        else if (f.severity == Severity::Warning)
            item->setForeground(toneColor(Tone::Warning, palette()));
        item->setToolTip(f.localized());
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
