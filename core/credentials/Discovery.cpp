// SPDX-License-Identifier: MIT
#include "core/credentials/Discovery.h"

#include "core/crypto/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace td::credentials {
namespace {

constexpr qint64 kMaxSize = qint64(1) * 1024 * 1024; // a credentials file is a few kilobytes

Result<QByteArray> readSmallFile(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || file.size() > kMaxSize || !file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "%1 cannot be read"), path);
    return file.read(kMaxSize);
}

const QString kEnvironmentPrefix = QStringLiteral("env");

} // namespace

Result<ImportResult> readFound(const FoundSource& source, const QHash<QString, QByteArray>& environment)
{
    if (source.kind == FoundSource::Kind::Environment)
        return importVariables(environment, kEnvironmentPrefix);
    auto data = readSmallFile(source.path);
    if (!data)
        return std::unexpected(data.error());
    auto found = source.kind == FoundSource::Kind::LiveKitCliConfig ? importLiveKitCliConfig(*data)
                                                                    : importFile(*data, source.path);
    crypto::wipe(*data);
    return found;
}

QList<FoundSource> findImportable(const QString& home, const QString& folder,
                                  const QHash<QString, QByteArray>& environment)
{
    QList<FoundSource> candidates;
    if (!home.isEmpty())
        candidates.append(
            {FoundSource::Kind::LiveKitCliConfig, QDir(home).filePath(QStringLiteral(".livekit/cli-config.yaml")), {}});
    candidates.append({FoundSource::Kind::Environment, QString(), {}});
    if (!folder.isEmpty()) {
        for (const QString& name : {QStringLiteral(".env"), QStringLiteral(".dev.vars")})
            candidates.append({FoundSource::Kind::EnvFile, QDir(folder).filePath(name), {}});
    }
    QList<FoundSource> found;
    for (FoundSource& source : candidates) {
        const auto profiles = readFound(source, environment);
        if (!profiles || profiles->profiles.isEmpty())
            continue;
        for (const ImportedProfile& p : profiles->profiles)
            source.profileNames << p.profile.name;
        found.append(source);
    }
    return found;
}

crypto::SecretMap processEnvironment()
{
    crypto::SecretMap out;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys())
        out.insert(key, env.value(key).toUtf8());
    return out;
}

} // namespace td::credentials
