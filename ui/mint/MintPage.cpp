// SPDX-License-Identifier: MIT
#include "ui/mint/MintPage.h"
#include "core/providers/Registry.h"

#include "core/Duration.h"
#include "core/history/HistoryStore.h"
#include "core/settings/Settings.h"
#include "ui/common/AppContext.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "ui/mint/AgoraForm.h"
#include "ui/mint/HmsForm.h"
#include "ui/mint/JitsiForm.h"
#include "ui/mint/JsonEditor.h"
#include "ui/mint/LiveKitForm.h"
#include "ui/mint/ProviderForm.h"
#include "ui/mint/ResultPanel.h"
#include "ui/mint/StreamForm.h"
#include "ui/mint/TwilioForm.h"
#include "ui/mint/VonageForm.h"
#include "ui/mint/ZegoForm.h"

#include <QComboBox>
#include <QShowEvent>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

namespace td::ui {
namespace {

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error: return MintPage::tr("error");
    case Severity::Warning: return MintPage::tr("warning");
    case Severity::Info: return MintPage::tr("note");
    }
    return {};
}

/** `untouched`: nothing typed yet, so an error is what is still needed, not a mistake (shown neutral, not red). */
QListWidgetItem* findingItem(Severity severity, const QString& code, const QString& message, const QPalette& palette,
                             bool untouched = false)
{
    const bool needed = untouched && severity == Severity::Error;
    auto* item = new QListWidgetItem(
        MintPage::tr("%1: %2").arg(needed ? MintPage::tr("needed") : severityText(severity), inUserWords(message)));
    item->setData(Qt::UserRole, code);
    item->setToolTip(code);
    // Colours from the palette's tones, readable in the light and the dark theme.
    if (severity == Severity::Error && !needed)
        item->setForeground(toneColor(Tone::Bad, palette));
    else if (severity == Severity::Warning)
        item->setForeground(toneColor(Tone::Warning, palette));
    return item;
}

} // namespace

