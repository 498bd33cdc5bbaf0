// SPDX-License-Identifier: MIT
#include "core/credentials/Importer.h"

#include "core/credentials/EnvFile.h"
#include "core/credentials/ProfileStore.h"
#include "core/crypto/Base64.h"
#include "core/crypto/Pem.h"
#include "core/providers/Registry.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace td::credentials {
namespace {

/** Calls `f` with each line of `text` as split('\n') would give it; `crlf` drops the '\r' before a '\n'. */
template <typename F> void forEachLine(QByteArrayView text, bool crlf, F f)
{
    qsizetype pos = 0;
    for (;;) {
        const qsizetype nl = text.indexOf('\n', pos);
        const qsizetype eol = nl < 0 ? text.size() : nl;
        QByteArrayView line = text.sliced(pos, eol - pos);
        if (crlf && nl >= 0 && line.endsWith('\r'))
            line.chop(1);
        f(line);
        if (nl < 0)
            return;
        pos = nl + 1;
    }
}

/**
 * Wraps an unquoted PEM value (KEY=-----BEGIN ... on following lines ... -----END) in quotes. The text is walked
 * as views and the output sized up front: line copies and a growing buffer would leave the key behind, unwiped.
 */
QByteArray quoteBarePem(QByteArrayView text, bool* repaired)
{
    QByteArray out;
    out.reserve(text.size() + 1 + 2 * text.count("-----BEGIN "));
    bool inPem = false;
    forEachLine(text, true, [&](QByteArrayView line) {
        if (!inPem) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0 && line.sliced(eq + 1).trimmed().startsWith("-----BEGIN ") && !line.contains("-----END ")) {
                out.append(line.first(eq + 1)).append('"').append(line.sliced(eq + 1));
                inPem = true;
                *repaired = true;
            } else {
                out.append(line);
            }
        } else if (line.trimmed().startsWith("-----END ")) {
            out.append(line.trimmed()).append('"');
            inPem = false;
        } else {
            out.append(line);
        }
        out.append('\n');
    });
    return out;
}

/** Removes "Key ID: ..." lines from a PEM value; returns the key id found, if any. */
QString stripKeyIdLine(QByteArray& pem)
{
    QString keyId;
    QByteArray kept;
    kept.reserve(pem.size());
    bool first = true;
    forEachLine(pem, false, [&](QByteArrayView line) {
        const QByteArrayView t = line.trimmed();
        if (t.startsWith("Key ID:") || t.startsWith("KeyID:") || t.startsWith("kid:")) {
            keyId = QString::fromUtf8(t.sliced(t.indexOf(':') + 1).trimmed());
            return;
        }
        if (!first)
            kept.append('\n');
        kept.append(line);
        first = false;
    });
    QByteArray out;
    const QByteArrayView trimmed = QByteArrayView(kept).trimmed();
    out.reserve(trimmed.size() + 1);
    out.append(trimmed).append('\n');
    crypto::wipe(kept);
    pem = std::move(out); // the caller's value stays with the variables it came from, which wipe it
    return keyId;
}

ImportedProfile newProfile(const QString& name, Provider provider)
{
    ImportedProfile p;
    p.profile.name = name;
    p.profile.provider = provider;
    return p;
}

} // namespace

