// SPDX-License-Identifier: MIT
#include "core/server/BearerKeys.h"

#include "core/credentials/SecretStore.h"
#include "core/crypto/Base64.h"
#include "core/crypto/Crypto.h"

#include <QJsonArray>

namespace td::server {

Result<QByteArray> generateBearerKey()
{
    auto bytes = crypto::randomBytes(32);
    if (!bytes)
        return std::unexpected(bytes.error());
    QByteArray key = crypto::base64UrlEncode(*bytes);
    crypto::wipe(*bytes);
    return key;
}

QString bearerKeyVariable(const QString& name, const QStringList& taken)
{
    QString stem = QStringLiteral("TOKENDESK_KEY_");
    for (const QChar c : name.trimmed()) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        stem += plain ? c.toUpper() : QLatin1Char('_');
    }
    if (stem.endsWith(QLatin1Char('_')))
        stem += QStringLiteral("KEY");
    QString candidate = stem;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = stem + QLatin1Char('_') + QString::number(n);
    return candidate;
}

QString bearerKeySecretName(const QString& variable)
{
    // Profile names cannot contain ':', so this never names a profile's secret.
    return QStringLiteral("server:bearer/") + variable;
}

QStringList bearerKeyVariables(const QJsonObject& config)
{
    QStringList out;
    const QJsonArray keys =
        config.value(QStringLiteral("auth")).toObject().value(QStringLiteral("bearerKeys")).toArray();
    for (const QJsonValue& k : keys) {
        const QString variable = k.toObject().value(QStringLiteral("keyEnv")).toString();
        if (!variable.isEmpty())
            out << variable;
    }
    return out;
}

QStringList missingBearerKeyVariables(const QJsonObject& config, const QProcessEnvironment& environment)
{
    QStringList out;
    for (const QString& variable : bearerKeyVariables(config)) {
        if (!environment.contains(variable))
            out << variable;
    }
    return out;
}

Result<void> addStoredBearerKeys(QProcessEnvironment& environment, const QStringList& variables,
                                 credentials::SecretStore& store)
{
    for (const QString& variable : variables) {
        if (environment.contains(variable))
            continue;
        auto key = store.read(bearerKeySecretName(variable));
        if (!key)
            return std::unexpected(key.error());
        if (*key)
            environment.insert(variable, QString::fromUtf8((*key)->view()));
    }
    return {};
}

} // namespace td::server
