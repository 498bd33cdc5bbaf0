// SPDX-License-Identifier: MIT
#include "ui/mint/AgoraForm.h"

#include "core/Duration.h"
#include "core/credentials/Profile.h"
#include "core/providers/agora/AgoraClaims.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace td::ui {

AgoraForm::AgoraForm(QWidget* parent)
    : ProviderForm(parent), m_channel(new QLineEdit(this)), m_user(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_privilegeTtl(new QLineEdit(this)), m_rtmUser(new QLineEdit(this)), m_chatUser(new QLineEdit(this)),
      m_error(makeErrorLabel(this, QStringLiteral("agoraErrorLabel"), tr("Agora token problem")))
{
    setObjectName(QStringLiteral("agoraForm"));
    name(m_channel, QStringLiteral("agoraChannelLineEdit"), tr("Channel"));
    m_channel->setPlaceholderText(tr("the RTC channel, under 64 bytes"));
    name(m_user, QStringLiteral("agoraUserLineEdit"), tr("User"));
    m_user->setPlaceholderText(tr("uid (42; 0: any user) or account (alice)"));
    name(m_role, QStringLiteral("agoraRoleComboBox"), tr("Role"));
    m_role->addItem(tr("publisher: join and publish"), QStringLiteral("publisher"));
    m_role->addItem(tr("subscriber: join only"), QStringLiteral("subscriber"));
    m_role->setToolTip(tr("A subscriber is kept from publishing only where co-host authentication is enabled for the "
                          "project"));
    name(m_privilegeTtl, QStringLiteral("agoraPrivilegeTtlLineEdit"), tr("Privileges last"));
    m_privilegeTtl->setPlaceholderText(tr("empty: as long as the token (e.g. 10m)"));
    name(m_rtmUser, QStringLiteral("agoraRtmUserLineEdit"), tr("RTM user ID"));
    m_rtmUser->setPlaceholderText(tr("empty: no RTM login"));
    name(m_chatUser, QStringLiteral("agoraChatUserLineEdit"), tr("Chat user ID"));
    m_chatUser->setPlaceholderText(tr("empty: no Chat service"));

    auto* form = new QFormLayout;
    form->addRow(tr("Ch&annel:"), m_channel);
    form->addRow(tr("&User (uid or account):"), m_user);
    form->addRow(tr("Rol&e:"), m_role);
    form->addRow(tr("&Privileges last:"), m_privilegeTtl);
    form->addRow(tr("RT&M user ID:"), m_rtmUser);
    form->addRow(tr("Chat user I&D:"), m_chatUser);
    form->addRow(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    for (QLineEdit* edit : {m_channel, m_user, m_privilegeTtl, m_rtmUser, m_chatUser})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            if (!m_showing)
                Q_EMIT changed();
        });
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            Q_EMIT changed();
    });
    validate();
}

QJsonObject AgoraForm::claims() const
{
    agora::AgoraClaims c;
    c.channel = m_channel->text().trimmed();
    c.setUser(m_user->text().trimmed());
    c.publisher = m_role->currentData().toString() == QStringLiteral("publisher");
    if (auto privilege = parseDuration(m_privilegeTtl->text().trimmed());
        privilege && !m_privilegeTtl->text().trimmed().isEmpty())
        c.privilegeTtlSeconds = *privilege;
    c.rtmUserId = m_rtmUser->text().trimmed();
    c.chatUserId = m_chatUser->text().trimmed();
    return c.toJson();
}

Result<void> AgoraForm::setClaims(const QJsonObject& claims)
{
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!QStringList{QStringLiteral("channel"), QStringLiteral("uid"), QStringLiteral("account"),
                         QStringLiteral("role"), QStringLiteral("privilege_ttl"), QStringLiteral("rtm_user_id"),
                         QStringLiteral("chat_user_id")}
                 .contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "the Agora form has no field for \"%1\""), it.key());
    }
    QList<Finding> findings;
    const agora::AgoraClaims c = agora::readClaims(claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    m_showing = true;
    m_channel->setText(c.channel);
    m_user->setText(c.uid ? QString::number(*c.uid) : c.account);
    m_role->setCurrentIndex(c.publisher ? 0 : 1);
    m_privilegeTtl->setText(c.privilegeTtlSeconds ? formatDuration(*c.privilegeTtlSeconds) : QString());
    m_rtmUser->setText(c.rtmUserId);
    m_chatUser->setText(c.chatUserId);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void AgoraForm::setProfile(const credentials::Profile& profile)
{
    if (m_channel->text().isEmpty() && !profile.room.isEmpty())
        m_channel->setText(profile.room);
}

void AgoraForm::validate()
{
    // Only what was typed is judged: an empty channel or user is listed by the page's findings when Mint is pressed.
    QString problem;
    if (!m_privilegeTtl->text().trimmed().isEmpty()) {
        if (auto privilege = parseDuration(m_privilegeTtl->text().trimmed()); !privilege)
            problem = privilege.error().localized();
    }
    if (problem.isEmpty() && !m_channel->text().trimmed().isEmpty()) {
        if (auto ok = agora::validateChannel(m_channel->text().trimmed()); !ok)
            problem = ok.error().localized();
    }
    m_error->showError(problem);
}

} // namespace td::ui
