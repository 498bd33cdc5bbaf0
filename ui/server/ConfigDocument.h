// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace td::ui {

/**
 * The server config as the JSON document of docs/server.md, shared by the Server page's editors. Each editor
 * changes only the members it owns, so members the page has no control for ("defaults", "limits") survive.
 */
class ConfigDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigDocument)

public:
    explicit ConfigDocument(QObject* parent = nullptr);

    /** A fresh config: loopback, port 8787, no endpoints yet. */
    static QJsonObject defaultConfig();

    const QJsonObject& json() const { return m_json; }
    /** Replaces the whole document (load, import); emits wasReset(), not edited(). */
    void reset(const QJsonObject& json);

    QJsonValue value(const QString& key) const { return m_json.value(key); }
    /** Sets a top-level member; an undefined value removes it. */
    void setValue(const QString& key, const QJsonValue& value);

    qsizetype endpointCount() const;
    QJsonObject endpoint(qsizetype index) const;
    void setEndpoint(qsizetype index, const QJsonObject& endpoint);
    qsizetype addEndpoint(const QJsonObject& endpoint);
    void removeEndpoint(qsizetype index);
    QJsonObject policy(qsizetype index) const;
    /** Sets an endpoint's policy; an empty one is dropped from the document. */
    void setPolicy(qsizetype index, const QJsonObject& policy);

    QJsonArray bearerKeys() const;
    void setBearerKeys(const QJsonArray& keys);

Q_SIGNALS:
    /** The user changed something (the page validates, saves and reloads a running server). */
    void edited();
    /** An endpoint was added, removed or changed (the table and snippets follow). */
    void endpointsChanged();
    /** The whole document was replaced: every editor reads it again. */
    void wasReset();

private:
    QJsonArray endpoints() const;
    void setEndpoints(const QJsonArray& endpoints);

    QJsonObject m_json;
};

} // namespace td::ui
