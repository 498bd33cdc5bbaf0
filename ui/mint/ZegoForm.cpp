// SPDX-License-Identifier: MIT
#include "ui/mint/ZegoForm.h"

#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace td::ui {
namespace {

const QString kUserId = QStringLiteral("user_id");
const QString kPayload = QStringLiteral("payload");
const QString kCipher = QStringLiteral("cipher");
const QString kKit = QStringLiteral("kit");
const QString kRoomId = QStringLiteral("room_id");
const QString kUserName = QStringLiteral("user_name");

// A stream ID the comma-separated line edit can carry unchanged.
bool showableStreamId(const QString& id)
{
    static const QRegularExpression separator(QStringLiteral("[,\\s]"));
    return !id.isEmpty() && !id.contains(separator);
}

// A custom payload that means to be room privileges: a JSON object naming room_id or privilege.
bool looksLikePrivilege(const QString& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isObject() &&
           (doc.object().contains(QStringLiteral("room_id")) || doc.object().contains(QStringLiteral("privilege")));
}

} // namespace

ZegoForm::ZegoForm(QWidget* parent)
    : ProviderForm(parent), m_userId(new QLineEdit(this)),
      m_userIdError(makeErrorLabel(this, QStringLiteral("userIdErrorLabel"), tr("User ID problem"))),
      m_cipher(new QComboBox(this)), m_basicPayload(new QRadioButton(tr("&None (basic token)"), this)),
      m_privilegePayload(new QRadioButton(tr("Room &privileges"), this)),
      m_customPayload(new QRadioButton(tr("Custom pa&yload"), this)), m_privilegeBox(new QWidget(this)),
      m_roomId(new QLineEdit(this)), m_allowLogin(new QCheckBox(tr("Allow log&in to the room"), this)),
      m_allowPublish(new QCheckBox(tr("&Allow publishing streams"), this)),
      m_restrictStreams(new QCheckBox(tr("Only these &streams:"), this)), m_streamIds(new QLineEdit(this)),
      m_payloadPreview(new QLabel(this)), m_customBox(new QWidget(this)), m_customText(new QPlainTextEdit(this)),
      m_payloadMessage(makeErrorLabel(this, QStringLiteral("payloadMessageLabel"), tr("Payload check"))),
      m_kit(new QCheckBox(tr("Make a UIKit &Kit Token (room ID and user name after a '#')"), this)),
      m_kitBox(new QWidget(this)), m_kitRoomId(new QLineEdit(this)), m_kitUserName(new QLineEdit(this)),
      m_kitError(makeErrorLabel(this, QStringLiteral("kitErrorLabel"), tr("Kit Token problem")))
{
    setObjectName(QStringLiteral("zegoForm"));
    name(m_userId, QStringLiteral("userIdLineEdit"), tr("User ID"));
    m_userId->setPlaceholderText(tr("1 to %1 characters, e.g. user1").arg(zego::kMaxUserIdLength));
    m_userId->setToolTip(tr("The userID the client logs in with. Every official generator refuses an empty one; the "
                            "newest ones also refuse more than %1 characters.")
                             .arg(zego::kMaxUserIdLength));
    name(m_cipher, QStringLiteral("cipherComboBox"), tr("Cipher"));
    m_cipher->addItem(tr("AES-256-GCM (newest official generator)"), zego::layoutName(zego::Layout::Gcm));
    m_cipher->addItem(tr("AES-256-CBC (every official generator)"), zego::layoutName(zego::Layout::Cbc));
    m_cipher->setToolTip(tr("ZEGOCLOUD accepts both layouts. GCM is authenticated and what the newest Node.js "
                            "generator writes; CBC is what all other official generators write."));

    auto* top = new QFormLayout;
    top->addRow(tr("&User ID:"), m_userId);
    top->addRow(m_userIdError);
    QSizePolicy reserve = m_userIdError->sizePolicy();
    reserve.setRetainSizeWhenHidden(true); // the rows below do not move when a message comes or goes
    m_userIdError->setSizePolicy(reserve);
    top->addRow(tr("Ciphe&r:"), m_cipher);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(buildPayloadBox());
    layout->addWidget(buildKitBox());
    layout->addStretch();

    for (QLineEdit* edit : {m_userId, m_roomId, m_streamIds, m_kitRoomId, m_kitUserName})
        connect(edit, &QLineEdit::textChanged, this, &ZegoForm::edited);
    for (QCheckBox* box : {m_allowLogin, m_allowPublish, m_restrictStreams, m_kit})
        connect(box, &QCheckBox::toggled, this, &ZegoForm::edited);
    for (QRadioButton* radio : {m_basicPayload, m_privilegePayload, m_customPayload})
        connect(radio, &QRadioButton::toggled, this, &ZegoForm::edited);
    connect(m_userId, &QLineEdit::textEdited, this, [this] { m_userIdTyped = true; });
    connect(m_cipher, &QComboBox::currentIndexChanged, this, &ZegoForm::edited);
    connect(m_customText, &QPlainTextEdit::textChanged, this, &ZegoForm::edited);

    m_showing = true;
    m_allowLogin->setChecked(true);
    m_allowPublish->setChecked(true);
    m_basicPayload->setChecked(true);
    m_showing = false;
    validate();
}