MintPage::MintPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_profile(new QComboBox(this)), m_environment(new QLabel(this)),
      m_prodWarning(new QLabel(this)), m_ttl(new QLineEdit(this)), m_ttlStatus(new QLabel(this)),
      m_notBeforeLabel(new QLabel(tr("&Not before, back-dated by:"), this)), m_notBefore(new QSpinBox(this)),
      m_forms(new QStackedWidget(this)), m_noForm(new QLabel(this)), m_preview(new QPlainTextEdit(this)),
      m_rawJson(new QPlainTextEdit(this)), m_rawJsonStatus(new QLabel(this)), m_findings(new QListWidget(this)),
      m_status(new QLabel(this)), m_mint(new QPushButton(tr("Mint"), this)), m_result(new ResultPanel(context, this))
{
    setObjectName(QStringLiteral("mintPage"));
    name(m_noForm, QStringLiteral("noFormLabel"), tr("No form"));
    m_noForm->setWordWrap(true);
    m_noForm->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_forms->addWidget(m_noForm);
    addForm(Provider::LiveKit, new LiveKitForm(this));
    addForm(Provider::Zego, new ZegoForm(this));
    addForm(Provider::Jaas, new JitsiForm(false, this));
    addForm(Provider::Jitsi, new JitsiForm(true, this));
    addForm(Provider::Stream, new StreamForm(this));
    addForm(Provider::Twilio, new TwilioForm(this));
    addForm(Provider::Hms, new HmsForm(this));
    addForm(Provider::Agora, new AgoraForm(this));
    addForm(Provider::Vonage, new VonageForm(false, this));
    addForm(Provider::OpenTok, new VonageForm(true, this));

    m_formColumn = new QWidget(this);
    m_formColumnLayout = new QVBoxLayout(m_formColumn);
    m_formColumnLayout->setContentsMargins(0, 0, 4, 0);
    m_formColumnLayout->addWidget(m_forms);
    m_formColumnLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("formScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_formColumn);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_mintBar = buildMintBar();
    m_card = buildCard();

    auto* side = new QWidget(this);
    m_side = side;
    side->setObjectName(QStringLiteral("resultCard"));
    m_sideLayout = new QVBoxLayout(side);
    m_sideLayout->setContentsMargins(0, 0, 0, 0);
    m_sideLayout->addWidget(m_mintBar);
    m_sideLayout->addWidget(m_card, 1);
    // Wide enough for the buttons and a readable token, never wider: the form gets everything else.
    side->setFixedWidth(std::clamp(fontMetrics().averageCharWidth() * 52, 360, 520));

    auto* body = new QHBoxLayout;
    body->addWidget(m_scroll, 1);
    body->addWidget(side);
    m_empty = new QWidget(this);
    m_empty->setObjectName(QStringLiteral("mintEmptyState"));
    auto* emptyText = new QLabel(tr("Mint signs a token with the credentials of a profile: an API key and secret, an "
                                    "AppID and ServerSecret, or a private key. There is no profile yet."),
                                 m_empty);
    emptyText->setWordWrap(true);
    auto* setup = new QPushButton(tr("Set up a profile…"), m_empty);
    name(setup, QStringLiteral("setupProfilePushButton"), tr("Set up a profile: LiveKit dev server, add or import"));
    setup->setToolTip(tr("The LiveKit dev server in one click, a profile for any provider, or an import"));
    connect(setup, &QPushButton::clicked, this, &MintPage::setupRequested);
    auto* emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(setup, 0, Qt::AlignLeft);
    emptyLayout->addStretch(1);
    m_empty->hide();

    auto* layout = new QVBoxLayout(this);
    m_headerLayout = layout;
    layout->addWidget(buildHeader());
    layout->addWidget(m_empty, 1);
    layout->addLayout(body, 1);

    auto* mintKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &MintPage::mint);
    mintKey->setContext(Qt::WidgetWithChildrenShortcut);
    auto* mintKeypad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this, this, &MintPage::mint);
    mintKeypad->setContext(Qt::WidgetWithChildrenShortcut);
    auto* copyToken = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this);
    copyToken->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copyToken, &QShortcut::activated, m_result, &ResultPanel::copyToken);
    auto* copyLink = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this);
    copyLink->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copyLink, &QShortcut::activated, m_result, &ResultPanel::copyLink);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MintPage::refresh);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        profileSelected(true);
        m_result->setStale(true);
    });
    // The profile last minted with, or chosen, is the one the page opens on next time.
    connect(m_profile, &QComboBox::activated, this,
            [this] { m_context.settings.setLastMintProfile(m_profile->currentData().toString()); });
    connect(&m_context.profiles, &ProfileService::profilesChanged, this, &MintPage::reloadProfiles);
    connect(m_ttl, &QLineEdit::textChanged, this, &MintPage::edited);
    connect(m_notBefore, &QSpinBox::valueChanged, this, &MintPage::edited);
    connect(m_rawJson, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_writingRawJson)
            rawJsonEdited();
    });
    connect(m_mint, &QPushButton::clicked, this, &MintPage::mint);
    setFocusProxy(m_profile);
    reloadProfiles();
}

MintPage::~MintPage()
{
    wipeSecrets();
}

