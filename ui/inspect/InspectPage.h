// SPDX-License-Identifier: MIT
#pragma once

#include "core/inspect/TokenInspector.h"
#include "ui/common/AppContext.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace td::ui {

/**
 * Paste or drop a token: provider and kind, header and claims with times (local, UTC, relative), verification with
 * typed credentials or a stored profile, findings, permissions; and a claim-by-claim comparison of two tokens.
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
    void showResult(const Inspection& result);
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
};

} // namespace td::ui