QWidget* ZegoForm::buildPayloadBox()
{
    auto* box = new QGroupBox(tr("Payload"), this);
    name(m_basicPayload, QStringLiteral("basicPayloadRadioButton"), tr("No payload"));
    m_basicPayload->setToolTip(tr("An empty payload: the token only proves the user ID."));
    name(m_privilegePayload, QStringLiteral("privilegePayloadRadioButton"), tr("Room privilege payload"));
    m_privilegePayload->setToolTip(
        tr("The JSON the official samples write for room authentication. ZEGO support "
           "has to enable room authentication for the AppID; in-app chat (ZIM) ignores it."));
    name(m_customPayload, QStringLiteral("customPayloadRadioButton"), tr("Custom payload"));
    m_customPayload->setToolTip(tr("Any text; ZEGOCLOUD receives it as is."));
    auto* modes = new QHBoxLayout;
    modes->addWidget(m_basicPayload);
    modes->addWidget(m_privilegePayload);
    modes->addWidget(m_customPayload);
    modes->addStretch();

    name(m_roomId, QStringLiteral("roomIdLineEdit"), tr("Room ID"));
    m_roomId->setPlaceholderText(tr("empty: any room"));
    name(m_allowLogin, QStringLiteral("allowLoginCheckBox"), tr("Allow login"));
    m_allowLogin->setToolTip(tr("Privilege 1: may log into the room."));
    name(m_allowPublish, QStringLiteral("allowPublishCheckBox"), tr("Allow publishing"));
    m_allowPublish->setToolTip(tr("Privilege 2: may publish streams in the room."));
    name(m_restrictStreams, QStringLiteral("restrictStreamsCheckBox"), tr("Restrict publishing to listed streams"));
    m_restrictStreams->setToolTip(tr("Off: stream_id_list is null, so the user may publish any stream ID."));
    name(m_streamIds, QStringLiteral("streamIdsLineEdit"), tr("Stream IDs"));
    m_streamIds->setPlaceholderText(tr("stream IDs separated by commas, e.g. s1, s2"));
    name(m_payloadPreview, QStringLiteral("payloadPreviewLabel"), tr("Payload preview"));
    m_payloadPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payloadPreview->setWordWrap(true);
    m_payloadPreview->setTextFormat(Qt::PlainText);
    m_payloadPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* streams = new QHBoxLayout;
    streams->addWidget(m_restrictStreams);
    streams->addWidget(m_streamIds, 1);
    auto* privilege = new QFormLayout(m_privilegeBox);
    privilege->setContentsMargins(0, 0, 0, 0);
    privilege->addRow(tr("Room I&D:"), m_roomId);
    privilege->addRow(m_allowLogin);
    privilege->addRow(m_allowPublish);
    privilege->addRow(streams);
    privilege->addRow(m_payloadPreview);

    name(m_customText, QStringLiteral("customPayloadPlainTextEdit"), tr("Custom payload"));
    m_customText->setPlaceholderText(tr("free text, or room-privilege JSON"));
    m_customText->setTabChangesFocus(true);
    m_customText->setMaximumHeight(m_customText->fontMetrics().lineSpacing() * 6);
    auto* custom = new QFormLayout(m_customBox);
    custom->setContentsMargins(0, 0, 0, 0);
    custom->addRow(tr("Te&xt:"), m_customText);

    auto* layout = new QVBoxLayout(box);
    layout->addLayout(modes);
    layout->addWidget(m_privilegeBox);
    layout->addWidget(m_customBox);
    layout->addWidget(m_payloadMessage);
    return box;
}

QWidget* ZegoForm::buildKitBox()
{
    auto* box = new QGroupBox(tr("Kit Token"), this);
    name(m_kit, QStringLiteral("kitTokenCheckBox"), tr("Make a Kit Token"));
    m_kit->setToolTip(tr("The prebuilt web UIKit takes a Kit Token: the Token04, a '#', and base64 JSON with the "
                         "user ID, room ID and a percent-encoded user name."));
    name(m_kitRoomId, QStringLiteral("kitRoomIdLineEdit"), tr("Kit Token room ID"));
    m_kitRoomId->setPlaceholderText(tr("the room the UIKit joins"));
    name(m_kitUserName, QStringLiteral("kitUserNameLineEdit"), tr("Kit Token user name"));
    m_kitUserName->setPlaceholderText(tr("display name, any characters"));
    auto* kit = new QFormLayout(m_kitBox);
    kit->setContentsMargins(0, 0, 0, 0);
    kit->addRow(tr("Roo&m ID:"), m_kitRoomId);
    kit->addRow(tr("User nam&e:"), m_kitUserName);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_kit);
    layout->addWidget(m_kitBox);
    layout->addWidget(m_kitError);
    return box;
}

