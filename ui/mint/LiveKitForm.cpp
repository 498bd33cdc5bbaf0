// SPDX-License-Identifier: MIT
#include "ui/mint/LiveKitForm.h"

#include "core/json/OrderedJson.h"
#include "core/providers/livekit/LiveKitModule.h"
#include "core/providers/livekit/LiveKitPresets.h"
#include "core/mint/MintPlan.h"
#include "ui/common/Section.h"
#include "ui/common/Widgets.h"
#include "ui/mint/JsonEditor.h"
#include "ui/mint/LiveKitGrantsBox.h"
#include "ui/mint/RoomConfigBox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace td::ui {
namespace {

// Top-level claims the widgets show (readClaims reads "jti" as the identity of old Node tokens).
const QStringList& shownClaims()
{
    static const QStringList keys{
        QStringLiteral("sub"),        QStringLiteral("jti"),           QStringLiteral("name"),
        QStringLiteral("video"),      QStringLiteral("sip"),           QStringLiteral("agent"),
        QStringLiteral("inference"),  QStringLiteral("observability"), QStringLiteral("roomConfig"),
        QStringLiteral("roomPreset"), QStringLiteral("metadata"),      QStringLiteral("attributes"),
        QStringLiteral("kind"),
    };
    return keys;
}

// What the minter sets itself; a payload pasted from a decoded token carries them, a plan does not.
const QStringList& minterClaims()
{
    static const QStringList keys{QStringLiteral("iss"), QStringLiteral("exp"), QStringLiteral("nbf"),
                                  QStringLiteral("iat"), QStringLiteral("identity")};
    return keys;
}

// Findings that mean a value would be lost or changed on the way into the widgets.
const QStringList& unshowableFindings()
{
    static const QStringList codes{QStringLiteral("wrong-claim-type"),
                                   QStringLiteral("wrong-grant-type"),
                                   QStringLiteral("attribute-not-string"),
                                   QStringLiteral("unknown-grant-key"),
                                   QStringLiteral("unknown-publish-source"),
                                   QStringLiteral("unknown-kind"),
                                   QStringLiteral("room-config"),
                                   QStringLiteral("legacy-room-configuration")};
    return codes;
}

enum AttributeColumn { KeyColumn, ValueColumn };

} // namespace

LiveKitForm::LiveKitForm(QWidget* parent)
    : ProviderForm(parent), m_identity(new QLineEdit(this)), m_randomIdentity(new QPushButton(tr("Random"), this)),
      m_name(new QLineEdit(this)), m_room(new QLineEdit(this)), m_preset(new QComboBox(this)),
      m_roleSummary(new QLabel(this)), m_kind(new QComboBox(this)),
      m_metadata(
          new JsonEditor(JsonEditor::Kind::AnyText, QStringLiteral("metadata"), tr("Participant metadata"), this)),
      m_attributes(new QTableWidget(0, 2, this)), m_addAttribute(new QPushButton(tr("Add attribute"), this)),
      m_removeAttribute(new QPushButton(tr("Remove attribute"), this)), m_grants(new LiveKitGrantsBox(this)),
      m_roomPreset(new QLineEdit(this)), m_roomConfig(new RoomConfigBox(this)), m_extrasLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("liveKitForm"));
    name(m_extrasLabel, QStringLiteral("extraClaimsLabel"), tr("Claims kept from the JSON"));
    m_extrasLabel->setWordWrap(true);
    m_extrasLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildParticipantBox());
    layout->addWidget(buildGrantsBox());
    m_grantDetails = new Section(tr("Grants in detail"), m_grants, false, this);
    m_grantDetails->setObjectName(QStringLiteral("grantDetailsSection"));
    layout->addWidget(m_grantDetails);
    m_roomConfigSection =
        new Section(tr("Room configuration (when this token creates the room)"), buildRoomConfigBox(), false, this);
    m_roomConfigSection->setObjectName(QStringLiteral("roomConfigSection"));
    layout->addWidget(m_roomConfigSection);
    layout->addWidget(m_extrasLabel);
    layout->addStretch(1);

    for (QLineEdit* edit : {m_identity, m_name, m_room, m_roomPreset})
        connect(edit, &QLineEdit::textChanged, this, &LiveKitForm::edited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showRole();
        edited();
    });
    connect(m_metadata, &JsonEditor::changed, this, &LiveKitForm::edited);
    connect(m_attributes, &QTableWidget::itemChanged, this, &LiveKitForm::edited);
    connect(m_grants, &LiveKitGrantsBox::changed, this, [this] {
        showRole();
        edited();
    });
    connect(m_grants, &LiveKitGrantsBox::videoGrantToggled, m_room, &QLineEdit::setEnabled);
    connect(m_roomConfig, &RoomConfigBox::changed, this, &LiveKitForm::edited);
    connect(m_randomIdentity, &QPushButton::clicked, this, [this] {
        // The shape `lk token create` generates: participant-<12 hex digits>.
        const quint64 bits = QRandomGenerator::global()->generate64() & 0xffffffffffffULL;
        m_identity->setText(QStringLiteral("participant-%1").arg(bits, 12, 16, QLatin1Char('0')));
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, &LiveKitForm::applyPreset);
    connect(m_addAttribute, &QPushButton::clicked, this, [this] {
        addAttributeRow({}, {});
        const int row = m_attributes->rowCount() - 1;
        m_attributes->setCurrentCell(row, KeyColumn);
        m_attributes->editItem(m_attributes->item(row, KeyColumn));
    });
    connect(m_removeAttribute, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() < 0)
            return;
        m_attributes->removeRow(m_attributes->currentRow());
        edited();
    });
    connect(m_attributes, &QTableWidget::currentCellChanged, this,
            [this] { m_removeAttribute->setEnabled(m_attributes->currentRow() >= 0); });
    m_removeAttribute->setEnabled(false);
    showRole();
}

