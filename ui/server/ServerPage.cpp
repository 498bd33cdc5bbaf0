// SPDX-License-Identifier: MIT
#include "ui/server/ServerPage.h"

#include "core/io/PrivateFile.h"
#include "core/server/BearerKeys.h"
#include "core/server/ProfileCredentials.h"
#include "core/server/TokenServer.h"
#include "ui/common/AppContext.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "ui/server/AccessEditor.h"
#include "ui/server/BearerKeyEditor.h"
#include "ui/server/ConfigDocument.h"
#include "ui/server/ConfigErrors.h"
#include "ui/server/EndpointEditor.h"
#include "ui/common/ErrorLabel.h"
#include "ui/server/PolicyEditor.h"
#include "ui/server/RequestLogModel.h"
#include "ui/server/RequestLogPanel.h"
#include "ui/server/SnippetPanel.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace td::ui {

ServerPage::ServerPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_document(new ConfigDocument(this)),
      m_server(new server::TokenServer(context.clock, this)),
      m_endpoints(new EndpointEditor(*m_document, context.profiles, context.dialogs, this)),
      m_policy(new PolicyEditor(*m_document, this)), m_access(new AccessEditor(*m_document, this)),
      m_keys(
          new BearerKeyEditor(*m_document, context.profiles.secretStore(), context.clipboard, context.dialogs, this)),
      m_snippets(new SnippetPanel(context.clipboard, this)), m_log(new RequestLogPanel(this)),
      m_startStop(new QPushButton(this)), m_url(new QLabel(this)), m_copyUrl(new QPushButton(tr("Copy &URL"), this)),
      m_import(new QPushButton(tr("&Import…"), this)), m_export(new QPushButton(tr("E&xport…"), this)),
      m_status(new ErrorLabel(this)), m_tabs(new QTabWidget(this))
{
    name(m_startStop, QStringLiteral("startStopPushButton"), tr("Start or stop the token server"));
    name(m_url, QStringLiteral("urlLabel"), tr("Server URL"));
    m_url->setTextFormat(Qt::RichText);
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_url->setOpenExternalLinks(false);
    name(m_copyUrl, QStringLiteral("copyUrlPushButton"), tr("Copy the server URL"));
    name(m_import, QStringLiteral("importPushButton"), tr("Import a server config file"));
    name(m_export, QStringLiteral("exportPushButton"), tr("Export the server config file"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    name(m_tabs, QStringLiteral("serverTabWidget"), tr("Server settings"));
    m_copyUrl->setIcon(actionIcon(QStringLiteral("copy")));
    m_import->setIcon(actionIcon(QStringLiteral("import")));
    m_export->setIcon(actionIcon(QStringLiteral("export")));
    m_keys->setStoreDescription(context.profiles.secretStoreDescription());

    auto* policyScroll = new QScrollArea(this);
    name(policyScroll, QStringLiteral("policyScrollArea"), tr("Policy of the selected endpoint"));
    policyScroll->setWidget(m_policy);
    policyScroll->setWidgetResizable(true);
    policyScroll->setFrameShape(QFrame::NoFrame);
    auto* endpointSplit = new QSplitter(Qt::Horizontal, this);
    endpointSplit->addWidget(m_endpoints);
    endpointSplit->addWidget(policyScroll);
    endpointSplit->setStretchFactor(0, 1);
    endpointSplit->setStretchFactor(1, 1);
    // The policy form is never squeezed below what its rows need; the endpoint table elides instead.
    policyScroll->setMinimumWidth(430);
    policyScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    endpointSplit->setChildrenCollapsible(false);
    endpointSplit->setSizes({500, 420});
    auto* snippetBox = new QGroupBox(tr("Call the selected endpoint"), this);
    (new QVBoxLayout(snippetBox))->addWidget(m_snippets);
    auto* endpointsTab = new QSplitter(Qt::Vertical, this);
    endpointsTab->addWidget(endpointSplit);
    endpointsTab->addWidget(snippetBox);
    endpointsTab->setStretchFactor(0, 4);
    endpointsTab->setStretchFactor(1, 1);
    endpointsTab->setChildrenCollapsible(false);
    endpointsTab->setSizes({700, 220}); // in proportion: the endpoints and their policy get most of the height

    auto* keysBox = new QGroupBox(tr("Bearer keys (with any, every request needs one)"), this);
    (new QVBoxLayout(keysBox))->addWidget(m_keys);
    auto* accessTab = new QWidget(this);
    auto* accessLayout = new QHBoxLayout(accessTab);
    accessLayout->addWidget(m_access, 1);
    accessLayout->addWidget(keysBox, 1);

    m_tabs->addTab(endpointsTab, tr("Endpoints"));
    m_tabs->addTab(accessTab, tr("Access"));
    m_tabs->addTab(m_log, tr("Request log"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_startStop);
    top->addWidget(m_url, 1);
    top->addWidget(m_copyUrl);
    top->addSpacing(12);
    top->addWidget(m_import);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &ServerPage::applyEdits);
    connect(m_document, &ConfigDocument::edited, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_document, &ConfigDocument::endpointsChanged, this, &ServerPage::updateSnippets);
    connect(m_endpoints, &EndpointEditor::currentChanged, this, [this](int index) {
        m_policy->setEndpoint(index);
        updateSnippets();
    });
    connect(&context.profiles, &ProfileService::profilesChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_server, &server::TokenServer::requestLogged, m_log, &RequestLogPanel::append);
    connect(m_startStop, &QPushButton::clicked, this, [this] { m_running ? stop() : start(); });
    connect(m_url, &QLabel::linkActivated, this,
            [this](const QString& link) { m_context.dialogs.openUrl(QUrl(link)); });
    connect(m_copyUrl, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(url()); });
    connect(m_import, &QPushButton::clicked, this, &ServerPage::importConfig);
    connect(m_export, &QPushButton::clicked, this, &ServerPage::exportConfig);

    setTabOrder(m_startStop, m_copyUrl);
    setTabOrder(m_copyUrl, m_import);
    setTabOrder(m_import, m_export);
    setTabOrder(m_export, m_tabs);
    setFocusProxy(m_startStop);

    load();
    m_policy->setEndpoint(m_endpoints->currentIndex());
    updateState();
    m_debounce.start(); // show what the loaded config lacks without blocking the page's construction
}

ServerPage::~ServerPage()
{
    if (m_server)
        m_server->stop();
}

void ServerPage::takeOver(ServerPage& previous)
{
    if (previous.m_debounce.isActive()) {
        previous.m_debounce.stop();
        previous.applyEdits(); // saved to server.json, which this page reads again below
    }
    load();
    m_policy->setEndpoint(m_endpoints->currentIndex());
    delete m_server;
    m_server = std::exchange(previous.m_server, nullptr);
    m_server->setParent(this);
    QObject::disconnect(m_server, nullptr, previous.m_log, nullptr);
    QObject::disconnect(m_server, nullptr, &previous, nullptr);
    connect(m_server, &server::TokenServer::requestLogged, m_log, &RequestLogPanel::append);
    const RequestLogModel* log = previous.m_log->model();
    for (int row = 0; row < log->rowCount(); ++row)
        m_log->append(log->entry(row));
    m_running = std::exchange(previous.m_running, false);
    m_runningBind = previous.m_runningBind;
    m_runningPort = previous.m_runningPort;
    m_tabs->setCurrentIndex(previous.m_tabs->currentIndex());
    updateState();
    m_debounce.start();
    Q_EMIT runningChanged(m_running);
}

QString ServerPage::configPath() const
{
    return m_context.profiles.configDir() + QStringLiteral("/server.json");
}

QString ServerPage::url() const
{
    return m_running ? m_server->url() : QString();
}

void ServerPage::load()
{
    QFile file(configPath());
    if (!file.exists())
        return;
    QJsonParseError error{};
    const QJsonDocument doc =
        file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error) : QJsonDocument();
    if (!doc.isObject()) {
        // The file is left alone until the user changes something, so a hand-edited config can still be repaired.
        m_status->showError(tr("%1 could not be read (%2); the page starts with an empty config.")
                                .arg(QDir::toNativeSeparators(configPath()),
                                     file.error() != QFile::NoError ? file.errorString() : error.errorString()));
        return;
    }
    m_document->reset(doc.object());
}

