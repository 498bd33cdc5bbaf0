// SPDX-License-Identifier: MIT
#include "ui/server/PolicyEditor.h"

#include "core/server/ServerConfig.h"
#include "ui/common/Widgets.h"
#include "ui/server/ConfigDocument.h"
#include "ui/common/ErrorLabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace td::ui {
namespace {

constexpr int kDefaultMaxLength = 128;

/** "90" is seconds (a JSON number, as the config allows); anything else is a duration string such as "1h". */
QJsonValue durationValue(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    bool number = false;
    const qint64 seconds = t.toLongLong(&number);
    return number ? QJsonValue(seconds) : QJsonValue(t);
}

QString durationText(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(static_cast<qint64>(value.toDouble())) : value.toString();
}

void setOrRemove(QJsonObject& o, const QString& key, const QJsonValue& value)
{
    if (value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        o.remove(key);
    else
        o.insert(key, value);
}

QListWidget* checkList(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* list = new QListWidget(parent);
    name(list, objectName, accessibleName);
    list->setMinimumHeight(90);
    return list;
}

} // namespace

PolicyEditor::PolicyEditor(ConfigDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document), m_heading(new QLabel(this)),
      m_fieldsBox(new QGroupBox(tr("Request fields"), this)),
      m_contractFields(new QCheckBox(tr("Only the &contract's own fields"), this)),
      m_fields(checkList(this, QStringLiteral("allowedFieldsListWidget"), tr("Request fields a client may send"))),
      m_room(new QLineEdit(this)), m_identity(new QLineEdit(this)), m_maxRoomLength(new QSpinBox(this)),
      m_maxIdentityLength(new QSpinBox(this)), m_maxTtl(new QLineEdit(this)), m_defaultTtl(new QLineEdit(this)),
      m_grantsBox(new QGroupBox(tr("LiveKit grants every token gets"), this)),
      m_grants(checkList(this, QStringLiteral("grantsListWidget"), tr("Fixed LiveKit grants"))),
      m_featuresBox(new QGroupBox(tr("Jitsi features every token gets"), this)),
      m_features(checkList(this, QStringLiteral("featuresListWidget"), tr("Fixed Jitsi features"))),
      m_allowBox(new QGroupBox(tr("A client may ask for"), this)),
      m_allowModerator(new QCheckBox(tr("&Moderator"), this)), m_allowRoomAdmin(new QCheckBox(tr("Room adm&in"), this)),
      m_allowHidden(new QCheckBox(tr("Hidd&en participant"), this)),
      m_allowRecorder(new QCheckBox(tr("Recor&der"), this)),
      m_allowAdmin(new QCheckBox(tr("Ser&ver admin grants (create, list, record, ingress, agent)"), this)),
      m_allowAnyRoom(new QCheckBox(tr("A token &valid for any room (room \"*\")"), this)),
      m_rolesBox(new QGroupBox(tr("Roles a client may ask for"), this)), m_roles(new QLineEdit(this)),
      m_error(new ErrorLabel(this)), m_body(new QWidget(this))
{
    m_heading->setObjectName(QStringLiteral("policyHeadingLabel"));
    m_heading->setWordWrap(true);
    name(m_contractFields, QStringLiteral("contractFieldsCheckBox"), tr("Only the contract's own request fields"));
    name(m_room, QStringLiteral("roomPatternLineEdit"), tr("Room pattern"));
    m_room->setPlaceholderText(tr("any room, e.g. demo-[a-z0-9-]+"));
    name(m_identity, QStringLiteral("identityPatternLineEdit"), tr("Identity pattern"));
    m_identity->setPlaceholderText(tr("any identity"));
    for (QSpinBox* box : {m_maxRoomLength, m_maxIdentityLength}) {
        box->setRange(1, 1024);
        box->setValue(kDefaultMaxLength);
    }
    name(m_maxRoomLength, QStringLiteral("maxRoomLengthSpinBox"), tr("Longest room name"));
    name(m_maxIdentityLength, QStringLiteral("maxIdentityLengthSpinBox"), tr("Longest identity"));
    name(m_maxTtl, QStringLiteral("maxTtlLineEdit"), tr("Longest token lifetime"));
    m_maxTtl->setPlaceholderText(tr("1h (the default)"));
    name(m_defaultTtl, QStringLiteral("defaultTtlLineEdit"), tr("Token lifetime when the client asks for none"));
    m_defaultTtl->setPlaceholderText(tr("the longest allowed"));
    name(m_allowModerator, QStringLiteral("allowModeratorCheckBox"), tr("A client may ask for moderator"));
    name(m_allowRoomAdmin, QStringLiteral("allowRoomAdminCheckBox"), tr("A client may ask for room admin"));
    name(m_allowHidden, QStringLiteral("allowHiddenCheckBox"), tr("A client may ask to be hidden"));
    name(m_allowRecorder, QStringLiteral("allowRecorderCheckBox"), tr("A client may ask for recorder"));
    name(m_allowAdmin, QStringLiteral("allowAdminCheckBox"), tr("A client may ask for server admin grants"));
    name(m_allowAnyRoom, QStringLiteral("allowAnyRoomCheckBox"), tr("A client may ask for a token valid for any room"));
    m_allowAnyRoom->setToolTip(tr("Off: a request for room \"*\" (in any spelling) is refused with 403. On: the token "
                                  "admits its holder to every room of the deployment."));
    name(m_roles, QStringLiteral("rolesLineEdit"), tr("Roles a client may ask for"));
    m_roles->setPlaceholderText(tr("none; separate roles with commas, e.g. guest, host"));
    m_roles->setToolTip(tr("roles: the role values a request may carry. Any other role gets 403; with none listed, "
                           "a request that names a role is refused."));
    m_error->setObjectName(QStringLiteral("policyErrorLabel"));
    m_grants->setToolTip(tr("Click to cycle: always off, client's choice, always on"));
    m_features->setToolTip(m_grants->toolTip());

    auto* fields = new QVBoxLayout(m_fieldsBox);
    fields->addWidget(m_contractFields);
    fields->addWidget(m_fields);
    auto* limits = new QFormLayout;
    limits->addRow(tr("&Room pattern:"), m_room);
    limits->addRow(tr("Identity patter&n:"), m_identity);
    limits->addRow(tr("Longest room name:"), m_maxRoomLength);
    limits->addRow(tr("Longest identit&y:"), m_maxIdentityLength);
    limits->addRow(tr("Max TT&L:"), m_maxTtl);
    limits->addRow(tr("Default TTL:"), m_defaultTtl);
    (new QVBoxLayout(m_grantsBox))->addWidget(m_grants);
    (new QVBoxLayout(m_featuresBox))->addWidget(m_features);
    auto* allow = new QVBoxLayout(m_allowBox);
    for (QCheckBox* box :
         {m_allowModerator, m_allowAnyRoom, m_allowRoomAdmin, m_allowHidden, m_allowRecorder, m_allowAdmin})
        allow->addWidget(box);
    (new QVBoxLayout(m_rolesBox))->addWidget(m_roles);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addLayout(limits);
    body->addWidget(m_rolesBox);
    body->addWidget(m_fieldsBox);
    body->addWidget(m_grantsBox);
    body->addWidget(m_featuresBox);
    body->addWidget(m_allowBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_error);
    layout->addWidget(m_body);
    layout->addStretch();

    const auto changed = [this] { store(); };
    connect(m_contractFields, &QCheckBox::toggled, this, [this] {
        m_fields->setEnabled(!m_contractFields->isChecked());
        store();
    });
    connect(m_fields, &QListWidget::itemChanged, this, changed);
    for (QLineEdit* edit : {m_room, m_identity, m_maxTtl, m_defaultTtl, m_roles})
        connect(edit, &QLineEdit::textEdited, this, changed);
    for (QSpinBox* box : {m_maxRoomLength, m_maxIdentityLength})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QListWidget* list : {m_grants, m_features}) {
        connect(list, &QListWidget::itemChanged, this, [this, list](QListWidgetItem* item) {
            {
                const QSignalBlocker blocker(list);
                describe(item);
            }
            store();
        });
    }
    for (QCheckBox* box :
         {m_allowModerator, m_allowAnyRoom, m_allowRoomAdmin, m_allowHidden, m_allowRecorder, m_allowAdmin})
        connect(box, &QCheckBox::toggled, this, changed);