QWidget* LiveKitForm::buildParticipantBox()
{
    auto* box = new QGroupBox(tr("Participant"), this);
    name(m_identity, QStringLiteral("identityLineEdit"), tr("Identity"));
    m_identity->setPlaceholderText(tr("required to join, unique in the room (e.g. alice)"));
    name(m_randomIdentity, QStringLiteral("randomIdentityPushButton"), tr("Random identity"));
    m_randomIdentity->setToolTip(tr("Generate an identity like participant-1a2b3c4d5e6f"));
    name(m_name, QStringLiteral("nameLineEdit"), tr("Display name"));
    m_name->setPlaceholderText(tr("optional: shown to other participants"));
    name(m_kind, QStringLiteral("kindComboBox"), tr("Participant kind"));
    m_kind->addItem(tr("not set (standard)"), QString());
    for (const QString& kind : livekit::participantKinds())
        m_kind->addItem(kind, kind);
    name(m_attributes, QStringLiteral("attributesTableWidget"), tr("Participant attributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    m_attributes->setMinimumHeight(80);
    m_attributes->setMaximumHeight(160);
    name(m_addAttribute, QStringLiteral("addAttributePushButton"), tr("Add an attribute"));
    name(m_removeAttribute, QStringLiteral("removeAttributePushButton"), tr("Remove the selected attribute"));

    auto* identityRow = new QHBoxLayout;
    identityRow->addWidget(m_identity, 1);
    identityRow->addWidget(m_randomIdentity);
    auto* attributeButtons = new QHBoxLayout;
    attributeButtons->addWidget(m_addAttribute);
    attributeButtons->addWidget(m_removeAttribute);
    attributeButtons->addStretch(1);
    auto* attributes = new QVBoxLayout;
    attributes->addWidget(m_attributes);
    attributes->addLayout(attributeButtons);

    auto* more = new QWidget(this);
    auto* moreForm = new QFormLayout(more);
    moreForm->setContentsMargins(0, 0, 0, 0);
    moreForm->addRow(tr("&Kind:"), m_kind);
    moreForm->addRow(tr("Met&adata:"), m_metadata);
    qobject_cast<QLabel*>(moreForm->labelForField(m_metadata))->setBuddy(m_metadata->textEdit());
    moreForm->addRow(tr("Attrib&utes:"), attributes);
    qobject_cast<QLabel*>(moreForm->labelForField(attributes))->setBuddy(m_attributes);
    m_moreParticipant = new Section(tr("Kind, metadata and attributes"), more, false, box);
    m_moreParticipant->setObjectName(QStringLiteral("moreParticipantSection"));

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Identity:"), identityRow);
    qobject_cast<QLabel*>(form->labelForField(identityRow))->setBuddy(m_identity);
    form->addRow(tr("Display &name:"), m_name);
    form->addRow(m_moreParticipant);
    return box;
}

QWidget* LiveKitForm::buildGrantsBox()
{
    auto* box = new QGroupBox(tr("Room and role"), this);
    name(m_room, QStringLiteral("roomLineEdit"), tr("Room"));
    m_room->setPlaceholderText(tr("the room this token joins or moderates"));
    name(m_preset, QStringLiteral("presetComboBox"), tr("Role preset"));
    const QHash<QString, QString> descriptions{
        {QStringLiteral("viewer"), tr("Viewer: watches and chats, does not publish")},
        {QStringLiteral("speaker"), tr("Speaker: publishes camera, microphone and screen")},
        {QStringLiteral("moderator"), tr("Moderator: publishes and moderates the room")},
        {QStringLiteral("recorder"), tr("Recorder: hidden, subscribes only")},
        {QStringLiteral("agent"), tr("Agent: an AI participant (kind agent)")},
    };
    for (const QString& preset : livekit::presetNames())
        m_preset->addItem(descriptions.value(preset, preset), preset);
    m_preset->insertItem(0, tr("Custom: as set in the grants below"), QString());
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setMinimumContentsLength(16);
    m_preset->setToolTip(tr("Choosing a role replaces the video grant with the role's (the room stays)"));
    name(m_roleSummary, QStringLiteral("roleSummaryLabel"), tr("What the token grants"));
    m_roleSummary->setWordWrap(true);

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Room:"), m_room);
    form->addRow(tr("Rol&e:"), m_preset);
    form->addRow(QString(), m_roleSummary);
    return box;
}

QWidget* LiveKitForm::buildRoomConfigBox()
{
    auto* box = new QWidget(this);
    name(m_roomPreset, QStringLiteral("roomPresetLineEdit"), tr("Room preset"));
    m_roomPreset->setPlaceholderText(tr("optional: a LiveKit Cloud room preset; roomConfig overrides it"));
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Cloud room preset:"), m_roomPreset);
    form->addRow(tr("roomConfig:"), m_roomConfig);
    qobject_cast<QLabel*>(form->labelForField(m_roomConfig))
        ->setBuddy(m_roomConfig->findChild<QWidget*>(QStringLiteral("roomConfigPlainTextEdit")));
    return box;
}

void LiveKitForm::edited()
{
    if (!m_showing)
        Q_EMIT changed();
}

void LiveKitForm::addAttributeRow(const QString& key, const QString& value)
{
    const bool wasShowing = m_showing;
    m_showing = true;
    const int row = m_attributes->rowCount();
    m_attributes->insertRow(row);
    m_attributes->setItem(row, KeyColumn, new QTableWidgetItem(key));
    m_attributes->setItem(row, ValueColumn, new QTableWidgetItem(value));
    m_showing = wasShowing;
}

livekit::LiveKitClaims LiveKitForm::currentClaims() const
{
    livekit::LiveKitClaims c;
    c.identity = m_identity->text().trimmed();
    c.name = m_name->text().trimmed();
    c.kind = m_kind->currentData().toString();
    m_grants->fill(c);
    if (c.video)
        c.video->room = m_room->text().trimmed();
    c.roomPreset = m_roomPreset->text().trimmed();
    c.roomConfig = m_roomConfig->roomConfig();
    c.metadata = m_metadata->text();
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QTableWidgetItem* key = m_attributes->item(row, KeyColumn);
        const QTableWidgetItem* value = m_attributes->item(row, ValueColumn);
        if (key && !key->text().trimmed().isEmpty())
            c.attributes.append({key->text().trimmed(), value ? value->text() : QString()});
    }
    return c;
}

QJsonObject LiveKitForm::claims() const
{
    livekit::LiveKitClaims c = currentClaims();
    const QString identity = c.identity;
    c.identity.clear(); // the plan names the identity "sub"; the minter adds "identity" itself
    OrderedJson payload = OrderedJson::object();
    c.appendTo(payload);
    QJsonObject out = payload.toJsonValue().toObject();
    if (!identity.isEmpty())
        out.insert(QStringLiteral("sub"), identity);
    for (auto it = m_extras.begin(); it != m_extras.end(); ++it) {
        if (!out.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

Result<void> LiveKitForm::setClaims(const QJsonObject& json)
{
    QList<Finding> findings;
    const livekit::LiveKitClaims c = livekit::readClaims(json, findings);
    for (const Finding& f : findings) {
        if (unshowableFindings().contains(f.code))
            return fail(findingError(f, ErrorCode::InvalidValue));
    }
    QJsonObject extras;
    QStringList ignored;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (minterClaims().contains(it.key()))
            ignored << it.key();
        else if (!shownClaims().contains(it.key()))
            extras.insert(it.key(), it.value());
    }
    m_showing = true;
    showClaims(c);
    m_showing = false;
    m_extras = extras;
    updateExtrasLabel(ignored);
    Q_EMIT changed();
    return {};
}

void LiveKitForm::showClaims(const livekit::LiveKitClaims& c)
{
    m_identity->setText(c.identity);
    m_name->setText(c.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(c.kind)));
    m_grants->show(c);
    m_room->setEnabled(c.video.has_value());
    m_moreParticipant->setExpanded(m_moreParticipant->isExpanded() || !c.kind.isEmpty() || !c.metadata.isEmpty() ||
                                   !c.attributes.isEmpty());
    m_roomConfigSection->setExpanded(m_roomConfigSection->isExpanded() || !c.roomPreset.isEmpty() ||
                                     c.roomConfig.has_value());
    m_room->setText(c.video ? c.video->room : QString());
    m_roomPreset->setText(c.roomPreset);
    // readClaims has already reported a roomConfig normaliseRoomConfig refuses, so this cannot fail here.
    (void)m_roomConfig->setRoomConfig(c.roomConfig);
    m_metadata->setText(c.metadata);
    m_attributes->setRowCount(0);
    for (const auto& [key, value] : c.attributes)
        addAttributeRow(key, value);
    showRole();
}

void LiveKitForm::applyPreset()
{
    if (m_preset->currentData().toString().isEmpty()) {
        showRole();
        return; // "Custom" keeps the grants as they are
    }
    livekit::LiveKitClaims c = currentClaims();
    if (!c.video)
        c.video = livekit::VideoGrant{};
    if (auto ok = livekit::applyPreset(m_preset->currentData().toString(), c); !ok)
        return; // the combo only offers the core's own names
    m_showing = true;
    m_grants->show(c);
    m_room->setEnabled(true);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(c.kind)));
    m_showing = false;
    showRole();
    Q_EMIT changed();
}

