// SPDX-License-Identifier: MIT
#include "ui/server/ConfigDocument.h"

namespace td::ui {

ConfigDocument::ConfigDocument(QObject* parent) : QObject(parent), m_json(defaultConfig()) {}

QJsonObject ConfigDocument::defaultConfig()
{
    return QJsonObject{{QStringLiteral("bind"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("port"), 8787},
                       {QStringLiteral("allowedOrigins"), QJsonArray()},
                       {QStringLiteral("endpoints"), QJsonArray()}};
}

void ConfigDocument::reset(const QJsonObject& json)
{
    m_json = json;
    Q_EMIT wasReset();
}

void ConfigDocument::setValue(const QString& key, const QJsonValue& value)
{
    if (m_json.value(key) == value)
        return;
    if (value.isUndefined())
        m_json.remove(key);
    else
        m_json.insert(key, value);
    Q_EMIT edited();
}

QJsonArray ConfigDocument::endpoints() const
{
    return m_json.value(QStringLiteral("endpoints")).toArray();
}

void ConfigDocument::setEndpoints(const QJsonArray& endpoints)
{
    m_json.insert(QStringLiteral("endpoints"), endpoints);
    Q_EMIT endpointsChanged();
    Q_EMIT edited();
}

qsizetype ConfigDocument::endpointCount() const
{
    return endpoints().size();
}

QJsonObject ConfigDocument::endpoint(qsizetype index) const
{
    return endpoints().at(index).toObject();
}

void ConfigDocument::setEndpoint(qsizetype index, const QJsonObject& endpoint)
{
    QJsonArray all = endpoints();
    if (index < 0 || index >= all.size() || all.at(index).toObject() == endpoint)
        return;
    all.replace(index, endpoint);
    setEndpoints(all);
}

qsizetype ConfigDocument::addEndpoint(const QJsonObject& endpoint)
{
    QJsonArray all = endpoints();
    all.append(endpoint);
    setEndpoints(all);
    return all.size() - 1;
}

void ConfigDocument::removeEndpoint(qsizetype index)
{
    QJsonArray all = endpoints();
    if (index < 0 || index >= all.size())
        return;
    all.removeAt(index);
    setEndpoints(all);
}

QJsonObject ConfigDocument::policy(qsizetype index) const
{
    return endpoint(index).value(QStringLiteral("policy")).toObject();
}

void ConfigDocument::setPolicy(qsizetype index, const QJsonObject& policy)
{
    QJsonObject e = endpoint(index);
    if (policy.isEmpty())
        e.remove(QStringLiteral("policy"));
    else
        e.insert(QStringLiteral("policy"), policy);
    setEndpoint(index, e);
}

QJsonArray ConfigDocument::bearerKeys() const
{
    return m_json.value(QStringLiteral("auth")).toObject().value(QStringLiteral("bearerKeys")).toArray();
}

void ConfigDocument::setBearerKeys(const QJsonArray& keys)
{
    QJsonObject auth = m_json.value(QStringLiteral("auth")).toObject();
    if (keys.isEmpty())
        auth.remove(QStringLiteral("bearerKeys"));
    else
        auth.insert(QStringLiteral("bearerKeys"), keys);
    setValue(QStringLiteral("auth"), auth.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(auth));
}

} // namespace td::ui
