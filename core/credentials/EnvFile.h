// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace td::credentials {

struct EnvEntry {
    QString key;
    crypto::SecretByteArray value; // may be secret: never put it in a message; wiped by its last holder
    int line = 0;                  // 1-based line where the entry starts
};

/**
 * Parses the two .env dialects people keep credentials in: shell-style `export K=V` (development.env) and
 * Wrangler's `.dev.vars` with double-quoted multi-line values (a PEM). Comments and blank lines are skipped.
 * Errors name the line, never the value.
 */
Result<QList<EnvEntry>> parseEnvFile(QByteArrayView text);

} // namespace td::credentials