ZegoForm::PayloadMode ZegoForm::payloadMode() const
{
    if (m_privilegePayload->isChecked())
        return PayloadMode::Privilege;
    if (m_customPayload->isChecked())
        return PayloadMode::Custom;
    return PayloadMode::Basic;
}

void ZegoForm::setPayloadMode(PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Basic: m_basicPayload->setChecked(true); break;
    case PayloadMode::Privilege: m_privilegePayload->setChecked(true); break;
    case PayloadMode::Custom: m_customPayload->setChecked(true); break;
    }
}

QStringList ZegoForm::streamIds() const
{
    static const QRegularExpression separator(QStringLiteral("[,\\s]+"));
    return m_streamIds->text().split(separator, Qt::SkipEmptyParts);
}

QString ZegoForm::payload() const
{
    switch (payloadMode()) {
    case PayloadMode::Basic: return {};
    case PayloadMode::Custom: return m_customText->toPlainText();
    case PayloadMode::Privilege: break;
    }
    zego::RoomPrivilege privilege;
    privilege.roomId = m_roomId->text().trimmed();
    privilege.allowLogin = m_allowLogin->isChecked();
    privilege.allowPublish = m_allowPublish->isChecked();
    if (m_restrictStreams->isChecked())
        privilege.streamIds = streamIds();
    return privilege.toPayload();
}

QJsonObject ZegoForm::claims() const
{
    QJsonObject out{
        {kUserId, m_userId->text().trimmed()},
        {kPayload, payload()},
        {kCipher, m_cipher->currentData().toString()},
    };
    if (m_kit->isChecked())
        out.insert(kKit, QJsonObject{{kRoomId, m_kitRoomId->text().trimmed()}, {kUserName, m_kitUserName->text()}});
    return out;
}

Result<void> ZegoForm::setClaims(const QJsonObject& json)
{
    static const QStringList shown{kUserId, kPayload, kCipher, kKit};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!shown.contains(it.key()))
            return fail(
                ErrorCode::UnknownField,
                tr("the ZEGOCLOUD form has no field for \"%1\": its claims are user_id, payload, cipher and kit")
                    .arg(it.key()));
    }
    const auto text = [](const QJsonObject& o, const QString& key, const QString& path) -> Result<QString> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return QString();
        if (!v.isString())
            return fail(ErrorCode::InvalidValue, tr("%1 must be a string").arg(path));
        return v.toString();
    };
    auto userId = text(json, kUserId, kUserId);
    if (!userId)
        return std::unexpected(userId.error());
    auto payloadText = text(json, kPayload, kPayload);
    if (!payloadText)
        return std::unexpected(payloadText.error());
    auto cipherText = text(json, kCipher, kCipher);
    if (!cipherText)
        return std::unexpected(cipherText.error());
    const QString cipherName = cipherText->isEmpty() ? zego::layoutName(zego::Layout::Gcm) : *cipherText;
    const auto layoutValue = zego::parseLayout(cipherName);
    if (!layoutValue)
        return fail(ErrorCode::InvalidValue, tr("cipher must be gcm or cbc, not \"%1\"").arg(cipherName));

    const QJsonValue kitValue = json.value(kKit);
    if (!kitValue.isUndefined() && !kitValue.isObject())
        return fail(ErrorCode::InvalidValue, tr("kit must be an object with room_id and user_name"));
    const QJsonObject kit = kitValue.toObject();
    for (auto it = kit.begin(); it != kit.end(); ++it) {
        if (it.key() != kRoomId && it.key() != kUserName)
            return fail(ErrorCode::UnknownField,
                        tr("the Kit Token has no field \"%1\": it takes room_id and user_name").arg(it.key()));
    }
    auto kitRoom = text(kit, kRoomId, QStringLiteral("kit.room_id"));
    if (!kitRoom)
        return std::unexpected(kitRoom.error());
    auto kitUser = text(kit, kUserName, QStringLiteral("kit.user_name"));
    if (!kitUser)
        return std::unexpected(kitUser.error());

    // The privilege controls show a payload only when writing it back gives the same text; anything else stays
    // custom text, so a pasted payload reaches the token byte for byte.
    PayloadMode mode = PayloadMode::Custom;
    std::optional<zego::RoomPrivilege> privilege;
    if (payloadText->isEmpty()) {
        mode = PayloadMode::Basic;
    } else if (auto parsed = zego::RoomPrivilege::fromPayload(*payloadText);
               parsed && parsed->toPayload() == *payloadText &&
               std::ranges::all_of(parsed->streamIds.value_or(QStringList()), showableStreamId)) {
        mode = PayloadMode::Privilege;
        privilege = *parsed;
    }

    m_showing = true;
    m_userId->setText(*userId);
    m_cipher->setCurrentIndex(m_cipher->findData(zego::layoutName(*layoutValue)));
    setPayloadMode(mode);
    if (privilege) {
        m_roomId->setText(privilege->roomId);
        m_allowLogin->setChecked(privilege->allowLogin);
        m_allowPublish->setChecked(privilege->allowPublish);
        m_restrictStreams->setChecked(privilege->streamIds.has_value());
        m_streamIds->setText(privilege->streamIds.value_or(QStringList()).join(QStringLiteral(", ")));
    }
    if (mode == PayloadMode::Custom)
        m_customText->setPlainText(*payloadText);
    m_kit->setChecked(!kitValue.isUndefined());
    m_kitRoomId->setText(*kitRoom);
    m_kitUserName->setText(*kitUser);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void ZegoForm::setProfile(const credentials::Profile& profile)
{
    m_showing = true;
    if (const auto layoutValue = zego::parseLayout(profile.cipher))
        m_cipher->setCurrentIndex(m_cipher->findData(zego::layoutName(*layoutValue)));
    // Follow the profile's default room unless the user typed another one.
    for (QLineEdit* room : {m_roomId, m_kitRoomId}) {
        const QString current = room->text().trimmed();
        if (current.isEmpty() || current == m_profileRoom)
            room->setText(profile.room);
    }
    m_profileRoom = profile.room;
    m_showing = false;
    validate();
    Q_EMIT changed();
}