    setTabOrder(m_room, m_identity);
    setTabOrder(m_identity, m_maxRoomLength);
    setTabOrder(m_maxRoomLength, m_maxIdentityLength);
    setTabOrder(m_maxIdentityLength, m_maxTtl);
    setTabOrder(m_maxTtl, m_defaultTtl);
    setTabOrder(m_defaultTtl, m_roles);
    setTabOrder(m_roles, m_contractFields);
    setTabOrder(m_contractFields, m_fields);
    setTabOrder(m_fields, m_grants);
    setTabOrder(m_grants, m_features);
    setTabOrder(m_features, m_allowModerator);
    setTabOrder(m_allowModerator, m_allowAnyRoom);
    setTabOrder(m_allowAnyRoom, m_allowRoomAdmin);
    setTabOrder(m_allowRoomAdmin, m_allowHidden);
    setTabOrder(m_allowHidden, m_allowRecorder);
    setTabOrder(m_allowRecorder, m_allowAdmin);
    connect(&m_document, &ConfigDocument::wasReset, this, &PolicyEditor::load);
    load();
}

void PolicyEditor::setEndpoint(int index)
{
    m_index = index;
    load();
}

void PolicyEditor::showError(const QString& message)
{
    m_error->showError(message);
}

void PolicyEditor::describe(QListWidgetItem* item)
{
    const QString key = item->data(Qt::UserRole).toString();
    switch (item->checkState()) {
    case Qt::Checked: item->setText(tr("%1: always on").arg(key)); break;
    case Qt::Unchecked: item->setText(tr("%1: always off").arg(key)); break;
    case Qt::PartiallyChecked: item->setText(tr("%1: the client's choice").arg(key)); break;
    }
}

