// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"
#include "core/inspect/TokenInspector.h"
#include "ui/common/AppContext.h"
#include "ui/common/Widgets.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace td::ui {

/**
 * The stored profiles that may have signed `decoded`, best first: LiveKit by API key (iss), self-hosted Jitsi by
 * app_id (iss) and kid, JaaS by kid or AppID (sub), a Kit Token by its appID; a bare Token04 carries no AppID in the
 * clear, so every ZEGOCLOUD profile is a candidate (the signature decides).
 */
QStringList matchingProfiles(const Inspection& decoded, const QList<credentials::Profile>& profiles);

/**
 * Paste or drop a token and read it at once (decoded on every edit): its parts coloured as in jwt.io, a verdict
 * banner (valid / valid within the verifier's leeway / invalid / not verified), header and claims with times (local,
 * UTC, relative), findings, permissions (marked as claimed until the signature is verified). The profile whose key,
 * AppID or kid matches the token is picked by itself; a stored profile or typed credentials verify it. A second tab
 * compares two tokens claim by claim.
 */
class InspectPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectPage)

public:
    explicit InspectPage(AppContext& context, QWidget* parent = nullptr);

    /** Inspects the text in the token box with the chosen credentials. */
    void inspect();
    /** Keeps what the page this one replaces holds (a language change): both tokens and the verification choice. */
    void takeOver(const InspectPage& previous);
    /** Compares the token box with the second token box. */
    void compare();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void refreshProfiles();
    Result<VerifyCredentials> credentials();
    Result<VerifyCredentials> profileCredentials(const QString& profileName);
    void showResult(const Inspection& result);
    void showVerdict(Tone tone, const QString& title, const QString& detail);
    void clearResult();
    /** With nothing chosen to verify with, picks the stored profile whose key, AppID or kid matches the token. */
    void pickMatchingProfile(const Inspection& decoded);
    void addJson(QTreeWidgetItem* parent, const QString& key, const QJsonValue& value);

    AppContext& m_context;
    QPlainTextEdit* m_token;
    QComboBox* m_verifyWith;
    QLineEdit* m_identity;
    QLineEdit* m_secret;
    QPushButton* m_inspect;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    QTreeWidget* m_claims;
    QListWidget* m_findings;
    QListWidget* m_permissions;
    QPlainTextEdit* m_otherToken;
    QPushButton* m_compare;
    QLabel* m_compareSummary;
    QTreeWidget* m_diff;
    QLabel* m_permissionsHeading;
    QTimer* m_debounce;
    class TokenHighlighter* m_highlighter;
    QString m_autoProfile; // the profile picked by pickMatchingProfile, "" when the user chose
};

} // namespace td::ui
