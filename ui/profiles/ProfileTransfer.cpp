// SPDX-License-Identifier: MIT
#include "ui/profiles/ProfileTransfer.h"

#include "core/io/PrivateFile.h"
#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/profiles/ImportDialog.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QFileInfo>

namespace td::ui {
namespace {

// Env files, configs and bundles are small; a large file was picked by mistake.
constexpr qint64 kMaxImportSize = qint64(4) * 1024 * 1024;

QStringList profileNames(const ProfileService& profiles)
{
    QStringList names;
    for (const credentials::Profile& p : profiles.profiles())
        names << p.name;
    return names;
}

/** A wait cursor while the passphrase KDF runs (about half a second). */
struct BusyCursor {
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    Q_DISABLE_COPY_MOVE(BusyCursor)
};

} // namespace

QString ProfileTransfer::importProfiles(Source source)
{
    QString caption = tr("Import an env file or .dev.vars");
    QString filter = tr("Env files (*.env *.vars .env .dev.vars);;All files (*)");
    if (source == Source::LiveKitCliConfig) {
        caption = tr("Import a livekit-cli config (~/.livekit/cli-config.yaml)");
        filter = tr("livekit-cli config (*.yaml *.yml);;All files (*)");
    } else if (source == Source::Bundle) {
        caption = tr("Import an encrypted bundle");
        filter = tr("TokenDesk bundles (*.tdbundle);;All files (*)");
    }
    const QString path = m_context.dialogs.openFileName(m_page, caption, filter);
    if (path.isEmpty())
        return {};
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (file.size() > kMaxImportSize || !file.open(QIODevice::ReadOnly)) {
        m_context.dialogs.error(m_page, tr("Import"),
                                file.size() > kMaxImportSize
                                    ? tr("%1 is too large to import.").arg(path)
                                    : tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return {};
    }
    QByteArray data = file.readAll();

    const credentials::ImportFormat format = credentials::detectImportFormat(data, path);
    Result<credentials::ImportResult> found = fail(ErrorCode::InvalidValue, QString());
    if (format == credentials::ImportFormat::Bundle) {
        std::optional<QString> passphrase =
            m_context.dialogs.passphrase(m_page, tr("Passphrase of the bundle %1:").arg(fileName));
        if (!passphrase)
            return {};
        QByteArray bytes = passphrase->toUtf8();
        {
            BusyCursor busy;
            found = credentials::importBundle(data, bytes);
        }
        crypto::wipe(bytes);
    } else if (source == Source::Bundle) {
        found = fail(ErrorCode::InvalidValue, tr("this is not a TokenDesk bundle"));
    } else if (source == Source::LiveKitCliConfig) {
        // Whatever its name: the user said what it is.
        found = credentials::importLiveKitCliConfig(data);
    } else {
        found = credentials::importFile(data, path);
    }
    crypto::wipe(data); // an env file or a livekit-cli config holds its secrets in plain text; they are in `found` now
    if (!found) {
        m_context.dialogs.error(m_page, tr("Import"),
                                tr("Nothing imported from %1: %2").arg(fileName, found.error().localized()));
        return {};
    }

    return offer(*found, fileName, credentials::holdsPlaintextSecrets(format) ? path : QString());
}

QString ProfileTransfer::offer(const credentials::ImportResult& found, const QString& fileName,
                               const QString& plainTextPath)
{
    const QStringList existing = profileNames(m_context.profiles);
    ImportDialog dialog(found, existing, fileName, m_page);
    if (m_context.dialogs.exec(dialog) != QDialog::Accepted)
        return {};
    QStringList saved;
    QStringList kept;
    QStringList failures;
    QList<credentials::ImportedProfile> chosen;
    for (const credentials::ImportedProfile& p : dialog.selected()) {
        if (existing.contains(p.profile.name) &&
            !m_context.dialogs.confirm(
                m_page, tr("Replace profile"),
                tr("A profile named %1 exists. Replace it and its secrets with the imported one?")
                    .arg(p.profile.name))) {
            kept << p.profile.name;
            continue;
        }
        const credentials::ProfileCheck check = credentials::validateProfile(p.profile, p.secrets);
        for (const Finding& f : check.findings) {
            if (f.severity == Severity::Error)
                failures << tr("%1: %2").arg(p.profile.name, f.localized());
        }
        chosen.append(p);
    }
    // All or nothing: a bad profile stops the import before anything is written.
    if (failures.isEmpty() && !chosen.isEmpty()) {
        if (auto ok = m_context.profiles.saveAll(chosen); !ok)
            failures << ok.error().localized();
        else
            for (const credentials::ImportedProfile& p : chosen)
                saved << p.profile.name;
    }
    if (!failures.isEmpty())
        m_context.dialogs.error(m_page, tr("Import"),
                                tr("Nothing imported:\n%1").arg(failures.join(QLatin1Char('\n'))));
    QString message = tr("Imported %n profile(s) from %1", nullptr, int(saved.size())).arg(fileName);
    if (!saved.isEmpty())
        message += tr(": %1.").arg(saved.join(QStringLiteral(", ")));
    else
        message += QLatin1Char('.');
    if (!kept.isEmpty())
        message += QLatin1Char(' ') + tr("Kept the existing %1.").arg(kept.join(QStringLiteral(", ")));
    if (!saved.isEmpty() && !plainTextPath.isEmpty())
        message +=
            QLatin1Char(' ') +
            tr("The secrets are in the secret store now; the plain-text file %1 can be deleted.").arg(plainTextPath);
    return message;
}

QString ProfileTransfer::exportJson()
{
    const QString path = m_context.dialogs.saveFileName(m_page, tr("Export profiles without secrets"),
                                                        QStringLiteral("tokendesk-profiles.json"), tr("JSON (*.json)"));
    if (path.isEmpty())
        return {};
    const QList<credentials::Profile>& profiles = m_context.profiles.profiles();
    if (auto ok = io::writeFileAtomically(path, credentials::exportProfilesJson(profiles)); !ok) {
        m_context.dialogs.error(m_page, tr("Export"), ok.error().localized());
        return {};
    }
    return tr("Exported %n profile(s) without secrets to %1.", nullptr, int(profiles.size())).arg(path);
}

QString ProfileTransfer::exportBundle()
{
    const QString path = m_context.dialogs.saveFileName(m_page, tr("Export profiles with secrets, encrypted"),
                                                        QStringLiteral("tokendesk-profiles.tdbundle"),
                                                        tr("TokenDesk bundles (*.tdbundle)"));
    if (path.isEmpty())
        return {};
    std::optional<QString> passphrase =
        m_context.dialogs.passphrase(m_page, tr("A passphrase for the bundle (it is needed to import it):"));
    if (!passphrase)
        return {};
    if (passphrase->isEmpty()) {
        m_context.dialogs.error(m_page, tr("Export"), tr("A bundle holds secrets: it needs a passphrase."));
        return {};
    }
    std::optional<QString> again = m_context.dialogs.passphrase(m_page, tr("The same passphrase again:"));
    if (!again)
        return {};
    if (*again != *passphrase) {
        m_context.dialogs.error(m_page, tr("Export"), tr("The two passphrases differ; nothing was exported."));
        return {};
    }
    const QList<credentials::Profile>& profiles = m_context.profiles.profiles();
    auto bundle = credentials::readProfilesWithSecrets(profiles, m_context.profiles.secretStore());
    if (!bundle) {
        m_context.dialogs.error(m_page, tr("Export"), bundle.error().localized());
        return {};
    }
    QByteArray bytes = passphrase->toUtf8();
    Result<QByteArray> sealed = fail(ErrorCode::InvalidValue, QString());
    {
        BusyCursor busy;
        sealed = credentials::exportBundle(*bundle, bytes);
    }
    bytes.fill(0);
    passphrase->fill(QChar(0));
    again->fill(QChar(0));
    if (!sealed) {
        m_context.dialogs.error(m_page, tr("Export"), sealed.error().localized());
        return {};
    }
    if (auto ok = io::writeFileAtomically(path, *sealed); !ok) {
        m_context.dialogs.error(m_page, tr("Export"), ok.error().localized());
        return {};
    }
    return tr("Exported %n profile(s) with their secrets, encrypted, to %1.", nullptr, int(profiles.size())).arg(path);
}

} // namespace td::ui
