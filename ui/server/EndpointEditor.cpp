// SPDX-License-Identifier: MIT
#include "ui/server/EndpointEditor.h"

#include "core/credentials/Profile.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Widgets.h"
#include "ui/server/ConfigDocument.h"
#include "ui/common/ErrorLabel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

constexpr int kProfileRole = Qt::UserRole;    // the profile name; "" for the environment
constexpr int kSourceRole = Qt::UserRole + 1; // "profile", "env" or "none"

const QString kProfile = QStringLiteral("profile");
const QString kCredentials = QStringLiteral("credentials");
const QString kEnv = QStringLiteral("env");

/** The endpoint's type; an unknown name reads as the first type (the config's error says what is wrong). */
const server::EndpointKind& typeOf(const QJsonObject& endpoint)
{
    const server::EndpointKind* type = server::parseEndpointType(endpoint.value(QStringLiteral("type")).toString());
    return type ? *type : *server::endpointTypes().constFirst();
}

/** The policy carried over to a new type: fields and fixed claims the new type does not know are dropped. */
QJsonObject policyForType(QJsonObject policy, const server::EndpointKind& type)
{
    if (policy.contains(QStringLiteral("allowFields"))) {
        QJsonArray kept;
        for (const QJsonValue& f : policy.value(QStringLiteral("allowFields")).toArray()) {
            if (type.requestFields().contains(f.toString()))
                kept.append(f);
        }
        policy.insert(QStringLiteral("allowFields"), kept);
    }
    for (const server::EndpointKind* other : server::endpointTypes()) {
        const QString fixed = other->fixedClaimsField();
        if (!fixed.isEmpty() && fixed != type.fixedClaimsField())
            policy.remove(fixed);
    }
    return policy;
}

} // namespace

EndpointEditor::EndpointEditor(ConfigDocument& document, ProfileService& profiles, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent), m_document(document), m_profiles(profiles), m_dialogs(dialogs),
      m_table(new QTableWidget(0, 3, this)), m_add(new QPushButton(tr("&Add endpoint"), this)),
      m_remove(new QPushButton(tr("Remove endpoint"), this)), m_path(new QLineEdit(this)), m_type(new QComboBox(this)),
      m_profile(new QComboBox(this)), m_error(new ErrorLabel(this))
{
    name(m_table, QStringLiteral("endpointsTableWidget"), tr("Endpoints"));
    m_table->setHorizontalHeaderLabels({tr("Path"), tr("Type"), tr("Signs with")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    name(m_add, QStringLiteral("addEndpointPushButton"), tr("Add endpoint"));
    name(m_remove, QStringLiteral("removeEndpointPushButton"), tr("Remove endpoint"));
    name(m_path, QStringLiteral("pathLineEdit"), tr("Endpoint path"));
    m_path->setPlaceholderText(tr("/getToken"));
    name(m_type, QStringLiteral("typeComboBox"), tr("Endpoint type"));
    for (const server::EndpointKind* t : server::endpointTypes())
        m_type->addItem(typeLabel(*t), t->name());
    name(m_profile, QStringLiteral("profileComboBox"), tr("Profile the endpoint signs with"));
    m_error->setObjectName(QStringLiteral("endpointErrorLabel"));
    // The line stays reserved while empty, so the buttons above it do not move when a message comes or goes.
    QSizePolicy keep = m_error->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_error->setSizePolicy(keep);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* form = new QFormLayout;
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("Pr&ofile:"), m_profile);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_error);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showCurrent();
        Q_EMIT currentChanged(currentIndex());
    });
    connect(m_add, &QPushButton::clicked, this, &EndpointEditor::addEndpoint);
    connect(m_remove, &QPushButton::clicked, this, &EndpointEditor::removeEndpoint);
    connect(m_path, &QLineEdit::textEdited, this, &EndpointEditor::editPath);
    connect(m_type, &QComboBox::activated, this, &EndpointEditor::editType);
    connect(m_profile, &QComboBox::activated, this, &EndpointEditor::editProfile);
    connect(&m_document, &ConfigDocument::endpointsChanged, this, &EndpointEditor::rebuildTable);
    connect(&m_document, &ConfigDocument::wasReset, this, [this] {
        rebuildTable();
        setCurrentIndex(m_document.endpointCount() > 0 ? 0 : -1);
    });
    connect(&m_profiles, &ProfileService::profilesChanged, this, [this] {
        rebuildTable();
        showCurrent();
    });

    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_path);
    setTabOrder(m_path, m_type);
    setTabOrder(m_type, m_profile);
    rebuildTable();
    setCurrentIndex(m_document.endpointCount() > 0 ? 0 : -1);
}