Result<ImportResult> importVariables(const QHash<QString, QByteArray>& vars, const QString& prefix)
{
    ImportResult result;
    const auto has = [&](const char* name) { return !vars.value(QLatin1String(name)).isEmpty(); };
    const auto text = [&](const char* name) { return QString::fromUtf8(vars.value(QLatin1String(name)).trimmed()); };
    for (const ProviderModule* module : providerModules()) {
        // A profile for each provider whose credential id or a secret is set (a server URL alone is not one).
        const QList<EnvironmentVariable> variables = module->environmentVariables() + module->importedVariables();
        const bool found = std::any_of(variables.cbegin(), variables.cend(), [&](const EnvironmentVariable& v) {
            return (v.secret || QLatin1String(v.field) == module->identityField()) && has(v.variable);
        });
        if (!found)
            continue;
        ImportedProfile p = newProfile(prefix + QLatin1Char('-') + module->name(), module->id());
        for (const EnvironmentVariable& v : variables) {
            const QString field = QLatin1String(v.field);
            if (!v.secret) {
                if (QString* member = p.profile.textField(field); member && has(v.variable))
                    *member = text(v.variable);
                continue;
            }
            if (field != QStringLiteral("privateKey")) {
                if (has(v.variable) || module->secretFields().value(0) == field)
                    p.secrets.insert(field, vars.value(QLatin1String(v.variable)).trimmed());
                continue;
            }
            if (!has(v.variable)) {
                if (module->secretFields().value(0) == field)
                    p.secrets.insert(field, QByteArray());
                continue;
            }
            auto file = crypto::pemOrKeyFile(vars.value(QLatin1String(v.variable)), QLatin1String(v.variable));
            if (!file)
                return std::unexpected(file.error());
            QByteArray pem = std::move(*file);
            if (const QString kid = stripKeyIdLine(pem); !kid.isEmpty()) {
                result.warnings << QStringLiteral("%1 contained a \"Key ID:\" line; it was removed from the key")
                                       .arg(QLatin1String(v.variable));
                if (p.profile.keyId.isEmpty())
                    p.profile.keyId = kid;
            }
            p.secrets.insert(field, pem);
        }
        result.warnings << module->completeImport(p.profile);
        result.profiles.append(p);
    }
    if (result.profiles.isEmpty())
        return fail(ErrorCode::NotFound,
                    QT_TRANSLATE_NOOP("td::Error", "no credentials found: expected the variables of a provider (%1)"),
                    providerVariablePrefixes());
    return result;
}

Result<ImportResult> importEnvFile(QByteArrayView text, const QString& prefix)
{
    bool repairedPem = false;
    QByteArray repaired = quoteBarePem(text, &repairedPem);
    const crypto::ScopedWipe wipeRepaired(repaired);
    auto entries = parseEnvFile(repaired);
    if (!entries)
        return std::unexpected(entries.error());
    crypto::SecretMap vars;
    for (const EnvEntry& e : *entries)
        vars.insert(e.key, e.value.bytes());
    auto result = importVariables(vars, prefix);
    if (result && repairedPem)
        result->warnings << QStringLiteral("a PEM value was not quoted; it was read up to its -----END line");
    return result;
}

Result<ImportResult> importLiveKitCliConfig(QByteArrayView yaml)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml.data(), static_cast<size_t>(yaml.size())));
    } catch (const YAML::Exception& e) {
        // yaml-cpp reports with exceptions; they stop here, with the position but not the content.
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the livekit-cli config is not valid YAML (line %1, column %2)"),
                    e.mark.line + 1, e.mark.column + 1);
    }
    ImportResult result;
    const YAML::Node projects = root["projects"];
    if (!projects || !projects.IsSequence())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the livekit-cli config has no \"projects\" list"));
    const auto str = [](const YAML::Node& n, const char* key) {
        const YAML::Node v = n[key];
        return v && v.IsScalar() ? QString::fromStdString(v.as<std::string>()) : QString();
    };
    int index = 0;
    for (const YAML::Node& project : projects) {
        ++index;
        if (!project.IsMap()) {
            result.warnings << QStringLiteral("project %1 is not a mapping; skipped").arg(index);
            continue;
        }
        QString name = str(project, "name");
        if (!Profile::isValidName(name)) {
            result.warnings << QStringLiteral("project %1 has no usable name; imported as lk-project-%1").arg(index);
            name = QStringLiteral("lk-project-%1").arg(index);
        }
        ImportedProfile p = newProfile(name, Provider::LiveKit);
        p.profile.serverUrl = str(project, "url");
        p.profile.apiKey = str(project, "api_key");
        p.secrets.insert(QStringLiteral("apiSecret"), str(project, "api_secret").toUtf8());
        if (p.profile.apiKey.isEmpty() || p.secrets.value(QStringLiteral("apiSecret")).isEmpty())
            result.warnings << QStringLiteral("project %1 lacks api_key or api_secret").arg(name);
        result.profiles.append(p);
    }
    if (result.profiles.isEmpty())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the livekit-cli config lists no projects"));
    return result;
}

