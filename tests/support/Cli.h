// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <QtGlobal>

namespace td::test {

/** What a tokendesk-cli run printed and how it ended. */
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/**
 * tokendesk-cli run by a test, in a sandbox of its own: a temporary directory that lives as long as this object.
 * Every CLI test runs with this one environment, the tester's own minus what could leak in or out:
 *  - every LIVEKIT_*, ZEGO_*, JAAS_*, JITSI_*, STREAM_*, TWILIO_*, HMS_*, AGORA_*, VONAGE_*, OPENTOK_* and TOKENDESK_*
 * variable is removed (credentials, config dir, secret store and passphrases of whoever runs the tests), and
 * DBUS_SESSION_BUS_ADDRESS, so no keychain is reached;
 *  - HOME and XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME point into the sandbox, so nothing
 *    under the real home is read or written;
 *  - TOKENDESK_CONFIG_DIR is the sandbox's cfg/, TOKENDESK_SECRET_STORE is vault and TOKENDESK_VAULT_PASSPHRASE is
 *    "vault pass": profiles and secrets go to an encrypted vault there;
 * then a test's own KEY=VALUE entries on top (its credentials, another config dir, a wrong passphrase).
 */
class CliSandbox {
public:
    CliSandbox()
    {
        if (!m_dir.isValid() || !QDir(m_dir.path()).mkpath(QStringLiteral("home")))
            qFatal("cannot create the CLI sandbox: %s", qPrintable(m_dir.errorString()));
    }

    /** A path inside the sandbox (which holds home/ and, once used, cfg/). */
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QProcessEnvironment environment(const QStringList& extra = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString& k : e.keys()) {
            if (k.startsWith(QStringLiteral("LIVEKIT_")) || k.startsWith(QStringLiteral("ZEGO_")) ||
                k.startsWith(QStringLiteral("JAAS_")) || k.startsWith(QStringLiteral("JITSI_")) ||
                k.startsWith(QStringLiteral("STREAM_")) || k.startsWith(QStringLiteral("TWILIO_")) ||
                k.startsWith(QStringLiteral("HMS_")) || k.startsWith(QStringLiteral("AGORA_")) ||
                k.startsWith(QStringLiteral("VONAGE_")) || k.startsWith(QStringLiteral("OPENTOK_")) ||
                k.startsWith(QStringLiteral("TOKENDESK_")))
                e.remove(k);
        }
        e.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        const QString home = path(QStringLiteral("home"));
        e.insert(QStringLiteral("HOME"), home);
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        e.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        e.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        e.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
        e.insert(QStringLiteral("TOKENDESK_CONFIG_DIR"), path(QStringLiteral("cfg")));
        e.insert(QStringLiteral("TOKENDESK_SECRET_STORE"), QStringLiteral("vault"));
        e.insert(QStringLiteral("TOKENDESK_VAULT_PASSPHRASE"), QStringLiteral("vault pass"));
        for (const QString& kv : extra)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        return e;
    }

    /** Starts tokendesk-cli in `p` with `input` on its stdin, then closes it; the caller waits or signals. */
    void start(QProcess& p, const QStringList& args, const QStringList& extra = {}, const QByteArray& input = {}) const
    {
        p.setProcessEnvironment(environment(extra));
        p.start(QStringLiteral(TOKENDESK_CLI_PATH), args);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
    }

    /** Runs tokendesk-cli to its end; one that runs for five minutes ends the test run. */
    CliRun run(const QStringList& args, const QStringList& extra = {}, const QByteArray& input = {}) const
    {
        QProcess p;
        start(p, args, extra, input);
        if (!p.waitForFinished(300000))
            qFatal("tokendesk-cli did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private:
    QTemporaryDir m_dir;
};

} // namespace td::test
