// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace td::credentials {
class SecretStore;
}

namespace td::server {

/**
 * A config names each bearer key by the environment variable that holds it (`keyEnv`), so the file carries no
 * secret. The desktop app keeps the keys it generates in the secret store under the variable's name; the server
 * reads a key from there only when the variable is not set.
 */

/** A fresh key: 32 bytes from the system CSPRNG as base64url (43 characters, safe in a header). */
Result<QByteArray> generateBearerKey();

/** "TOKENDESK_KEY_WEB_DEV" for "web-dev", not one of `taken` (a suffix _2, _3 ... is added). */
QString bearerKeyVariable(const QString& name, const QStringList& taken);

/** The secret store key of the bearer key held in `variable` (cannot clash with "<profile>/<field>"). */
QString bearerKeySecretName(const QString& variable);

/** The `keyEnv` of every bearer key in a config document, in order; malformed entries are skipped. */
QStringList bearerKeyVariables(const QJsonObject& config);

/** The variables of `config` that `environment` does not set. */
QStringList missingBearerKeyVariables(const QJsonObject& config, const QProcessEnvironment& environment);

/** Adds the stored key of every variable in `variables` that the environment does not set already. */
Result<void> addStoredBearerKeys(QProcessEnvironment& environment, const QStringList& variables,
                                 credentials::SecretStore& store);

} // namespace td::server