void ServerPage::save()
{
    io::makePrivateDir(m_context.profiles.configDir());
    const QByteArray json = QJsonDocument(m_document->json()).toJson(QJsonDocument::Indented);
    if (auto ok = io::writeFileAtomically(configPath(), json); !ok)
        m_status->showError(tr("The server config could not be saved: %1").arg(ok.error().localized()));
}

QProcessEnvironment ServerPage::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Keys this page generated live in the secret store; a variable that is set wins, as in tokendesk-cli serve.
    (void)server::addStoredBearerKeys(environment, server::bearerKeyVariables(m_document->json()),
                                      m_context.profiles.secretStore());
    return environment;
}

Result<server::EndpointCredentials> ServerPage::resolveProfile(const QString& name)
{
    const auto profile = m_context.profiles.find(name);
    if (!profile)
        return fail(ErrorCode::NotFound, tr("there is no profile named %1; add it on the Profiles page").arg(name));
    auto secrets = m_context.profiles.secrets(name);
    if (!secrets)
        return std::unexpected(secrets.error());
    return server::credentialsFromProfile(*profile, *secrets);
}

Result<server::ServerConfig> ServerPage::validate()
{
    const QByteArray json = QJsonDocument(m_document->json()).toJson(QJsonDocument::Compact);
    auto config = server::ServerConfig::parse(
        json, [this](const QString& profile) { return resolveProfile(profile); }, environment());
    showConfigError(config ? nullptr : &config.error());
    return config;
}

