// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Importer.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace td::credentials {

/** A place on this machine that holds credentials TokenDesk can import. */
struct FoundSource {
    enum class Kind { LiveKitCliConfig, Environment, EnvFile };
    Kind kind = Kind::EnvFile;
    QString path;             // the file; "" for the environment
    QStringList profileNames; // the profiles an import would create (names only: no secret leaves the finder)
};

/**
 * What a first run can offer to import: livekit-cli's `<home>/.livekit/cli-config.yaml`, the LIVEKIT_*, ZEGO_*,
 * JAAS_* and JITSI_* variables of `environment`, and a `.env` or `.dev.vars` in `folder`. Only sources that yield
 * at least one profile are listed; unreadable, oversized or broken files are left out silently (the user did not
 * ask for them). Secrets read on the way are wiped before this returns.
 */
QList<FoundSource> findImportable(const QString& home, const QString& folder,
                                  const QHash<QString, QByteArray>& environment);

/** Reads a found source again, with its secrets, for the import itself. */
Result<ImportResult> readFound(const FoundSource& source, const QHash<QString, QByteArray>& environment);

/** The process environment as the importers take it, in a map that wipes its values (they hold secrets). */
crypto::SecretMap processEnvironment();

} // namespace td::credentials
