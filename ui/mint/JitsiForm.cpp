// SPDX-License-Identifier: MIT
#include "ui/mint/JitsiForm.h"

#include "core/providers/jitsi/JitsiRoom.h"

#include "ui/common/ErrorLabel.h"
#include "ui/common/Section.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace td::ui {
namespace {

// Item data of the three-state boxes.
constexpr int kUnset = -1;
constexpr int kOn = 1;
constexpr int kOff = 0;

const QString kRoom = QStringLiteral("room");
const QString kContext = QStringLiteral("context");
const QString kAnyRoom = QStringLiteral("*");

std::optional<bool> triState(const QComboBox* box)
{
    const int v = box->currentData().toInt();
    if (v == kUnset)
        return std::nullopt;
    return v == kOn;
}

void setTriState(QComboBox* box, std::optional<bool> value)
{
    const int index = box->findData(value ? (*value ? kOn : kOff) : kUnset);
    box->setCurrentIndex(index >= 0 ? index : box->findData(kOff));
}

// "sip-inbound-call" -> "sipInboundCall", for objectNames.
QString camelCase(const QString& feature)
{
    QString out;
    bool upper = false;
    for (const QChar c : feature) {
        if (c == QLatin1Char('-')) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

// Prosody's self-hosted value set of context.user.affiliation (mod_token_affiliation).
const QStringList& affiliations()
{
    static const QStringList values{QStringLiteral("owner"), QStringLiteral("member"), QStringLiteral("moderator"),
                                    QStringLiteral("teacher")};
    return values;
}

// What mod_jitsi_permissions grants when a self-hosted token has no features at all (spec 3.2).
const QStringList& prosodyDefaultFeatures()
{
    static const QStringList names{QStringLiteral("livestreaming"), QStringLiteral("recording"),
                                   QStringLiteral("transcription"), QStringLiteral("outbound-call"),
                                   QStringLiteral("create-polls"),  QStringLiteral("send-groupchat"),
                                   QStringLiteral("flip")};
    return names;
}

// What each feature lets a moderator do, in words (spec 3.1: 8x8's list and the Meet client's MEET_FEATURES).
QString featureHelp(const QString& feature)
{
    if (feature == QStringLiteral("livestreaming"))
        return JitsiForm::tr("Start a live stream of the meeting (for example to YouTube).");
    if (feature == QStringLiteral("recording"))
        return JitsiForm::tr("Record the meeting.");
    if (feature == QStringLiteral("transcription"))
        return JitsiForm::tr("Turn on live captions and the meeting transcript.");
    if (feature == QStringLiteral("sip-inbound-call"))
        return JitsiForm::tr("Let SIP devices (room systems) call into the meeting.");
    if (feature == QStringLiteral("sip-outbound-call"))
        return JitsiForm::tr("Invite a SIP device or room system from the meeting.");
    if (feature == QStringLiteral("inbound-call"))
        return JitsiForm::tr("Let people dial into the meeting by phone.");
    if (feature == QStringLiteral("outbound-call"))
        return JitsiForm::tr("Call a phone number out of the meeting (dial-out).");
    if (feature == QStringLiteral("file-upload"))
        return JitsiForm::tr("Share files with the other participants.");
    if (feature == QStringLiteral("list-visitors"))
        return JitsiForm::tr("See the list of visitors (viewers who are not participants).");
    if (feature == QStringLiteral("send-groupchat"))
        return JitsiForm::tr("Write in the meeting's group chat (needs advanced branding on JaaS).");
    if (feature == QStringLiteral("create-polls"))
        return JitsiForm::tr("Create polls (needs advanced branding on JaaS).");
    if (feature == QStringLiteral("branding"))
        return JitsiForm::tr("Apply the tenant's dynamic branding to the meeting.");
    if (feature == QStringLiteral("calendar"))
        return JitsiForm::tr("Use the calendar integration.");
    if (feature == QStringLiteral("flip"))
        return JitsiForm::tr("Move this user's session to another device without leaving the meeting.");
    if (feature == QStringLiteral("lobby"))
        return JitsiForm::tr("Manage the lobby: admit or refuse people who wait to join.");
    if (feature == QStringLiteral("moderation"))
        return JitsiForm::tr("Use the moderation tools (audio and video moderation of the other participants).");
    if (feature == QStringLiteral("room"))
        return JitsiForm::tr("Room-wide settings the Meet client keeps behind its \"room\" feature.");
    if (feature == QStringLiteral("screen-sharing"))
        return JitsiForm::tr("Share the screen with the other participants.");
    return JitsiForm::tr("A feature the Jitsi Meet client knows.");
}

} // namespace

JitsiForm::JitsiForm(bool selfHosted, QWidget* parent)
    : ProviderForm(parent), m_selfHosted(selfHosted), m_namedRoom(new QRadioButton(tr("One room"), this)),
      m_anyRoom(new QRadioButton(tr("&Any room (*)"), this)),
      m_patternRoom(new QRadioButton(tr("Rooms matching a &pattern"), this)), m_room(new QLineEdit(this)),
      m_roomRaw(new QCheckBox(tr("Write the room exactly as typed"), this)),
      m_roomMessage(makeErrorLabel(this, QStringLiteral("roomMessageLabel"), tr("Room check"))),
      m_userId(new QLineEdit(this)), m_userName(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_avatar(new QLineEdit(this)), m_moderator(new QComboBox(this)), m_hidden(new QComboBox(this)),
      m_claimsError(makeErrorLabel(this, QStringLiteral("claimsErrorLabel"), tr("Claims the form cannot show")))
{
    setObjectName(selfHosted ? QStringLiteral("jitsiForm") : QStringLiteral("jaasForm"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildRoomBox());
    layout->addWidget(buildUserBox());
    layout->addWidget(buildFeaturesBox());
    layout->addWidget(m_claimsError);
    layout->addStretch();

    for (QRadioButton* radio : {m_namedRoom, m_anyRoom, m_patternRoom})
        connect(radio, &QRadioButton::toggled, this, &JitsiForm::edited);
    for (QLineEdit* edit : {m_room, m_userId, m_userName, m_email, m_avatar})
        connect(edit, &QLineEdit::textChanged, this, &JitsiForm::edited);
    for (QComboBox* box : {m_moderator, m_hidden})
        connect(box, &QComboBox::currentIndexChanged, this, &JitsiForm::edited);
    connect(m_roomRaw, &QCheckBox::toggled, this, &JitsiForm::edited);
    connect(m_room, &QLineEdit::textEdited, this, [this] { m_roomTyped = true; });
    if (m_selfHosted) {
        connect(m_affiliation, &QComboBox::currentIndexChanged, this, &JitsiForm::edited);
        connect(m_group, &QLineEdit::textChanged, this, &JitsiForm::edited);
    }
    for (const auto& [feature, box] : m_features)
        connect(box, &QComboBox::currentIndexChanged, this, &JitsiForm::edited);

    m_showing = true;
    m_namedRoom->setChecked(true);
    m_showing = false;
    validate();
}

QWidget* JitsiForm::buildRoomBox()
{
    auto* box = new QGroupBox(tr("Room"), this);
    name(m_namedRoom, QStringLiteral("namedRoomRadioButton"), tr("One room"));
    m_namedRoom->setToolTip(tr("The token admits its holder to this room only (Prosody compares it lower-cased)."));
    name(m_anyRoom, QStringLiteral("anyRoomRadioButton"), tr("Any room"));
    m_anyRoom->setToolTip(tr("room \"*\": the token admits its holder to every room of the tenant or domain."));
    name(m_patternRoom, QStringLiteral("patternRoomRadioButton"), tr("Room pattern"));
    m_patternRoom->setToolTip(tr("Sets context.room.regex: Prosody applies the room claim as a Lua pattern "
                                 "(string.match, anchored), not as a JavaScript or PCRE regular expression."));
    name(m_room, QStringLiteral("roomLineEdit"), tr("Room name or pattern"));
    name(m_roomRaw, QStringLiteral("roomRawCheckBox"), tr("Write the room exactly as typed"));
    m_roomRaw->setToolTip(tr("Jitsi Meet joins a room by its URL-safe lower-case form (Team Standup is joined as "
                             "team%20standup), so the claim is written that way. Tick this only for a deployment "
                             "that compares the room exactly as typed."));
    auto* modes = new QHBoxLayout;
    modes->addWidget(m_namedRoom);
    modes->addWidget(m_anyRoom);
    modes->addWidget(m_patternRoom);
    modes->addStretch();
    auto* form = new QFormLayout(box);
    form->addRow(modes);
    form->addRow(tr("&Room name:"), m_room);
    form->addRow(m_roomRaw);
    form->addRow(m_roomMessage);
    return box;
}

QWidget* JitsiForm::buildUserBox()
{
    auto* box = new QGroupBox(tr("User (context.user)"), this);
    name(m_userId, QStringLiteral("userIdLineEdit"), tr("User ID"));
    name(m_userName, QStringLiteral("userNameLineEdit"), tr("User display name"));
    name(m_email, QStringLiteral("emailLineEdit"), tr("User email"));
    name(m_avatar, QStringLiteral("avatarLineEdit"), tr("Avatar URL"));
    m_avatar->setPlaceholderText(tr("https://example.com/avatar.png"));

    name(m_moderator, QStringLiteral("moderatorComboBox"), tr("Moderator"));
    if (m_selfHosted)
        m_moderator->addItem(tr("not set (not moderator, unless the affiliation says so)"), kUnset);
    m_moderator->addItem(tr("yes"), kOn);
    m_moderator->addItem(tr("no"), kOff);
    m_moderator->setCurrentIndex(m_moderator->findData(m_selfHosted ? kUnset : kOff));
    m_moderator->setToolTip(m_selfHosted
                                ? tr("context.user.moderator \"true\" makes Prosody give the user the owner "
                                     "affiliation, so they join as moderator. Not set leaves the claim out.")
                                : tr("JaaS tokens always state context.user.moderator (\"true\" or \"false\"). JaaS "
                                     "applies the features only to moderators."));

    name(m_hidden, QStringLiteral("hiddenFromRecorderComboBox"), tr("Hidden from recorder"));
    m_hidden->addItem(tr("not set"), kUnset);
    m_hidden->addItem(tr("yes"), kOn);
    m_hidden->addItem(tr("no"), kOff);
    m_hidden->setToolTip(tr("context.user.hidden-from-recorder: keep this user out of recordings and live streams."));

    auto* form = new QFormLayout(box);
    form->addRow(tr("User &ID:"), m_userId);
    form->addRow(tr("&Display name:"), m_userName);
    form->addRow(tr("&Moderator:"), m_moderator);
    auto* more = new QWidget(box);
    auto* moreForm = new QFormLayout(more);
    moreForm->setContentsMargins(0, 0, 0, 0);
    moreForm->addRow(tr("&Email:"), m_email);
    moreForm->addRow(tr("A&vatar URL:"), m_avatar);
    moreForm->addRow(tr("Hidden from recorder:"), m_hidden);
    m_moreUser = new Section(m_selfHosted ? tr("Email, avatar, recorder, affiliation and group")
                                          : tr("Email, avatar and recorder"),
                             more, false, box);
    m_moreUser->setObjectName(QStringLiteral("moreUserSection"));
    form->addRow(m_moreUser);
    if (m_selfHosted) {
        m_affiliation = new QComboBox(this);
        name(m_affiliation, QStringLiteral("affiliationComboBox"), tr("Affiliation"));
        m_affiliation->addItem(tr("not set"), QString());
        for (const QString& value : affiliations())
            m_affiliation->addItem(value, value);
        m_affiliation->setToolTip(tr("context.user.affiliation (Prosody's token_affiliation module): owner, "
                                     "moderator and teacher join as moderator, member as a participant."));
        m_group = new QLineEdit(this);
        name(m_group, QStringLiteral("groupLineEdit"), tr("Group"));
        m_group->setToolTip(tr("context.group, bound to the session by Prosody."));
        moreForm->addRow(tr("Affiliation:"), m_affiliation);
        moreForm->addRow(tr("Gro&up:"), m_group);
    }
    return box;
}

QWidget* JitsiForm::buildFeaturesBox()
{
    auto* box = new QGroupBox(tr("Features (context.features)"), this);
    auto* note = new QLabel(box);
    note->setObjectName(QStringLiteral("featuresNoteLabel"));
    note->setWordWrap(true);
    note->setText(m_selfHosted ? tr("Not set leaves a feature out of the token; no writes \"false\". A token without "
                                    "any feature gets Prosody's default permissions: %1.")
                                     .arg(prosodyDefaultFeatures().join(QStringLiteral(", ")))
                               : tr("Not set leaves a feature out of the token; no writes \"false\". JaaS applies "
                                    "features only to moderators."));

    // JaaS shows 8x8's documented features first; self-hosted those the Meet client knows.
    QStringList order = m_selfHosted ? jitsi::meetFeatures() : jitsi::jaasFeatures();
    for (const QString& feature : jitsi::knownFeatures()) {
        if (!order.contains(feature))
            order << feature;
    }

    auto* grid = new QGridLayout;
    constexpr int kColumns = 2; // three columns made the form too wide for a 1024-pixel screen
    for (int i = 0; i < order.size(); ++i) {
        const QString& feature = order.at(i);
        auto* combo = new QComboBox(box);
        name(combo, camelCase(feature) + QStringLiteral("FeatureComboBox"), tr("Feature %1").arg(feature));
        combo->addItem(tr("not set"), kUnset);
        combo->addItem(tr("yes"), kOn);
        combo->addItem(tr("no"), kOff);
        QString help = featureHelp(feature);
        if (jitsi::jaasFeatures().contains(feature))
            help += QLatin1Char(' ') + tr("Documented by 8x8 for JaaS.");
        if (!jitsi::meetFeatures().contains(feature))
            help += QLatin1Char(' ') + tr("Not in the Jitsi Meet client's list: the client warns about it "
                                          "(featureInvalid), the server does not care.");
        if (m_selfHosted && prosodyDefaultFeatures().contains(feature))
            help += QLatin1Char(' ') + tr("Granted by Prosody's defaults when the token has no features at all.");
        combo->setToolTip(help);
        auto* label = new QLabel(feature, box);
        label->setBuddy(combo);
        label->setToolTip(help);
        const int row = i / kColumns;
        const int column = (i % kColumns) * 2;
        grid->addWidget(label, row, column);
        grid->addWidget(combo, row, column + 1);
        m_features.append({feature, combo});
    }
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(note);
    layout->addLayout(grid);
    return box;
}

jitsi::JitsiClaims JitsiForm::currentClaims() const
{
    jitsi::JitsiClaims c;
    c.room = m_anyRoom->isChecked() ? kAnyRoom : m_room->text().trimmed();
    c.roomRegex = m_patternRoom->isChecked();
    c.user.id = m_userId->text().trimmed();
    c.user.name = m_userName->text().trimmed();
    c.user.email = m_email->text().trimmed();
    c.user.avatar = m_avatar->text().trimmed();
    c.user.moderator = triState(m_moderator);
    c.user.hiddenFromRecorder = triState(m_hidden);
    if (m_selfHosted) {
        c.user.affiliation = m_affiliation->currentData().toString();
        c.group = m_group->text().trimmed();
    }
    for (const auto& [feature, box] : m_features) {
        if (const auto on = triState(box))
            c.features.append({feature, *on});
    }
    return c;
}

QJsonObject JitsiForm::claims() const
{
    const jitsi::JitsiClaims c = currentClaims();
    return QJsonObject{{kRoom, c.room}, {kContext, jitsi::contextJson(c, m_selfHosted).toJsonValue()}};
}

Result<jitsi::JitsiClaims> JitsiForm::readClaims(const QJsonObject& json) const
{
    static const QStringList minterClaims{QStringLiteral("aud"), QStringLiteral("iss"), QStringLiteral("sub"),
                                          QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (minterClaims.contains(it.key()))
            return fail(ErrorCode::InvalidValue,
                        tr("\"%1\" is set when minting, from the profile and the TTL: leave it out").arg(it.key()));
        if (it.key() != kRoom && it.key() != kContext)
            return fail(ErrorCode::UnknownField,
                        tr("the form has no field for \"%1\": the claims are room and context").arg(it.key()));
    }
    if (json.contains(kRoom) && !json.value(kRoom).isString())
        return fail(ErrorCode::InvalidValue, tr("room must be a string"));

    for (const auto& [object, path] :
         {std::pair{json.value(kContext), kContext},
          {json.value(kContext)[QStringLiteral("user")], QStringLiteral("context.user")},
          {json.value(kContext)[QStringLiteral("features")], QStringLiteral("context.features")},
          {json.value(kContext)[QStringLiteral("room")], QStringLiteral("context.room")}}) {
        if (!object.isUndefined() && !object.isObject())
            return fail(ErrorCode::InvalidValue, tr("%1 must be an object").arg(path));
    }
    const QJsonObject ctx = json.value(kContext).toObject();
    QStringList contextKeys{QStringLiteral("user"), QStringLiteral("features"), QStringLiteral("room")};
    if (m_selfHosted)
        contextKeys << QStringLiteral("group");
    for (auto it = ctx.begin(); it != ctx.end(); ++it) {
        if (!contextKeys.contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        m_selfHosted || it.key() != QStringLiteral("group")
                            ? tr("the form has no field for context.%1").arg(it.key())
                            : tr("context.group is a self-hosted Jitsi claim; JaaS tokens do not carry it"));
    }
    const QJsonObject roomCtx = ctx.value(QStringLiteral("room")).toObject();
    for (auto it = roomCtx.begin(); it != roomCtx.end(); ++it) {
        if (it.key() != QStringLiteral("regex"))
            return fail(ErrorCode::UnknownField, tr("the form has no field for context.room.%1").arg(it.key()));
        if (!it.value().isBool())
            return fail(ErrorCode::InvalidValue, tr("context.room.regex must be the boolean true or false"));
    }

    const QJsonObject user = ctx.value(QStringLiteral("user")).toObject();
    QStringList userKeys{QStringLiteral("id"),     QStringLiteral("name"),      QStringLiteral("email"),
                         QStringLiteral("avatar"), QStringLiteral("moderator"), QStringLiteral("hidden-from-recorder")};
    if (m_selfHosted)
        userKeys << QStringLiteral("affiliation");
    for (auto it = user.begin(); it != user.end(); ++it) {
        if (!userKeys.contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        m_selfHosted || it.key() != QStringLiteral("affiliation")
                            ? tr("the form has no field for context.user.%1").arg(it.key())
                            : tr("context.user.affiliation is read by self-hosted Prosody only; JaaS ignores it"));
        const bool flag = it.key() == QStringLiteral("moderator") || it.key() == QStringLiteral("hidden-from-recorder");
        // lib-jitsi-meet breaks on user fields that are not strings.
        if (!flag && !it.value().isString())
            return fail(ErrorCode::InvalidValue, tr("context.user.%1 must be a string").arg(it.key()));
    }

    // Names first, with the core's words (and its "did you mean"); values are checked by claimsFromPayload.
    const QJsonObject features = ctx.value(QStringLiteral("features")).toObject();
    for (auto it = features.begin(); it != features.end(); ++it) {
        if (auto known = jitsi::parseFeature(it.key()); !known)
            return std::unexpected(known.error());
    }
    auto claims = jitsi::claimsFromPayload(json);
    if (!claims)
        return claims;
    if (!claims->user.affiliation.isEmpty() && !affiliations().contains(claims->user.affiliation))
        return fail(
            ErrorCode::InvalidValue,
            tr("affiliation must be owner, member, moderator or teacher, not \"%1\"").arg(claims->user.affiliation));
    return claims;
}

Result<void> JitsiForm::setClaims(const QJsonObject& json)
{
    auto claims = readClaims(json);
    if (!claims) {
        m_claimsError->showError(tr("Cannot show these claims: %1").arg(claims.error().localized()));
        return std::unexpected(claims.error());
    }
    m_showing = true;
    showClaims(*claims);
    m_showing = false;
    m_claimsError->showError(QString());
    validate();
    Q_EMIT changed();
    return {};
}

void JitsiForm::showClaims(const jitsi::JitsiClaims& c)
{
    if (c.roomRegex) {
        m_patternRoom->setChecked(true);
        m_room->setText(c.room);
    } else if (c.room == kAnyRoom) {
        m_anyRoom->setChecked(true);
    } else {
        m_namedRoom->setChecked(true);
        m_room->setText(c.room);
    }
    m_userId->setText(c.user.id);
    m_userName->setText(c.user.name);
    m_email->setText(c.user.email);
    m_avatar->setText(c.user.avatar);
    setTriState(m_moderator, c.user.moderator);
    setTriState(m_hidden, c.user.hiddenFromRecorder);
    if (m_selfHosted) {
        m_affiliation->setCurrentIndex(m_affiliation->findData(c.user.affiliation));
        m_group->setText(c.group);
    }
    if (!c.user.email.isEmpty() || !c.user.avatar.isEmpty() || c.user.hiddenFromRecorder.has_value() ||
        (m_selfHosted && (!c.user.affiliation.isEmpty() || !c.group.isEmpty())))
        m_moreUser->setExpanded(true);
    for (const auto& [feature, box] : m_features) {
        std::optional<bool> value;
        for (const auto& [name, on] : c.features) {
            if (name == feature)
                value = on;
        }
        setTriState(box, value);
    }
}

void JitsiForm::setProfile(const credentials::Profile& profile)
{
    // Follow the profile's default room unless the user typed another one or chose any room / a pattern.
    const QString room = m_room->text().trimmed();
    m_showing = true;
    if (m_namedRoom->isChecked() && (room.isEmpty() || room == m_profileRoom))
        m_room->setText(profile.room);
    m_showing = false;
    m_profileRoom = profile.room;
    validate();
    Q_EMIT changed();
}

bool JitsiForm::roomRaw() const
{
    return m_namedRoom->isChecked() && m_roomRaw->isChecked();
}

void JitsiForm::setRoomRaw(bool raw)
{
    m_showing = true;
    m_roomRaw->setChecked(raw);
    m_showing = false;
    validate();
}

QString JitsiForm::inputProblem() const
{
    if (!m_anyRoom->isChecked() && m_room->text().trimmed().isEmpty())
        return m_patternRoom->isChecked() ? tr("room: type the room pattern, or choose \"Any room\"")
                                          : tr("room: a room is required; type one, or choose \"Any room\"");
    return {};
}

void JitsiForm::edited()
{
    validate();
    if (m_showing)
        return;
    m_claimsError->showError(QString());
    Q_EMIT changed();
}

void JitsiForm::validate()
{
    m_room->setEnabled(!m_anyRoom->isChecked());
    m_roomRaw->setEnabled(m_namedRoom->isChecked());
    const QString room = m_room->text().trimmed();
    if (m_anyRoom->isChecked()) {
        m_roomMessage->showNote(tr("The token admits its holder to every room; there is no join link."));
    } else if (room.isEmpty()) {
        // Nothing typed yet: what is needed is in the findings and beside Mint, not in red here.
        m_roomMessage->showError(!m_roomTyped ? QString()
                                 : m_patternRoom->isChecked()
                                     ? tr("Type the room pattern, a Lua pattern such as team%-%d+ (% escapes, . is "
                                          "any character).")
                                     : tr("A room is required: Prosody refuses a token without one. Choose \"Any "
                                          "room\" to admit the holder to every room."));
    } else if (m_patternRoom->isChecked() && room.contains(QLatin1Char('\\'))) {
        m_roomMessage->showNote(
            tr("Prosody applies a Lua pattern, where %d is a digit and % escapes; a backslash is an ordinary "
               "character there, not an escape."));
    } else if (m_patternRoom->isChecked()) {
        m_roomMessage->showNote(tr("Lua pattern, matched against the whole room name."));
    } else if (const auto claim = jitsi::roomClaimFor(room, false, m_roomRaw->isChecked()); !claim) {
        m_roomMessage->showError(claim.error().localized());
    } else if (claim->changed) {
        m_roomMessage->showNote(tr("Written as %1, the name Jitsi Meet joins.").arg(claim->written));
    } else {
        m_roomMessage->showNote(QString());
    }
}

} // namespace td::ui