ImportFormat detectImportFormat(QByteArrayView data, const QString& fileName)
{
    if (isBundle(data))
        return ImportFormat::Bundle;
    if (fileName.endsWith(QStringLiteral(".yaml"), Qt::CaseInsensitive) ||
        fileName.endsWith(QStringLiteral(".yml"), Qt::CaseInsensitive))
        return ImportFormat::LiveKitCliConfig;
    if (data.trimmed().startsWith('{'))
        return ImportFormat::ProfilesJson;
    return ImportFormat::EnvFile;
}

bool holdsPlaintextSecrets(ImportFormat format)
{
    return format == ImportFormat::EnvFile || format == ImportFormat::LiveKitCliConfig;
}

Result<ImportResult> importFile(QByteArrayView data, const QString& fileName, const QString& prefix)
{
    switch (detectImportFormat(data, fileName)) {
    case ImportFormat::Bundle:
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "this file is an encrypted bundle: it needs its passphrase"));
    case ImportFormat::LiveKitCliConfig: return importLiveKitCliConfig(data);
    case ImportFormat::ProfilesJson: {
        auto profiles = ProfileStore::parse(data.toByteArray());
        if (!profiles)
            return std::unexpected(profiles.error());
        ImportResult result;
        for (const Profile& p : *profiles)
            result.profiles.append(ImportedProfile{p, {}});
        result.warnings << QStringLiteral("a profiles export carries no secrets: add them by editing each profile");
        return result;
    }
    case ImportFormat::EnvFile: break;
    }
    if (!prefix.isEmpty())
        return importEnvFile(data, prefix); // a bad prefix shows up as a bad profile name, not silently replaced
    // ".dev.vars" -> "dev", "staging.env" -> "staging"
    QString base = QFileInfo(fileName).completeBaseName();
    base.remove(QLatin1Char('.'));
    if (!Profile::isValidName(base))
        base = QStringLiteral("imported");
    return importEnvFile(data, base);
}

QByteArray exportProfilesJson(const QList<Profile>& profiles)
{
    QJsonArray list;
    for (const Profile& p : profiles)
        list.append(p.toJson());
    return QJsonDocument(
               QJsonObject{{QStringLiteral("version"), kProfilesFormatVersion}, {QStringLiteral("profiles"), list}})
        .toJson(QJsonDocument::Indented);
}

Result<QByteArray> exportBundle(const QList<ImportedProfile>& profiles, QByteArrayView passphrase,
                                const KdfParams& params)
{
    QJsonArray list;
    QJsonObject secrets;
    for (const ImportedProfile& p : profiles) {
        list.append(p.profile.toJson());
        for (auto it = p.secrets.begin(); it != p.secrets.end(); ++it)
            secrets.insert(Profile::secretKey(p.profile.name, it.key()),
                           QString::fromLatin1(crypto::base64Encode(it.value())));
    }
    return VaultFile::seal(QJsonObject{{QStringLiteral("kind"), QStringLiteral("tokendesk-bundle")},
                                       {QStringLiteral("version"), kProfilesFormatVersion},
                                       {QStringLiteral("profiles"), list},
                                       {QStringLiteral("secrets"), secrets}},
                           passphrase, params);
}

bool isBundle(QByteArrayView data)
{
    return data.startsWith(QByteArrayView("TDVAULT\0", 8));
}

Result<ImportResult> importBundle(const QByteArray& data, QByteArrayView passphrase)
{
    auto doc = VaultFile::open(data, passphrase);
    if (!doc)
        return std::unexpected(doc.error());
    if (doc->value(QStringLiteral("kind")).toString() != QStringLiteral("tokendesk-bundle"))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "this vault is not an export bundle"));
    ImportResult result;
    const QJsonObject secrets = doc->value(QStringLiteral("secrets")).toObject();
    for (const QJsonValue& v : doc->value(QStringLiteral("profiles")).toArray()) {
        auto profile = Profile::fromJson(v.toObject());
        if (!profile)
            return std::unexpected(profile.error());
        ImportedProfile p{*profile, {}};
        for (const QString& field : Profile::secretFields(profile->provider)) {
            const QJsonValue s = secrets.value(Profile::secretKey(profile->name, field));
            if (s.isString())
                p.secrets.insert(field, crypto::base64Decode(s.toString().toLatin1()).value_or(QByteArray()));
        }
        result.profiles.append(p);
    }
    return result;
}

} // namespace td::credentials