void ServerPage::showConfigError(const Error* error)
{
    m_endpoints->clearError();
    m_policy->showError(QString());
    m_access->showListenError(QString());
    m_access->showOriginError(QString());
    m_keys->showError(QString());
    m_status->clear();
    if (!error)
        return;
    using Target = ConfigErrorPlace::Target;
    const ConfigErrorPlace place = placeConfigError(*error);
    switch (place.target) {
    case Target::General: m_status->showError(place.text); break;
    case Target::Endpoints: m_endpoints->showError(-1, place.text); break;
    case Target::Endpoint: m_endpoints->showError(place.endpoint, place.text); break;
    case Target::Policy:
        // The row is marked; the policy editor says what is wrong once that endpoint is selected.
        m_endpoints->showError(place.endpoint, tr("The policy of this endpoint has an error: %1").arg(place.text));
        if (m_policy->endpoint() == place.endpoint)
            m_policy->showError(place.text);
        break;
    case Target::Listen: m_access->showListenError(place.text); break;
    case Target::Origins: m_access->showOriginError(place.text); break;
    case Target::Keys: m_keys->showError(place.text); break;
    }
}

void ServerPage::applyEdits()
{
    m_debounce.stop();
    save();
    auto config = validate();
    if (config && m_running) {
        m_server->reload(*config);
        if (config->bind != m_runningBind || config->port != m_runningPort)
            m_access->showListenNote(tr("Stop and start the server to listen on the new address or port."));
    }
    updateSnippets();
    Q_EMIT configApplied(config.has_value());
}

void ServerPage::start()
{
    if (m_running)
        return;
    if (m_debounce.isActive())
        save();
    m_debounce.stop();
    auto config = validate();
    if (!config) {
        if (m_status->text().isEmpty())
            m_status->showError(tr("The server did not start: the config has an error (shown beside it)."));
        if (const ConfigErrorPlace place = placeConfigError(config.error());
            place.target == ConfigErrorPlace::Target::Endpoint || place.target == ConfigErrorPlace::Target::Policy) {
            m_tabs->setCurrentIndex(0);
            m_endpoints->setCurrentIndex(place.endpoint);
            showConfigError(&config.error());
        }
        return;
    }
    auto port = m_server->start(*config);
    if (!port) {
        m_access->showListenError(port.error().localized());
        m_status->showError(tr("The server did not start: %1").arg(port.error().localized()));
        return;
    }
    m_running = true;
    m_runningBind = config->bind;
    m_runningPort = config->port;
    if (!config->bind.isLoopback() && config->bearerKeys.isEmpty())
        m_status->showError(tr("Listening on %1 without bearer keys: anyone who can reach this address can mint "
                               "tokens. Generate a key on the Access tab.")
                                .arg(config->bind.toString()));
    else if (!config->warnings.isEmpty())
        m_status->showNote(tr("Running, with a warning: %1").arg(config->warnings.join(QLatin1Char(' '))));
    updateState();
    Q_EMIT runningChanged(true);
}