QWidget* MintPage::buildHeader()
{
    auto* header = new QWidget(this);
    name(m_profile, QStringLiteral("profileComboBox"), tr("Profile"));
    name(m_environment, QStringLiteral("environmentLabel"), tr("Environment"));
    m_environment->setTextFormat(Qt::RichText);
    name(m_prodWarning, QStringLiteral("prodWarningLabel"), tr("Production warning"));
    m_prodWarning->setText(tr("Production profile: tokens minted here open your live service. Check the grants "
                              "and keep the TTL short."));
    m_prodWarning->setWordWrap(true);
    m_prodWarning->setAutoFillBackground(true);
    m_prodWarning->setStyleSheet(
        QStringLiteral("background-color: %1; color: #ffffff; font-weight: bold; padding: 6px;")
            .arg(environmentColor(QStringLiteral("prod")).name()));
    m_prodWarning->hide();
    name(m_ttl, QStringLiteral("ttlLineEdit"), tr("Time to live"));
    m_ttl->setPlaceholderText(tr("e.g. 6h, 90m, 1h30m, 3600"));
    name(m_ttlStatus, QStringLiteral("ttlStatusLabel"), tr("Time to live check"));
    m_ttlStatus->setWordWrap(true);
    name(m_notBefore, QStringLiteral("notBeforeSpinBox"), tr("Not-before back-dating in seconds"));
    m_notBefore->setRange(0, 3600);
    m_notBefore->setValue(10);
    m_notBefore->setSuffix(tr(" s"));
    m_notBefore->setToolTip(tr("nbf is set this many seconds in the past, so a server whose clock runs a little "
                               "behind still accepts the token"));
    m_notBeforeLabel->setBuddy(m_notBefore);

    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_environment);
    auto* ttlRow = new QHBoxLayout;
    ttlRow->addWidget(m_ttl);
    ttlRow->addWidget(m_ttlStatus, 1);
    ttlRow->addWidget(m_notBeforeLabel);
    ttlRow->addWidget(m_notBefore);
    auto* form = new QFormLayout(header);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Pr&ofile:"), profileRow);
    qobject_cast<QLabel*>(form->labelForField(profileRow))->setBuddy(m_profile);
    form->addRow(m_prodWarning);
    form->addRow(tr("&TTL:"), ttlRow);
    qobject_cast<QLabel*>(form->labelForField(ttlRow))->setBuddy(m_ttl);
    return header;
}

QWidget* MintPage::buildMintBar()
{
    auto* bar = new QWidget(this);
    name(m_status, QStringLiteral("mintStatusLabel"), tr("Mint status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Two lines reserved: a longer or shorter status never moves what is below it.
    m_status->setFixedHeight(m_status->fontMetrics().lineSpacing() * 2 + 4);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    name(m_mint, QStringLiteral("mintPushButton"), tr("Mint the token"));
    m_mint->setToolTip(tr("Mint the token (Ctrl+Enter)"));
    m_mint->setDefault(true);
    m_mint->setMinimumWidth(m_mint->fontMetrics().horizontalAdvance(m_mint->text()) + 48);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_mint);
    row->addWidget(m_status, 1);
    return bar;
}

QWidget* MintPage::buildCard()
{
    auto* card = new QWidget(this);
    name(m_preview, QStringLiteral("claimsPreviewPlainTextEdit"), tr("Claims preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Long values (a Twilio jti, LiveKit metadata) wrap inside the card instead of scrolling it sideways.
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    name(m_rawJson, QStringLiteral("rawJsonPlainTextEdit"), tr("Raw claims JSON"));
    m_rawJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawJson->setTabChangesFocus(true);
    name(m_rawJsonStatus, QStringLiteral("rawJsonStatusLabel"), tr("Raw JSON status"));
    m_rawJsonStatus->setWordWrap(true);
    m_rawJsonStatus->setText(tr("Edit the claims as JSON; valid changes go straight to the form."));
    name(m_findings, QStringLiteral("findingsListWidget"), tr("Findings before minting"));
    m_findings->setWordWrap(true);
    m_findings->setFixedHeight(m_findings->fontMetrics().lineSpacing() * 5 + 8);

    auto* raw = new QWidget(this);
    auto* rawLayout = new QVBoxLayout(raw);
    rawLayout->addWidget(m_rawJson, 1);
    rawLayout->addWidget(m_rawJsonStatus);
    auto* result = new QScrollArea(this);
    result->setObjectName(QStringLiteral("resultScrollArea"));
    result->setWidgetResizable(true);
    result->setFrameShape(QFrame::NoFrame);
    result->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    result->setWidget(m_result);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("previewTabWidget"));
    m_tabs->addTab(result, tr("Result"));
    m_tabs->addTab(m_preview, tr("Claims preview"));
    m_tabs->addTab(raw, tr("Raw JSON"));
    m_tabs->setCurrentIndex(1);

    auto* findingsLabel = new QLabel(tr("Findings before minting:"), this);
    findingsLabel->setBuddy(m_findings);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(findingsLabel);
    layout->addWidget(m_findings);
    layout->addWidget(m_tabs, 1);
    return card;
}

void MintPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLayoutMode();
}

void MintPage::updateLayoutMode()
{
    // Side by side while the form fits beside the card at its own minimum width; otherwise the Mint button moves
    // under the header and the card under the form, inside its scroll area.
    const int cardWidth = m_sideLayout->parentWidget()->minimumWidth();
    const int formWidth = m_forms->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width() + 16;
    const bool narrow = width() < formWidth + cardWidth + 24;
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    QWidget* sidePanel = m_sideLayout->parentWidget();
    if (narrow) {
        m_headerLayout->insertWidget(1, m_mintBar);
        m_formColumnLayout->insertWidget(1, m_card);
        m_card->setMinimumHeight(420);
        m_mintBar->show(); // re-parented widgets start hidden
        m_card->show();
        sidePanel->hide();
    } else {
        m_sideLayout->addWidget(m_mintBar);
        m_sideLayout->addWidget(m_card, 1);
        m_card->setMinimumHeight(0);
        m_mintBar->show();
        m_card->show();
        sidePanel->show();
    }
}

void MintPage::addForm(Provider provider, ProviderForm* form)
{
    // A combo box is as wide as its longest item by default; long explanations must not set the form's width.
    for (QComboBox* box : form->findChildren<QComboBox*>()) {
        if (box->sizeHint().width() > 240) {
            box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            box->setMinimumContentsLength(16);
        }
    }
    form->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored); // only the current form sizes the stack
    m_formByProvider.insert(provider, form);
    m_forms->addWidget(form);
    connect(form, &ProviderForm::changed, this, [this] {
        m_claimsChanged = true;
        edited();
    });
}

