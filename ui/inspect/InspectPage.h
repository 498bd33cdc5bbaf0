// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/inspect/TokenInspector.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace td::ui {

/** Paste or drop a token: provider and kind, header and claims with times, verification, findings, permissions. */
class InspectPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectPage)

public:
    explicit InspectPage(const Clock& clock, QWidget* parent = nullptr);

    /** Inspects the text in the token box with the credentials typed in. */
    void inspect();

private:
    void showResult(const Inspection& result);
    void addJson(QTreeWidgetItem* parent, const QString& key, const QJsonValue& value);

    const Clock& m_clock;
    QPlainTextEdit* m_token;
    QLineEdit* m_identity;
    QLineEdit* m_secret;
    QPushButton* m_inspect;
    QLabel* m_summary;
    QTreeWidget* m_claims;
    QListWidget* m_findings;
    QListWidget* m_permissions;
};

} // namespace td::ui