void ServerPage::stop()
{
    if (!m_running)
        return;
    m_server->stop();
    m_running = false;
    m_status->clear();
    m_access->showListenError(QString());
    updateState();
    Q_EMIT runningChanged(false);
}

void ServerPage::updateState()
{
    m_startStop->setText(m_running ? tr("S&top server") : tr("&Start server"));
    m_startStop->setIcon(actionIcon(m_running ? QStringLiteral("stop") : QStringLiteral("start")));
    m_copyUrl->setEnabled(m_running);
    if (m_running) {
        const QString u = url();
        m_url->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(u.toHtmlEscaped()));
        m_url->setToolTip(tr("Open %1 in the browser").arg(u));
    } else {
        m_url->setText(tr("Not running"));
        m_url->setToolTip(QString());
    }
    updateSnippets();
}

QString ServerPage::baseUrl() const
{
    if (m_running)
        return url();
    const QHostAddress bind(m_document->value(QStringLiteral("bind")).toString(QStringLiteral("127.0.0.1")));
    QString host = bind.isNull() ? QStringLiteral("127.0.0.1") : bind.toString();
    if (bind.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const int port = m_document->value(QStringLiteral("port")).toInt(8787);
    return QStringLiteral("http://%1:%2").arg(host, port == 0 ? tr("PORT") : QString::number(port));
}

void ServerPage::updateSnippets()
{
    const int index = m_endpoints->currentIndex();
    if (index < 0 || index >= m_document->endpointCount()) {
        m_snippets->clearRequest(tr("Select an endpoint to see how to call it."));
        return;
    }
    const QJsonObject e = m_document->endpoint(index);
    SnippetRequest request;
    request.baseUrl = baseUrl();
    request.path = e.value(QStringLiteral("path")).toString();
    if (const server::EndpointKind* type = server::parseEndpointType(e.value(QStringLiteral("type")).toString()))
        request.type = type;
    const QStringList variables = server::bearerKeyVariables(m_document->json());
    const QString variable = variables.isEmpty() ? QString() : variables.first();
    m_snippets->setRequest(request, variable, [this, variable] { return m_keys->keyValue(variable); });
}

void ServerPage::addTemplateEndpointIfEmpty()
{
    m_tabs->setCurrentIndex(0);
    if (m_document->endpointCount() == 0)
        m_endpoints->addEndpoint();
}

void ServerPage::importConfig()
{
    const QString path =
        m_context.dialogs.openFileName(this, tr("Import server config"), tr("Server config (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_context.dialogs.error(this, tr("Import server config"),
                                tr("%1 could not be opened: %2").arg(path, file.errorString()));
        return;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        m_context.dialogs.error(this, tr("Import server config"),
                                tr("%1 is not a server config: %2").arg(path, error.errorString()));
        return;
    }
    m_document->reset(doc.object());
    applyEdits();
}

void ServerPage::exportConfig()
{
    const QString path = m_context.dialogs.saveFileName(this, tr("Export server config"), QStringLiteral("server.json"),
                                                        tr("Server config (*.json)"));
    if (path.isEmpty())
        return;
    const QByteArray json = QJsonDocument(m_document->json()).toJson(QJsonDocument::Indented);
    if (auto ok = io::writeFileAtomically(path, json); !ok)
        m_context.dialogs.error(this, tr("Export server config"),
                                tr("%1 could not be written: %2").arg(path, ok.error().localized()));
}

} // namespace td::ui
