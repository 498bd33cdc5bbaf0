// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/MintPlan.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;

namespace td::ui {

struct AppContext;
class ProviderForm;
class ResultPanel;

/**
 * Pick a profile, fill its provider's form, read the live claims preview and the core's findings, mint (Ctrl+Enter).
 * The header (profile, TTL) stays put; the form scrolls; the Mint button, findings and the result sit in a card of
 * fixed width beside the form, or below it when the window is too narrow for both, so nothing ever squeezes the form.
 * Every edit
 * re-runs mintAndInspect on the current plan (coalesced by a zero-delay timer): the preview is the would-be payload,
 * the findings gate the Mint button. The raw JSON tab edits the plan's claims directly. Each mint is recorded in
 * History as metadata; the token only when the settings say so.
 */
class MintPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MintPage)

public:
    explicit MintPage(AppContext& context, QWidget* parent = nullptr);
    ~MintPage() override;

    /** Selects a profile by name (the Profiles page's "Mint with this profile"); false when there is none. */
    bool selectProfile(const QString& name);
    /** History's re-mint: selects the plan's profile, sets TTL and back-dating and fills the form. */
    void loadPlan(const mint::MintPlan& plan);
    /** The plan the page describes now, or why there is none (no profile, bad TTL ...). */
    Result<mint::MintPlan> currentPlan() const;
    /** What the Mint button does: mints the current plan, shows the result, records it in History. */
    void mint();
    /** Keeps the work of the page this one replaces (a language change): profile, TTL, form and the last result. */
    void takeOver(const MintPage& previous);

Q_SIGNALS:
    /** The empty state's "Set up a profile": the main window opens the welcome view. */
    void setupRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildHeader();
    QWidget* buildMintBar();
    QWidget* buildCard();
    void updateLayoutMode();
    /** The form, TTL or profile changed: re-check, and mark a shown result as out of date. */
    void edited();
    void addForm(Provider provider, ProviderForm* form);
    ProviderForm* currentForm() const;
    std::optional<credentials::Profile> currentProfile() const;
    void reloadProfiles();
    void profileSelected(bool resetTtl);
    void loadSecrets(const QString& profile);
    void wipeSecrets();
    void scheduleRefresh();
    void refresh();
    /** Disables Mint and says why: "To mint: …" before any edit, "Cannot mint: …" after; `asIs` as given. */
    void blockMint(const QString& reason, bool asIs = false);
    void rawJsonEdited();
    void writeRawJson(const QJsonObject& claims);

    AppContext& m_context;
    QComboBox* m_profile;
    QLabel* m_environment;
    QLabel* m_prodWarning;
    QLineEdit* m_ttl;
    QLabel* m_ttlStatus;
    QLabel* m_notBeforeLabel;
    QSpinBox* m_notBefore;
    QStackedWidget* m_forms;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_formColumn = nullptr;
    QVBoxLayout* m_formColumnLayout = nullptr;
    QWidget* m_mintBar = nullptr;
    QWidget* m_card = nullptr;
    QWidget* m_side = nullptr;
    QWidget* m_empty = nullptr; // what the page is for and its first step, while there is no profile
    QVBoxLayout* m_headerLayout = nullptr;
    QVBoxLayout* m_sideLayout = nullptr;
    QTabWidget* m_tabs = nullptr;
    bool m_narrow = false;
    bool m_touched = false; // edited or Mint pressed since the profile was chosen: problems are errors from then on
    QLabel* m_noForm;
    QPlainTextEdit* m_preview;
    QPlainTextEdit* m_rawJson;
    QLabel* m_rawJsonStatus;
    QListWidget* m_findings;
    QLabel* m_status;
    QPushButton* m_mint;
    ResultPanel* m_result;
    QMap<Provider, ProviderForm*> m_formByProvider;
    QTimer m_refreshTimer;
    QString m_secretsProfile;
    crypto::SecretMap m_secrets; // wiped when replaced, cleared or destroyed
    QString m_secretsError;
    bool m_writingRawJson = false;
    bool m_claimsChanged = true;    // the form or profile changed since the raw JSON view was written
    bool m_rawJsonIsSource = false; // the pending refresh comes from a raw JSON edit: leave the user's text alone
};

} // namespace td::ui