void LiveKitForm::showRole()
{
    const livekit::LiveKitClaims now = currentClaims();
    auto payload = [](const livekit::LiveKitClaims& c) {
        OrderedJson json = OrderedJson::object();
        c.appendTo(json);
        return json.toJsonValue();
    };
    const QJsonValue current = payload(now);
    QString role;
    for (const QString& preset : livekit::presetNames()) {
        livekit::LiveKitClaims candidate = now;
        if (livekit::applyPreset(preset, candidate) && payload(candidate) == current) {
            role = preset;
            break;
        }
    }
    {
        const QSignalBlocker blocker(m_preset);
        m_preset->setCurrentIndex(std::max(0, m_preset->findData(role)));
    }
    const QString granted = livekit::grantsSummary(now);
    m_roleSummary->setText(granted.isEmpty() ? tr("Grants nothing yet: choose a role or set the grants below.")
                                             : tr("Grants: %1.").arg(granted));
}

void LiveKitForm::setProfile(const credentials::Profile& profile)
{
    // Follow the profile's default room unless the user typed another one.
    const QString room = m_room->text().trimmed();
    if (room.isEmpty() || room == m_profileRoom)
        m_room->setText(profile.room);
    m_profileRoom = profile.room;
}

QString LiveKitForm::inputProblem() const
{
    QSet<QString> keys;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QTableWidgetItem* key = m_attributes->item(row, KeyColumn);
        const QTableWidgetItem* value = m_attributes->item(row, ValueColumn);
        const QString k = key ? key->text().trimmed() : QString();
        if (k.isEmpty() && value && !value->text().isEmpty())
            return tr("attribute in row %1 has a value but no key").arg(row + 1);
        if (!k.isEmpty() && keys.contains(k))
            return tr("attribute \"%1\" is listed twice").arg(k);
        keys.insert(k);
    }
    return m_roomConfig->problem();
}

void LiveKitForm::updateExtrasLabel(const QStringList& ignored)
{
    QStringList parts;
    if (!m_extras.isEmpty())
        parts
            << tr("Other claims from the JSON, kept as they are: %1.").arg(m_extras.keys().join(QStringLiteral(", ")));
    if (!ignored.isEmpty())
        parts << tr("Ignored, the minter sets them from the key, the identity and the TTL: %1.")
                     .arg(ignored.join(QStringLiteral(", ")));
    m_extrasLabel->setText(parts.join(QLatin1Char(' ')));
    m_extrasLabel->setVisible(!parts.isEmpty());
}

} // namespace td::ui