ProviderForm* MintPage::currentForm() const
{
    return qobject_cast<ProviderForm*>(m_forms->currentWidget());
}

std::optional<credentials::Profile> MintPage::currentProfile() const
{
    if (m_profile->currentIndex() < 0)
        return std::nullopt;
    return m_context.profiles.find(m_profile->currentData().toString());
}

bool MintPage::selectProfile(const QString& name)
{
    const int index = m_profile->findData(name);
    if (index < 0)
        return false;
    m_profile->setCurrentIndex(index);
    m_context.settings.setLastMintProfile(name);
    return true;
}

void MintPage::reloadProfiles()
{
    const QString shown = m_profile->currentData().toString();
    const QString previous = shown.isEmpty() ? m_context.settings.lastMintProfile() : shown;
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->clear();
        for (const credentials::Profile& p : m_context.profiles.profiles())
            m_profile->addItem(providerIcon(p.provider),
                               QStringLiteral("%1 (%2)").arg(p.name, providerName(p.provider)), p.name);
        m_profile->setPlaceholderText(tr("No profiles yet: add one on the Profiles page"));
        const bool none = m_profile->count() == 0;
        m_empty->setVisible(none);
        m_scroll->setVisible(!none);
        m_side->setVisible(!none);
        const int index = m_profile->findData(previous);
        m_profile->setCurrentIndex(index >= 0 ? index : (m_profile->count() > 0 ? 0 : -1));
    }
    // The same profile may have new secrets, server URL or environment; keep a TTL the user typed for it.
    const bool sameProfile = !shown.isEmpty() && m_profile->currentData().toString() == shown;
    profileSelected(!sameProfile);
}

void MintPage::wipeSecrets()
{
    m_secrets.clear();
    m_secretsProfile.clear();
    m_secretsError.clear();
}

void MintPage::loadSecrets(const QString& profile)
{
    wipeSecrets();
    // Read once per selection: keychains answer over D-Bus, far too slow for every keystroke's preview.
    auto secrets = m_context.profiles.secrets(profile);
    if (!secrets)
        m_secretsError = secrets.error().localized();
    else if (secrets->isEmpty())
        m_secretsError = tr("none is stored for this profile; enter it on the Profiles page");
    else
        m_secrets = std::move(*secrets);
    m_secretsProfile = profile;
}

