// SPDX-License-Identifier: MIT
#include "ui/mint/TwilioForm.h"

#include "core/credentials/Profile.h"
#include "core/providers/twilio/TwilioToken.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace td::ui {

TwilioForm::TwilioForm(QWidget* parent)
    : ProviderForm(parent), m_identity(new QLineEdit(this)), m_video(new QCheckBox(tr("Vi&deo grant"), this)),
      m_room(new QLineEdit(this)), m_chatService(new QLineEdit(this)), m_syncService(new QLineEdit(this)),
      m_voiceApp(new QLineEdit(this)), m_voiceIncoming(new QCheckBox(tr("Voice: incoming call&s"), this)),
      m_error(makeErrorLabel(this, QStringLiteral("twilioErrorLabel"), tr("Twilio grants problem")))
{
    setObjectName(QStringLiteral("twilioForm"));
    name(m_identity, QStringLiteral("twilioIdentityLineEdit"), tr("Identity"));
    m_identity->setPlaceholderText(tr("the user's identity, e.g. alice"));
    name(m_video, QStringLiteral("twilioVideoCheckBox"), tr("Video grant"));
    m_video->setChecked(true);
    m_video->setToolTip(tr("video: lets the token connect to Twilio Video rooms"));
    name(m_room, QStringLiteral("twilioRoomLineEdit"), tr("Room"));
    m_room->setPlaceholderText(tr("empty: every room of the account"));
    name(m_chatService, QStringLiteral("chatServiceLineEdit"), tr("Chat service SID"));
    m_chatService->setPlaceholderText(tr("IS…, empty: no Chat grant"));
    name(m_syncService, QStringLiteral("syncServiceLineEdit"), tr("Sync service SID"));
    m_syncService->setPlaceholderText(tr("IS…, empty: no Sync grant"));
    name(m_voiceApp, QStringLiteral("voiceAppLineEdit"), tr("Voice app SID"));
    m_voiceApp->setPlaceholderText(tr("AP…, empty: no outgoing calls"));
    name(m_voiceIncoming, QStringLiteral("voiceIncomingCheckBox"), tr("Voice: incoming calls"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Identity:"), m_identity);
    form->addRow(QString(), m_video);
    form->addRow(tr("&Room:"), m_room);
    form->addRow(tr("Ch&at service SID:"), m_chatService);
    form->addRow(tr("S&ync service SID:"), m_syncService);
    form->addRow(tr("Voice a&pp SID:"), m_voiceApp);
    form->addRow(QString(), m_voiceIncoming);
    form->addRow(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    for (QLineEdit* edit : {m_identity, m_room, m_chatService, m_syncService, m_voiceApp})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            if (!m_showing)
                Q_EMIT changed();
        });
    for (QCheckBox* box : {m_video, m_voiceIncoming})
        connect(box, &QCheckBox::toggled, this, [this] {
            m_room->setEnabled(m_video->isChecked());
            if (!m_showing)
                Q_EMIT changed();
        });
    validate();
}

QJsonObject TwilioForm::claims() const
{
    twilio::TwilioGrants g;
    g.identity = m_identity->text().trimmed();
    g.video = m_video->isChecked();
    g.room = g.video ? m_room->text().trimmed() : QString();
    g.chatServiceSid = m_chatService->text().trimmed();
    g.syncServiceSid = m_syncService->text().trimmed();
    g.voiceAppSid = m_voiceApp->text().trimmed();
    g.voiceIncoming = m_voiceIncoming->isChecked();
    return g.toJson();
}

Result<void> TwilioForm::setClaims(const QJsonObject& claims)
{
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!QStringList{QStringLiteral("identity"), QStringLiteral("video"), QStringLiteral("chat"),
                         QStringLiteral("data_sync"), QStringLiteral("voice")}
                 .contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "the Twilio form has no field for \"%1\""), it.key());
    }
    QList<Finding> findings;
    const twilio::TwilioGrants g = twilio::readGrants(claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    m_showing = true;
    m_identity->setText(g.identity);
    m_video->setChecked(g.video);
    m_room->setText(g.room);
    m_chatService->setText(g.chatServiceSid);
    m_syncService->setText(g.syncServiceSid);
    m_voiceApp->setText(g.voiceAppSid);
    m_voiceIncoming->setChecked(g.voiceIncoming);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void TwilioForm::setProfile(const credentials::Profile& profile)
{
    if (m_room->text().isEmpty() && !profile.room.isEmpty())
        m_room->setText(profile.room);
}

void TwilioForm::validate()
{
    // Only what was typed is judged: an empty identity is listed by the page's findings when Mint is pressed.
    QJsonObject typed = claims();
    if (m_identity->text().trimmed().isEmpty())
        typed.insert(QStringLiteral("identity"), QStringLiteral("x"));
    QList<Finding> ignored;
    auto ok = twilio::validateGrants(twilio::readGrants(typed, ignored));
    m_error->showError(ok ? QString() : ok.error().localized());
}

} // namespace td::ui