QString ZegoForm::inputProblem() const
{
    if (payloadMode() != PayloadMode::Custom || !looksLikePrivilege(m_customText->toPlainText()))
        return {};
    auto privilege = zego::RoomPrivilege::fromPayload(m_customText->toPlainText());
    return privilege ? QString() : tr("payload: %1").arg(privilege.error().localized());
}

void ZegoForm::edited()
{
    validate();
    if (!m_showing)
        Q_EMIT changed();
}

void ZegoForm::validate()
{
    // The user ID rules are the generators' own (zego::validateRequest); the other request fields are filled with
    // values it accepts, so only the user ID can fail here.
    zego::Token04Request probe;
    probe.appId = 1;
    probe.userId = m_userId->text().trimmed();
    probe.serverSecret = QByteArray(32, 'x');
    const auto userOk = zego::validateRequest(probe);
    // An empty user ID before any typing is what is still needed (the findings say so), not a mistake to mark red.
    const bool untouchedEmpty = !m_userIdTyped && probe.userId.isEmpty();
    m_userIdError->showError(userOk || untouchedEmpty ? QString() : userOk.error().localized());

    const PayloadMode mode = payloadMode();
    m_privilegeBox->setVisible(mode == PayloadMode::Privilege);
    m_customBox->setVisible(mode == PayloadMode::Custom);
    m_streamIds->setEnabled(m_restrictStreams->isChecked());
    if (mode == PayloadMode::Privilege)
        m_payloadPreview->setText(payload());

    if (mode == PayloadMode::Custom) {
        const QString custom = m_customText->toPlainText();
        if (custom.isEmpty()) {
            m_payloadMessage->showNote(tr("An empty payload makes a basic token."));
        } else if (!looksLikePrivilege(custom)) {
            m_payloadMessage->showNote(
                tr("Free text: ZEGOCLOUD receives it as is. Room authentication needs the room-privilege "
                   "JSON (room_id, privilege, stream_id_list)."));
        } else if (auto privilege = zego::RoomPrivilege::fromPayload(custom); !privilege) {
            m_payloadMessage->showError(
                tr("The payload must be the room-privilege JSON or free text, and this privilege JSON is "
                   "broken: %1.")
                    .arg(privilege.error().localized()));
        } else {
            m_payloadMessage->showNote(tr("Room-privilege JSON, valid."));
        }
    } else {
        m_payloadMessage->showNote(QString());
    }

    m_kitBox->setEnabled(m_kit->isChecked());
    QString kitProblem;
    if (m_kit->isChecked()) {
        const zego::KitInfo info{probe.userId, m_kitRoomId->text().trimmed(), m_kitUserName->text(), probe.appId};
        if (auto suffix = zego::kitSuffix(info); !suffix)
            kitProblem = suffix.error().localized();
    }
    m_kitError->showError(kitProblem);
}

} // namespace td::ui