void PolicyEditor::fillTriState(QListWidget* list, const QStringList& names, const QJsonObject& fixed)
{
    const QSignalBlocker blocker(list);
    list->clear();
    for (const QString& key : names) {
        auto* item = new QListWidgetItem(list);
        item->setData(Qt::UserRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsUserTristate);
        const QJsonValue v = fixed.value(key);
        item->setCheckState(v.isBool() ? (v.toBool() ? Qt::Checked : Qt::Unchecked) : Qt::PartiallyChecked);
        describe(item);
    }
}

QJsonObject PolicyEditor::triStateValues(const QListWidget* list)
{
    QJsonObject out;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        if (item->checkState() != Qt::PartiallyChecked)
            out.insert(item->data(Qt::UserRole).toString(), item->checkState() == Qt::Checked);
    }
    return out;
}

void PolicyEditor::load()
{
    m_loading = true;
    const bool has = m_index >= 0 && m_index < m_document.endpointCount();
    const QJsonObject endpoint = has ? m_document.endpoint(m_index) : QJsonObject();
    const server::EndpointKind* type = server::parseEndpointType(endpoint.value(QStringLiteral("type")).toString());
    const bool editable = has && type && type->mintsTokens();
    m_body->setVisible(editable);
    if (!has)
        m_heading->setText(tr("Select an endpoint to edit its policy."));
    else if (!editable)
        m_heading->setText(
            tr("%1 mints no token and has no policy.").arg(endpoint.value(QStringLiteral("path")).toString()));
    else
        m_heading->setText(tr("Policy of %1").arg(endpoint.value(QStringLiteral("path")).toString()));
    if (!editable) {
        m_error->clear();
        m_loading = false;
        return;
    }
    const QJsonObject policy = endpoint.value(QStringLiteral("policy")).toObject();
    const bool contract = !policy.contains(QStringLiteral("allowFields"));
    QStringList allowed = type->contractFields();
    if (!contract) {
        allowed.clear();
        for (const QJsonValue& v : policy.value(QStringLiteral("allowFields")).toArray())
            allowed << v.toString();
    }
    {
        const QSignalBlocker blocker(m_fields);
        m_fields->clear();
        for (const QString& field : type->requestFields()) {
            auto* item = new QListWidgetItem(field, m_fields);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(allowed.contains(field) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_contractFields->setChecked(contract);
    m_fields->setEnabled(!contract);
    m_room->setText(policy.value(QStringLiteral("room")).toString());
    m_identity->setText(policy.value(QStringLiteral("identity")).toString());
    m_maxRoomLength->setValue(policy.value(QStringLiteral("maxRoomLength")).toInt(kDefaultMaxLength));
    m_maxIdentityLength->setValue(policy.value(QStringLiteral("maxIdentityLength")).toInt(kDefaultMaxLength));
    m_maxTtl->setText(durationText(policy.value(QStringLiteral("maxTtl"))));
    m_defaultTtl->setText(durationText(policy.value(QStringLiteral("defaultTtl"))));
    // What the type reads of a policy decides what shows: LiveKit's grants, Jitsi's features, their permissions.
    const QStringList members = type->policyFields();
    const bool grants = type->fixedClaimsField() == QStringLiteral("grants");
    const bool features = type->fixedClaimsField() == QStringLiteral("features");
    m_grantsBox->setVisible(grants);
    m_featuresBox->setVisible(features);
    fillTriState(m_grants, grants ? type->fixedClaimNames() : QStringList(),
                 policy.value(QStringLiteral("grants")).toObject());
    fillTriState(m_features, features ? type->fixedClaimNames() : QStringList(),
                 policy.value(QStringLiteral("features")).toObject());
    bool anyAllow = false;
    for (QCheckBox* box :
         {m_allowModerator, m_allowAnyRoom, m_allowRoomAdmin, m_allowHidden, m_allowRecorder, m_allowAdmin}) {
        // "allowModeratorCheckBox" edits the policy member allowModerator.
        const bool shown = members.contains(box->objectName().chopped(int(qstrlen("CheckBox"))));
        box->setVisible(shown);
        anyAllow = anyAllow || shown;
    }
    m_allowBox->setVisible(anyAllow);
    m_rolesBox->setVisible(members.contains(QStringLiteral("roles")));
    QStringList roles;
    for (const QJsonValue& v : policy.value(QStringLiteral("roles")).toArray())
        roles << v.toString();
    m_roles->setText(roles.join(QStringLiteral(", ")));
    m_allowModerator->setChecked(policy.value(QStringLiteral("allowModerator")).toBool());
    m_allowAnyRoom->setChecked(policy.value(QStringLiteral("allowAnyRoom")).toBool());
    m_allowRoomAdmin->setChecked(policy.value(QStringLiteral("allowRoomAdmin")).toBool());
    m_allowHidden->setChecked(policy.value(QStringLiteral("allowHidden")).toBool());
    m_allowRecorder->setChecked(policy.value(QStringLiteral("allowRecorder")).toBool());
    m_allowAdmin->setChecked(policy.value(QStringLiteral("allowAdmin")).toBool());
    m_loading = false;
}

void PolicyEditor::store()
{
    if (m_loading || m_index < 0 || m_index >= m_document.endpointCount())
        return;
    QJsonObject policy = m_document.policy(m_index);
    if (m_contractFields->isChecked()) {
        policy.remove(QStringLiteral("allowFields"));
    } else {
        QJsonArray fields;
        for (int i = 0; i < m_fields->count(); ++i) {
            if (m_fields->item(i)->checkState() == Qt::Checked)
                fields.append(m_fields->item(i)->text());
        }
        policy.insert(QStringLiteral("allowFields"), fields);
    }
    setOrRemove(policy, QStringLiteral("room"), m_room->text().trimmed());
    setOrRemove(policy, QStringLiteral("identity"), m_identity->text().trimmed());
    for (auto [key, box] : {std::pair{QStringLiteral("maxRoomLength"), m_maxRoomLength},
                            std::pair{QStringLiteral("maxIdentityLength"), m_maxIdentityLength}}) {
        setOrRemove(policy, key,
                    box->value() == kDefaultMaxLength ? QJsonValue(QJsonValue::Undefined) : QJsonValue(box->value()));
    }
    setOrRemove(policy, QStringLiteral("maxTtl"), durationValue(m_maxTtl->text()));
    setOrRemove(policy, QStringLiteral("defaultTtl"), durationValue(m_defaultTtl->text()));
    if (m_grantsBox->isVisibleTo(this)) {
        const QJsonObject grants = triStateValues(m_grants);
        setOrRemove(policy, QStringLiteral("grants"),
                    grants.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(grants));
    }
    if (m_featuresBox->isVisibleTo(this)) {
        const QJsonObject features = triStateValues(m_features);
        setOrRemove(policy, QStringLiteral("features"),
                    features.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(features));
    }
    if (m_rolesBox->isVisibleTo(this)) {
        QJsonArray roles;
        for (const QString& role : m_roles->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!role.trimmed().isEmpty())
                roles.append(role.trimmed());
        }
        setOrRemove(policy, QStringLiteral("roles"), roles.isEmpty() ? QJsonValue(QJsonValue::Undefined) : roles);
    }
    for (auto [key, box] : {std::pair{QStringLiteral("allowModerator"), m_allowModerator},
                            std::pair{QStringLiteral("allowAnyRoom"), m_allowAnyRoom},
                            std::pair{QStringLiteral("allowRoomAdmin"), m_allowRoomAdmin},
                            std::pair{QStringLiteral("allowHidden"), m_allowHidden},
                            std::pair{QStringLiteral("allowRecorder"), m_allowRecorder},
                            std::pair{QStringLiteral("allowAdmin"), m_allowAdmin}}) {
        if (box->isVisibleTo(this))
            setOrRemove(policy, key, box->isChecked() ? QJsonValue(true) : QJsonValue(QJsonValue::Undefined));
    }
    m_document.setPolicy(m_index, policy);
}

} // namespace td::ui
