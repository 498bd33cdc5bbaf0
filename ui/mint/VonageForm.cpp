// SPDX-License-Identifier: MIT
#include "ui/mint/VonageForm.h"

#include "core/credentials/Profile.h"
#include "core/providers/vonage/VonageToken.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace td::ui {

VonageForm::VonageForm(bool openTok, QWidget* parent)
    : ProviderForm(parent), m_openTok(openTok), m_session(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_data(new QLineEdit(this)), m_layout(new QLineEdit(this)),
      m_error(makeErrorLabel(this, openTok ? QStringLiteral("openTokErrorLabel") : QStringLiteral("vonageErrorLabel"),
                             tr("Session token problem")))
{
    const QString prefix = openTok ? QStringLiteral("openTok") : QStringLiteral("vonage");
    setObjectName(prefix + QStringLiteral("Form"));
    name(m_session, prefix + QStringLiteral("SessionLineEdit"), tr("Session ID"));
    m_session->setPlaceholderText(tr("the session's ID, e.g. 2_MX4…"));
    name(m_role, prefix + QStringLiteral("RoleComboBox"), tr("Role"));
    m_role->addItem(tr("publisher: publish and subscribe"), QStringLiteral("publisher"));
    m_role->addItem(tr("subscriber: subscribe only"), QStringLiteral("subscriber"));
    m_role->addItem(tr("moderator: also disconnect others"), QStringLiteral("moderator"));
    m_role->addItem(tr("publisheronly: publish only"), QStringLiteral("publisheronly"));
    name(m_data, prefix + QStringLiteral("DataLineEdit"), tr("Connection data"));
    m_data->setPlaceholderText(tr("what other clients see, e.g. name=alice"));
    name(m_layout, prefix + QStringLiteral("LayoutLineEdit"), tr("Layout classes"));
    m_layout->setPlaceholderText(tr("space separated, e.g. focus full"));

    auto* form = new QFormLayout;
    form->addRow(tr("Sess&ion ID:"), m_session);
    form->addRow(tr("Rol&e:"), m_role);
    form->addRow(tr("Connection &data:"), m_data);
    form->addRow(tr("La&yout classes:"), m_layout);
    form->addRow(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    for (QLineEdit* edit : {m_session, m_data, m_layout})
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

QJsonObject VonageForm::claims() const
{
    vonage::SessionClaims c;
    c.sessionId = m_session->text().trimmed();
    c.role = m_role->currentData().toString();
    c.connectionData = m_data->text();
    c.layoutClasses = m_layout->text().simplified();
    return c.toJson();
}

Result<void> VonageForm::setClaims(const QJsonObject& claims)
{
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!QStringList{QStringLiteral("session_id"), QStringLiteral("role"), QStringLiteral("connection_data"),
                         QStringLiteral("initial_layout_class_list")}
                 .contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "the session form has no field for \"%1\""), it.key());
    }
    QList<Finding> findings;
    const vonage::SessionClaims c = vonage::readClaims(claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    const int role = m_role->findData(c.role);
    if (role < 0)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the role \"%1\" is not publisher, subscriber, moderator or "
                                                   "publisheronly"),
                    c.role.left(32));
    m_showing = true;
    m_session->setText(c.sessionId);
    m_role->setCurrentIndex(role);
    m_data->setText(c.connectionData);
    m_layout->setText(c.layoutClasses);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void VonageForm::setProfile(const credentials::Profile& profile)
{
    m_apiKey = profile.apiKey;
    if (m_session->text().isEmpty() && !profile.room.isEmpty())
        m_session->setText(profile.room);
    validate();
}

void VonageForm::validate()
{
    // Only what was typed is judged: an empty session ID is listed by the page's findings when Mint is pressed.
    QString problem;
    vonage::SessionClaims c;
    c.sessionId = m_session->text().trimmed().isEmpty() ? QStringLiteral("x") : m_session->text().trimmed();
    c.connectionData = m_data->text();
    c.layoutClasses = m_layout->text();
    if (auto ok = vonage::validateClaims(c); !ok)
        problem = ok.error().localized();
    else if (m_openTok && !m_apiKey.isEmpty() && !m_session->text().trimmed().isEmpty() &&
             vonage::sessionApiKey(c.sessionId) != m_apiKey)
        problem =
            tr("This session was not made with the profile's API key %1: OpenTok refuses the token.").arg(m_apiKey);
    m_error->showError(problem);
}

} // namespace td::ui