QString EndpointEditor::typeLabel(const server::EndpointKind& type)
{
    return QCoreApplication::translate("td::Provider", type.title());
}

int EndpointEditor::currentIndex() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void EndpointEditor::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_table->rowCount())
        m_table->clearSelection();
    else
        m_table->selectRow(index);
    showCurrent();
    Q_EMIT currentChanged(currentIndex());
}

void EndpointEditor::showError(int index, const QString& message)
{
    m_errorIndex = message.isEmpty() ? -1 : index;
    m_errorMessage = message;
    // An empty list is where every config starts, not a mistake: it gets a pointer to the button, not red.
    if (!message.isEmpty() && m_document.endpointCount() == 0)
        m_error->showNote(tr("No endpoint yet: Add endpoint makes one."));
    else
        m_error->showError(message);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* item = m_table->item(row, 0);
        const bool marked = row == m_errorIndex;
        item->setIcon(marked ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
        item->setToolTip(marked ? message : QString());
    }
}

QString EndpointEditor::credentialsText(const QJsonObject& endpoint) const
{
    if (!typeOf(endpoint).mintsTokens())
        return tr("nothing (no token)");
    if (endpoint.value(kCredentials).toString() == kEnv)
        return tr("environment variables");
    return endpoint.value(kProfile).toString();
}