void MintPage::profileSelected(bool resetTtl)
{
    const std::optional<credentials::Profile> profile = currentProfile();
    if (!profile) {
        wipeSecrets();
        m_forms->setCurrentWidget(m_noForm);
        m_noForm->setText(tr("Add a profile on the Profiles page to mint tokens."));
        m_environment->clear();
        m_prodWarning->hide();
        m_notBeforeLabel->hide();
        m_notBefore->hide();
        scheduleRefresh();
        return;
    }
    // The secrets are read when the page is first shown with this profile (see refresh()), not at start-up: a vault
    // passphrase prompt or a keychain round trip must not delay the first window.
    wipeSecrets();
    m_environment->setText(environmentBadge(profile->environment));
    m_prodWarning->setVisible(profile->environment == QStringLiteral("prod"));
    const ProviderModule* module = findModule(profile->provider);
    const bool skew = module && module->usesNotBeforeSkew();
    m_notBeforeLabel->setVisible(skew);
    m_notBefore->setVisible(skew);
    ProviderForm* form = m_formByProvider.value(profile->provider);
    for (ProviderForm* f : std::as_const(m_formByProvider))
        f->setSizePolicy(f == form ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                         f == form ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    if (form) {
        m_forms->setCurrentWidget(form);
        const bool touched = m_touched;
        form->setProfile(*profile); // the form following the profile is not an edit of the user's
        m_touched = touched;
        updateLayoutMode();
    } else {
        m_forms->setCurrentWidget(m_noForm);
        m_noForm->setText(tr("This build has no form for %1 profiles yet.").arg(providerName(profile->provider)));
    }
    if (resetTtl) {
        // The profile's own default wins over the app-wide one from Settings.
        const bool profileTtl = !profile->ttl.isEmpty() && parseDuration(profile->ttl).has_value();
        m_ttl->setText(profileTtl ? profile->ttl : m_context.settings.defaultTtl(profile->provider));
    }
    m_rawJsonIsSource = false;
    m_claimsChanged = true;
    if (resetTtl)
        m_touched = false; // a new profile: what its form lacks is still to do, not yet a mistake
    scheduleRefresh();
}

void MintPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_secretsProfile.isEmpty())
        scheduleRefresh();
}

void MintPage::edited()
{
    m_touched = true;
    m_result->setStale(true);
    scheduleRefresh();
}

void MintPage::scheduleRefresh()
{
    m_refreshTimer.start();
}

Result<mint::MintPlan> MintPage::currentPlan() const
{
    const std::optional<credentials::Profile> profile = currentProfile();
    if (!profile)
        return fail(ErrorCode::MissingValue, tr("no profile selected"));
    ProviderForm* form = m_formByProvider.value(profile->provider);
    if (!form)
        return fail(ErrorCode::NotApplicable, tr("no form for %1 profiles").arg(providerName(profile->provider)));
    auto ttl = parseDuration(m_ttl->text());
    if (!ttl)
        return fail(ErrorCode::InvalidValue, tr("TTL: %1").arg(ttl.error().localized()));
    mint::MintPlan plan;
    plan.provider = profile->provider;
    plan.profile = profile->name;
    plan.ttlSeconds = *ttl;
    plan.notBeforeSkew = m_notBefore->value();
    plan.claims = form->claims();
    plan.roomRaw = form->roomRaw();
    return plan;
}

void MintPage::blockMint(const QString& reason, bool asIs)
{
    if (asIs) {
        m_mint->setEnabled(false);
        m_status->setText(reason);
        return;
    }
    // Before anything was typed, the reason is what the form still needs; after, it is why Mint is refused. Either
    // way the findings list has every problem; this line names the first.
    m_mint->setEnabled(false);
    m_status->setText(m_touched ? tr("Cannot mint: %1").arg(reason) : tr("To mint: %1").arg(reason));
}

