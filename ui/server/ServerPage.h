// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/server/ServerConfig.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace td::server {
class TokenServer;
}

namespace td::ui {

struct AppContext;
class AccessEditor;
class BearerKeyEditor;
class ConfigDocument;
class EndpointEditor;
class ErrorLabel;
class PolicyEditor;
class RequestLogPanel;
class SnippetPanel;

/**
 * The local token server: endpoints bound to profiles with their policies, listen address, allowed origins and
 * bearer keys, start and stop, the bound URL, the live request log, and a curl line and fetch() snippet per
 * endpoint. The config is the server's own JSON document (server.json in the config directory), so
 * `tokendesk-cli serve --config` runs the same one; the page holds no server logic of its own.
 */
class ServerPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPage)

public:
    explicit ServerPage(AppContext& context, QWidget* parent = nullptr);
    ~ServerPage() override;

    bool isRunning() const { return m_running; }
    /** The bound URL while running ("http://127.0.0.1:8787"), else "". */
    QString url() const;
    /** server.json in the profiles' config directory. */
    QString configPath() const;

    /** Checks the config as the server would and shows any error beside the control it names. */
    Result<server::ServerConfig> validate();
    void start();
    void stop();
    void importConfig();
    void exportConfig();
    /** The first-run path "serve tokens": a template endpoint (livekit-get) when the config has none yet. */
    void addTemplateEndpointIfEmpty();
    /**
     * Takes over from the page this one replaces (a language change): its unsaved edits are saved first, then this
     * page owns the running server (untouched: same port, same connections) and shows its request log.
     */
    void takeOver(ServerPage& previous);

Q_SIGNALS:
    /** An edit was saved and checked (and applied, when running); `valid` says whether the config is usable. */
    void configApplied(bool valid);
    void runningChanged(bool running);

private:
    void load();
    void save();
    void applyEdits();
    void showConfigError(const Error* error);
    void updateState();
    void updateSnippets();
    QString baseUrl() const;
    QProcessEnvironment environment() const;
    Result<server::EndpointCredentials> resolveProfile(const QString& name);

    AppContext& m_context;
    ConfigDocument* m_document;
    server::TokenServer* m_server;
    EndpointEditor* m_endpoints;
    PolicyEditor* m_policy;
    AccessEditor* m_access;
    BearerKeyEditor* m_keys;
    SnippetPanel* m_snippets;
    RequestLogPanel* m_log;
    QPushButton* m_startStop;
    QLabel* m_url;
    QPushButton* m_copyUrl;
    QPushButton* m_import;
    QPushButton* m_export;
    ErrorLabel* m_status;
    QTabWidget* m_tabs;
    QTimer m_debounce;
    bool m_running = false;
    QHostAddress m_runningBind;
    quint16 m_runningPort = 0;
};

} // namespace td::ui