void EndpointEditor::rebuildTable()
{
    const int keep = currentIndex();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(static_cast<int>(m_document.endpointCount()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QJsonObject e = m_document.endpoint(row);
        const server::EndpointKind& type = typeOf(e);
        auto* path = new QTableWidgetItem(e.value(QStringLiteral("path")).toString());
        auto* kind = new QTableWidgetItem(e.value(QStringLiteral("type")).toString());
        kind->setToolTip(typeLabel(type));
        auto* creds = new QTableWidgetItem(credentialsText(e));
        if (const auto profile = m_profiles.find(e.value(kProfile).toString()))
            creds->setIcon(providerIcon(profile->provider));
        m_table->setItem(row, 0, path);
        m_table->setItem(row, 1, kind);
        m_table->setItem(row, 2, creds);
    }
    if (keep >= 0 && keep < m_table->rowCount())
        m_table->selectRow(keep);
    showError(m_errorIndex, m_errorMessage);
}

void EndpointEditor::showCurrent()
{
    const int index = currentIndex();
    const bool has = index >= 0;
    m_remove->setEnabled(has);
    m_path->setEnabled(has);
    m_type->setEnabled(has);
    m_updating = true;
    if (!has) {
        m_path->clear();
        m_profile->clear();
        m_profile->setEnabled(false);
    } else {
        const QJsonObject e = m_document.endpoint(index);
        if (m_path->text() != e.value(QStringLiteral("path")).toString())
            m_path->setText(e.value(QStringLiteral("path")).toString());
        m_type->setCurrentIndex(m_type->findData(e.value(QStringLiteral("type")).toString()));
        fillProfiles(typeOf(e), e);
    }
    m_updating = false;
}

void EndpointEditor::fillProfiles(const server::EndpointKind& type, const QJsonObject& endpoint)
{
    m_profile->clear();
    if (!type.mintsTokens()) {
        m_profile->addItem(tr("No credentials needed"));
        m_profile->setItemData(0, QStringLiteral("none"), kSourceRole);
        m_profile->setEnabled(false);
        return;
    }
    m_profile->setEnabled(true);
    for (const credentials::Profile& p : m_profiles.profiles()) {
        if (!type.canServe(p.provider))
            continue;
        m_profile->addItem(providerIcon(p.provider), tr("%1 (%2)").arg(p.name, p.environment), p.name);
        m_profile->setItemData(m_profile->count() - 1, kProfile, kSourceRole);
    }
    m_profile->addItem(tr("Environment variables (credentials: env)"), QString());
    m_profile->setItemData(m_profile->count() - 1, kEnv, kSourceRole);

    const QString chosen = endpoint.value(kProfile).toString();
    if (endpoint.value(kCredentials).toString() == kEnv) {
        m_profile->setCurrentIndex(m_profile->count() - 1);
    } else if (const int at = m_profile->findData(chosen, kProfileRole); at >= 0 && !chosen.isEmpty()) {
        m_profile->setCurrentIndex(at);
    } else {
        // A profile that is gone or of another provider stays visible, so the config error beside it makes sense.
        m_profile->insertItem(0, chosen.isEmpty() ? tr("(choose a profile)") : tr("%1 (not usable here)").arg(chosen),
                              chosen);
        m_profile->setItemData(0, kProfile, kSourceRole);
        m_profile->setCurrentIndex(0);
    }
}

QString EndpointEditor::firstProfileFor(const server::EndpointKind& type) const
{
    for (const credentials::Profile& p : m_profiles.profiles()) {
        if (type.canServe(p.provider))
            return p.name;
    }
    return {};
}

void EndpointEditor::addEndpoint()
{
    QString path = QStringLiteral("/getToken");
    QStringList taken;
    for (qsizetype i = 0; i < m_document.endpointCount(); ++i)
        taken << m_document.endpoint(i).value(QStringLiteral("path")).toString();
    for (int n = 2; taken.contains(path); ++n)
        path = QStringLiteral("/getToken%1").arg(n);
    const server::EndpointKind* type = server::endpointTypes().constFirst();
    QJsonObject e{{QStringLiteral("path"), path}, {QStringLiteral("type"), type->name()}};
    const QString profile = firstProfileFor(*type);
    if (profile.isEmpty())
        e.insert(kCredentials, kEnv);
    else
        e.insert(kProfile, profile);
    const qsizetype index = m_document.addEndpoint(e);
    setCurrentIndex(static_cast<int>(index));
    m_path->setFocus();
    m_path->selectAll();
}

void EndpointEditor::removeEndpoint()
{
    const int index = currentIndex();
    if (index < 0)
        return;
    const QString path = m_document.endpoint(index).value(QStringLiteral("path")).toString();
    if (!m_dialogs.confirm(this, tr("Remove endpoint"),
                           tr("Remove the endpoint %1 and its policy from the server config?").arg(path)))
        return;
    m_document.removeEndpoint(index);
    setCurrentIndex(std::min(index, m_table->rowCount() - 1));
}

void EndpointEditor::editPath(const QString& path)
{
    const int index = currentIndex();
    if (m_updating || index < 0)
        return;
    QJsonObject e = m_document.endpoint(index);
    e.insert(QStringLiteral("path"), path.trimmed());
    m_document.setEndpoint(index, e);
}

void EndpointEditor::editType(int comboIndex)
{
    const int index = currentIndex();
    if (m_updating || index < 0 || comboIndex < 0)
        return;
    const server::EndpointKind* type = server::parseEndpointType(m_type->itemData(comboIndex).toString());
    if (!type)
        return;
    QJsonObject e = m_document.endpoint(index);
    e.insert(QStringLiteral("type"), type->name());
    if (!type->mintsTokens()) {
        e.remove(kProfile);
        e.remove(kCredentials);
        e.remove(QStringLiteral("policy"));
    } else {
        const auto current = m_profiles.find(e.value(kProfile).toString());
        // A new type keeps a profile that can serve it; otherwise it takes the first profile that can, falling back
        // to the environment only when there is none (stepping through the types must not leave it stuck on env).
        const QString profile = firstProfileFor(*type);
        const bool keepEnv = e.value(kCredentials).toString() == kEnv && profile.isEmpty();
        if (!keepEnv && !(current && type->canServe(current->provider))) {
            e.remove(kProfile);
            e.remove(kCredentials);
            if (profile.isEmpty())
                e.insert(kCredentials, kEnv);
            else
                e.insert(kProfile, profile);
        }
        const QJsonObject policy = policyForType(e.value(QStringLiteral("policy")).toObject(), *type);
        if (policy.isEmpty())
            e.remove(QStringLiteral("policy"));
        else
            e.insert(QStringLiteral("policy"), policy);
    }
    m_document.setEndpoint(index, e);
    setCurrentIndex(index);
}

void EndpointEditor::editProfile(int comboIndex)
{
    const int index = currentIndex();
    if (m_updating || index < 0 || comboIndex < 0)
        return;
    QJsonObject e = m_document.endpoint(index);
    const QString source = m_profile->itemData(comboIndex, kSourceRole).toString();
    if (source == QStringLiteral("none"))
        return;
    e.remove(kProfile);
    e.remove(kCredentials);
    if (source == kEnv)
        e.insert(kCredentials, kEnv);
    else
        e.insert(kProfile, m_profile->itemData(comboIndex, kProfileRole).toString());
    m_document.setEndpoint(index, e);
    showCurrent();
}

} // namespace td::ui