void MintPage::refresh()
{
    m_refreshTimer.stop();
    m_findings->clear();
    const bool rawIsSource = std::exchange(m_rawJsonIsSource, false);

    const auto ttl = parseDuration(m_ttl->text());
    m_ttlStatus->setText(ttl ? tr("= %1").arg(formatDuration(*ttl)) : ttl.error().localized());
    m_ttlStatus->setProperty("problem", !ttl.has_value());

    const std::optional<credentials::Profile> profile = currentProfile();
    ProviderForm* form = currentForm();
    if (!profile || !form) {
        m_preview->clear();
        blockMint(profile
                      ? tr("Cannot mint: this build has no form for %1 profiles.").arg(providerName(profile->provider))
                      : tr("Cannot mint: no profile. Add one on the Profiles page."),
                  true);
        return;
    }
    // Only claim edits rewrite the raw view: a TTL change must not throw away JSON the user is still typing.
    if (std::exchange(m_claimsChanged, false) && !rawIsSource)
        writeRawJson(form->claims());
    // Every reason not to mint is in the findings list, the one place that lists them all; the preview says it too,
    // so the claims of an earlier, valid form are never shown as the current ones.
    const auto refuse = [this](const char* code, const QString& reason) {
        m_findings->addItem(findingItem(Severity::Error, QString::fromLatin1(code), reason, palette(), !m_touched));
        m_preview->setPlainText(tr("No preview: %1").arg(inUserWords(reason)));
        blockMint(inUserWords(reason));
    };
    if (const QString inputProblem = form->inputProblem(); !inputProblem.isEmpty())
        return refuse("form", inputProblem);
    const auto plan = currentPlan();
    if (!plan)
        return refuse("plan", plan.error().localized());
    if (m_secretsProfile != profile->name) {
        if (!isVisible()) {
            m_preview->clear();
            return blockMint(tr("The preview appears when this page is shown."), true);
        }
        loadSecrets(profile->name);
    }
    if (!m_secretsError.isEmpty()) {
        m_preview->clear();
        return blockMint(tr("Cannot mint: the profile's secrets cannot be read: %1").arg(m_secretsError), true);
    }

    const auto outcome = mint::mintAndInspect(*plan, *profile, m_secrets, m_context.clock);
    if (!outcome) // the core refuses this plan: its reason is the finding that matters
        return refuse("mint-refused", outcome.error().localized());
    m_preview->setPlainText(indentJson(outcome->minted.claims.serialize()));
    const QList<Finding>& findings = outcome->inspection.findings;
    for (const Finding& f : findings)
        m_findings->addItem(findingItem(f.severity, f.code, f.localized(), palette(), !m_touched));
    if (findings.isEmpty())
        m_findings->addItem(tr("No findings."));
    for (const Finding& f : findings) {
        if (f.severity == Severity::Error)
            return blockMint(inUserWords(f.localized()));
    }
    m_mint->setEnabled(true);
    const QString summary = mint::grantsSummary(*plan);
    m_status->setText(summary.isEmpty() ? tr("Ready to mint (Ctrl+Enter).")
                                        : tr("Ready to mint (Ctrl+Enter): %1.").arg(summary));
}

void MintPage::mint()
{
    // A click right after typing judges what was typed; the first press also turns what is missing into errors.
    const bool firstPress = !std::exchange(m_touched, true);
    if (firstPress || m_refreshTimer.isActive())
        refresh();
    if (!m_mint->isEnabled())
        return;
    const auto plan = currentPlan();
    const std::optional<credentials::Profile> profile = currentProfile();
    if (!plan || !profile)
        return;
    const auto outcome = mint::mintAndInspect(*plan, *profile, m_secrets, m_context.clock);
    if (!outcome)
        return blockMint(inUserWords(outcome.error().localized()));
    m_result->showResult(*outcome, mint::identityOf(*plan));
    m_tabs->setCurrentIndex(0);

    history::HistoryEntry entry;
    entry.provider = plan->provider;
    entry.profile = plan->profile;
    entry.identity = mint::identityOf(*plan);
    entry.room = mint::roomOf(*plan);
    entry.summary = mint::grantsSummary(*plan);
    entry.createdAt = m_context.clock.nowSeconds();
    entry.expiresAt = outcome->minted.expiresAt;
    entry.plan = plan->toJson();
    if (m_context.settings.historyStoresTokens())
        entry.token = QString::fromLatin1(outcome->minted.token);
    m_context.settings.setLastMintProfile(entry.profile);
    if (auto ok = m_context.history.append(std::move(entry)); !ok)
        m_status->setText(tr("Minted, but History could not record it: %1").arg(ok.error().localized()));
    else
        m_status->setText(
            tr("Minted at %1 and recorded in History.")
                .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(m_context.clock.nowSeconds()).time(),
                                        QLocale::ShortFormat)));
}

