// SPDX-License-Identifier: MIT
#include "ui/mint/HmsForm.h"

#include "core/credentials/Profile.h"
#include "core/providers/hms/HmsToken.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace td::ui {

HmsForm::HmsForm(QWidget* parent)
    : ProviderForm(parent), m_management(new QCheckBox(tr("Management token (&REST API, no room)"), this)),
      m_roomId(new QLineEdit(this)), m_userId(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_error(makeErrorLabel(this, QStringLiteral("hmsErrorLabel"), tr("100ms claims problem")))
{
    setObjectName(QStringLiteral("hmsForm"));
    name(m_management, QStringLiteral("hmsManagementCheckBox"), tr("Management token"));
    m_management->setToolTip(tr("type management: calls the 100ms REST API for the whole workspace; keep it on "
                                "servers"));
    name(m_roomId, QStringLiteral("hmsRoomIdLineEdit"), tr("Room ID"));
    m_roomId->setPlaceholderText(tr("the room's ID from the dashboard, e.g. 6421a1b2c3d4e5f6a7b8c9d0"));
    name(m_userId, QStringLiteral("hmsUserIdLineEdit"), tr("User ID"));
    m_userId->setPlaceholderText(tr("your user's ID, e.g. alice"));
    name(m_role, QStringLiteral("hmsRoleComboBox"), tr("Role"));
    m_role->setEditable(true);
    for (const char* role : {"host", "guest", "viewer-near-realtime", "broadcaster"})
        m_role->addItem(QLatin1String(role));
    m_role->setCurrentText(QStringLiteral("guest"));
    m_role->setToolTip(tr("role: one of the room template's roles; the template decides what it may publish and "
                          "subscribe to"));

    auto* form = new QFormLayout;
    form->addRow(QString(), m_management);
    form->addRow(tr("Roo&m ID:"), m_roomId);
    form->addRow(tr("&User ID:"), m_userId);
    form->addRow(tr("Rol&e:"), m_role);
    form->addRow(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    for (QLineEdit* edit : {m_roomId, m_userId})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            if (!m_showing)
                Q_EMIT changed();
        });
    connect(m_role, &QComboBox::currentTextChanged, this, [this] {
        validate();
        if (!m_showing)
            Q_EMIT changed();
    });
    connect(m_management, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget* w :
             {static_cast<QWidget*>(m_roomId), static_cast<QWidget*>(m_userId), static_cast<QWidget*>(m_role)})
            w->setEnabled(!on);
        validate();
        if (!m_showing)
            Q_EMIT changed();
    });
    validate();
}

QJsonObject HmsForm::claims() const
{
    hms::HmsClaims c;
    c.management = m_management->isChecked();
    c.roomId = m_roomId->text().trimmed();
    c.userId = m_userId->text().trimmed();
    c.role = m_role->currentText().trimmed();
    return c.toJson();
}

Result<void> HmsForm::setClaims(const QJsonObject& claims)
{
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!QStringList{QStringLiteral("type"), QStringLiteral("room_id"), QStringLiteral("user_id"),
                         QStringLiteral("role")}
                 .contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "the 100ms form has no field for \"%1\""), it.key());
    }
    QList<Finding> findings;
    const hms::HmsClaims c = hms::readClaims(claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    m_showing = true;
    m_management->setChecked(c.management);
    m_roomId->setText(c.roomId);
    m_userId->setText(c.userId);
    m_role->setCurrentText(c.role);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void HmsForm::setProfile(const credentials::Profile& profile)
{
    if (m_roomId->text().isEmpty() && !profile.room.isEmpty())
        m_roomId->setText(profile.room);
}

void HmsForm::validate()
{
    // Only what was typed is judged: empty fields are listed by the page's findings when Mint is pressed.
    hms::HmsClaims c;
    c.management = m_management->isChecked();
    c.roomId = m_roomId->text().trimmed().isEmpty() ? QStringLiteral("x") : m_roomId->text().trimmed();
    c.userId = QStringLiteral("x");
    c.role = QStringLiteral("x");
    auto ok = hms::validateClaims(c);
    m_error->showError(ok ? QString() : ok.error().localized());
}

} // namespace td::ui
