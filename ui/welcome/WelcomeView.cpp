// SPDX-License-Identifier: MIT
#include "core/providers/Registry.h"
#include "ui/welcome/WelcomeView.h"

#include "core/credentials/Profile.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "ui/profiles/ProfileText.h"

#include <QDir>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace td::ui {
namespace {

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

/** One of the three paths: a title, what it is for, and the buttons that start it. */
QFrame* card(const QString& objectName, const QString& title, const QString& text, QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    auto* heading = wrapped(title, frame);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    heading->setFont(font);
    layout->addWidget(heading);
    layout->addWidget(wrapped(text, frame), 1);
    return frame;
}

/** A button that starts a path, at the bottom of its card. */
QPushButton* addButton(QFrame* card, const QIcon& icon, const QString& text, const QString& objectName,
                       const QString& accessible)
{
    auto* b = new QPushButton(icon, text, card);
    name(b, objectName, accessible);
    card->layout()->addWidget(b);
    return b;
}

} // namespace

WelcomeView::WelcomeView(AppContext& context, QString home, QString folder, QWidget* parent)
    : QWidget(parent), m_context(context), m_transfer(context, this), m_home(std::move(home)),
      m_folder(std::move(folder)), m_found(new QGroupBox(tr("Found on this machine"), this)),
      m_foundLayout(new QVBoxLayout(m_found)), m_result(wrapped(QString(), this))
{
    setObjectName(QStringLiteral("welcomeView"));
    m_found->setObjectName(QStringLiteral("foundGroupBox"));
    m_result->setObjectName(QStringLiteral("welcomeResultLabel"));

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("welcomeContent"));
    content->setMaximumWidth(980);
    auto* title = new QLabel(tr("Welcome to TokenDesk"), content);
    title->setObjectName(QStringLiteral("welcomeTitleLabel"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    auto* intro =
        wrapped(tr("Mint, inspect and serve access tokens for %1. What did you come for?").arg(providerDisplayNames()),
                content);

    QFrame* mint = card(QStringLiteral("mintCard"), tr("Mint a token"),
                        tr("Tokens are signed with your project's credentials, kept as a profile; the secrets go to "
                           "the secret store shown in the status bar. A local LiveKit dev server takes one click."),
                        content);
    QPushButton* dev =
        addButton(mint, providerIcon(Provider::LiveKit), tr("LiveKit &dev server"),
                  QStringLiteral("devServerPushButton"), tr("Add the LiveKit dev server profile and mint with it"));
    dev->setToolTip(tr("Adds the profile livekit-dev: API key devkey, secret \"secret\", server ws://localhost:7880, "
                       "as livekit-server --dev and lk --dev use"));
    QPushButton* add = addButton(mint, actionIcon(QStringLiteral("add")), tr("Add a &profile"),
                                 QStringLiteral("welcomeAddPushButton"), tr("Add a profile for your provider"));
    auto* addMenu = new QMenu(add);
    addProviderActions(addMenu, QStringLiteral("welcomeAdd"), [this](Provider p) { Q_EMIT addProfileRequested(p); });
    add->setMenu(addMenu);

    QFrame* inspect = card(QStringLiteral("inspectCard"), tr("Inspect a token"),
                           tr("Paste a token, a join link or an Authorization header: decoded as you paste, with "
                              "its permissions in plain words. No profile needed."),
                           content);
    QPushButton* paste = addButton(inspect, pageIcon(QStringLiteral("inspect")), tr("&Inspect a token"),
                                   QStringLiteral("inspectPushButton"), tr("Open Inspect to paste a token"));

    QFrame* serve = card(QStringLiteral("serveCard"), tr("Serve tokens to a frontend"),
                         tr("A local HTTP endpoint your web app calls for tokens, with CORS and a policy that limits "
                            "what a client may ask for. Starts from a template endpoint."),
                         content);
    QPushButton* server =
        addButton(serve, pageIcon(QStringLiteral("server")), tr("Set up the &server"),
                  QStringLiteral("servePushButton"), tr("Open the Server page with a template endpoint"));

    auto* cards = new QHBoxLayout;
    cards->addWidget(mint, 1);
    cards->addWidget(inspect, 1);
    cards->addWidget(serve, 1);

    auto* column = new QVBoxLayout(content);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(8);
    column->addLayout(cards);
    column->addWidget(m_found);
    column->addWidget(m_result);
    column->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("welcomeScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* centred = new QWidget;
    auto* centring = new QHBoxLayout(centred);
    centring->addStretch(1);
    centring->addWidget(content, 100, Qt::AlignTop); // as wide as it may be (980 px), centred beyond that
    centring->addStretch(1);
    scroll->setWidget(centred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    m_first = dev;

    connect(dev, &QPushButton::clicked, this, &WelcomeView::addLiveKitDevServer);
    connect(paste, &QPushButton::clicked, this, &WelcomeView::inspectRequested);
    connect(server, &QPushButton::clicked, this, &WelcomeView::serveRequested);
    // No scan here: most starts never show this view; the main window scans each time it shows it.
}

QString WelcomeView::describe(const credentials::FoundSource& source) const
{
    QString names = source.profileNames.join(QStringLiteral(", "));
    const int count = int(source.profileNames.size());
    switch (source.kind) {
    case credentials::FoundSource::Kind::LiveKitCliConfig:
        return tr("livekit-cli config %1: %n project(s) (%2)", nullptr, count)
            .arg(QDir::toNativeSeparators(source.path), names);
    case credentials::FoundSource::Kind::Environment:
        return tr("Environment variables of this session: %n profile(s) (%1)", nullptr, count).arg(names);
    case credentials::FoundSource::Kind::EnvFile:
        return tr("%1: %n profile(s) (%2)", nullptr, count).arg(QDir::toNativeSeparators(source.path), names);
    }
    return names;
}

void WelcomeView::rescan()
{
    // Rows are rebuilt: their widgets are children of the group box, their layouts are owned by m_foundLayout.
    for (QWidget* old : m_found->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        delete old; // never called from one of these rows' own signals
    while (QLayoutItem* item = m_foundLayout->takeAt(0))
        delete item; // a nested row layout is its own item

    const QList<credentials::FoundSource> found =
        credentials::findImportable(m_home, m_folder, credentials::processEnvironment());
    if (found.isEmpty()) {
        auto* none = wrapped(tr("Nothing to import was found: TokenDesk looked for ~/.livekit/cli-config.yaml, "
                                "the %1 variables, and a .env or .dev.vars in %2.")
                                 .arg(providerVariablePrefixes(), QDir::toNativeSeparators(m_folder)),
                             m_found);
        none->setObjectName(QStringLiteral("nothingFoundLabel"));
        m_foundLayout->addWidget(none);
        none->show();
        return;
    }
    for (int i = 0; i < found.size(); ++i) {
        const credentials::FoundSource& source = found.at(i);
        auto* row = new QHBoxLayout;
        auto* text = wrapped(describe(source), m_found);
        text->setObjectName(QStringLiteral("found%1Label").arg(i));
        auto* import = new QPushButton(actionIcon(QStringLiteral("import")), tr("Import…"), m_found);
        name(import, QStringLiteral("importFound%1PushButton").arg(i), tr("Import from %1").arg(describe(source)));
        row->addWidget(text, 1);
        row->addWidget(import);
        m_foundLayout->addLayout(row);
        text->show(); // at once, not on the next event loop pass: the rows are there when the view is
        import->show();
        connect(import, &QPushButton::clicked, this, [this, source] { importFound(source); });
    }
}

void WelcomeView::importFound(const credentials::FoundSource& source)
{
    // Read again now: the file or the environment may have changed since the scan, and secrets are not kept meanwhile.
    const auto found = credentials::readFound(source, credentials::processEnvironment());
    if (!found) {
        m_context.dialogs.error(this, tr("Import"), found.error().localized());
        return;
    }
    const QString label = source.path.isEmpty() ? tr("the environment") : QDir::toNativeSeparators(source.path);
    const QString message = m_transfer.offer(
        *found, label, source.kind == credentials::FoundSource::Kind::Environment ? QString() : source.path);
    m_result->setText(message);
    if (!message.isEmpty() && !m_context.profiles.profiles().isEmpty())
        Q_EMIT mintRequested(m_context.profiles.profiles().constFirst().name);
}

void WelcomeView::focusFirst()
{
    // Not a focus proxy: a composite whose proxy is its own child can trap Tab in a loop (Qt 6.4).
    m_first->setFocus(Qt::OtherFocusReason);
}

void WelcomeView::addLiveKitDevServer()
{
    QString profileName = QStringLiteral("livekit-dev");
    for (int n = 2; m_context.profiles.find(profileName); ++n)
        profileName = QStringLiteral("livekit-dev-%1").arg(n);
    credentials::Profile profile;
    profile.name = profileName;
    profile.provider = Provider::LiveKit;
    profile.environment = QStringLiteral("dev");
    profile.apiKey = QStringLiteral("devkey");
    profile.serverUrl = QStringLiteral("ws://localhost:7880");
    profile.note = tr("The local LiveKit dev server (livekit-server --dev)");
    if (auto ok = m_context.profiles.save(profile, {{QStringLiteral("apiSecret"), QByteArrayLiteral("secret")}}); !ok) {
        m_context.dialogs.error(this, tr("LiveKit dev server"), ok.error().localized());
        return;
    }
    Q_EMIT mintRequested(profileName);
}

} // namespace td::ui