void MintPage::takeOver(const MintPage& previous)
{
    m_profile->setCurrentIndex(m_profile->findData(previous.m_profile->currentData()));
    m_ttl->setText(previous.m_ttl->text());
    m_notBefore->setValue(previous.m_notBefore->value());
    ProviderForm* form = currentForm();
    const ProviderForm* before = previous.currentForm();
    if (form && before && form->metaObject() == before->metaObject()) {
        (void)form->setClaims(before->claims()); // what one form wrote, the same form reads back
        form->setRoomRaw(before->roomRaw());
    }
    m_tabs->setCurrentIndex(previous.m_tabs->currentIndex());
    m_result->showSameAs(*previous.m_result);
    scheduleRefresh();
}

void MintPage::loadPlan(const mint::MintPlan& plan)
{
    const int index = m_profile->findData(plan.profile);
    if (index < 0) {
        m_context.dialogs.error(
            this, tr("Mint again"),
            tr("Profile \"%1\" no longer exists. Create it again, or mint with another profile.").arg(plan.profile));
        return;
    }
    const std::optional<credentials::Profile> profile = m_context.profiles.find(plan.profile);
    if (!profile || profile->provider != plan.provider) {
        m_context.dialogs.error(
            this, tr("Mint again"),
            tr("Profile \"%1\" is no longer a %2 profile.").arg(plan.profile, providerName(plan.provider)));
        return;
    }
    if (index == m_profile->currentIndex())
        profileSelected(true);
    else
        m_profile->setCurrentIndex(index); // profileSelected(true) via the signal
    m_ttl->setText(formatDuration(plan.ttlSeconds));
    m_notBefore->setValue(static_cast<int>(plan.notBeforeSkew));
    ProviderForm* form = m_formByProvider.value(plan.provider);
    if (!form)
        return;
    if (auto ok = form->setClaims(plan.claims); !ok)
        m_context.dialogs.error(this, tr("Mint again"),
                                tr("The form cannot show the recorded claims: %1").arg(ok.error().localized()));
    form->setRoomRaw(plan.roomRaw);
    m_rawJsonIsSource = false;
    scheduleRefresh();
}

void MintPage::rawJsonEdited()
{
    const JsonCheck check = checkJson(m_rawJson->toPlainText());
    if (!check.value) {
        m_rawJsonStatus->setText(tr("Not valid JSON: %1. The form keeps its last good state.").arg(check.error));
        return;
    }
    if (!check.value->isObject()) {
        m_rawJsonStatus->setText(tr("The claims must be a JSON object in { }. The form keeps its last good state."));
        return;
    }
    ProviderForm* form = currentForm();
    if (!form)
        return;
    m_rawJsonIsSource = true;
    if (auto ok = form->setClaims(check.value->toObject()); !ok) {
        m_rawJsonIsSource = false;
        m_rawJsonStatus->setText(
            tr("The form cannot show this: %1. It keeps its last good state.").arg(ok.error().localized()));
        return;
    }
    m_rawJsonStatus->setText(tr("Applied to the form."));
}

void MintPage::writeRawJson(const QJsonObject& claims)
{
    const QString text = QString::fromUtf8(QJsonDocument(claims).toJson(QJsonDocument::Indented)).trimmed();
    if (text == m_rawJson->toPlainText())
        return;
    m_writingRawJson = true;
    m_rawJson->setPlainText(text);
    m_writingRawJson = false;
    m_rawJsonStatus->setText(tr("Edit the claims as JSON; valid changes go straight to the form."));
}

} // namespace td::ui
