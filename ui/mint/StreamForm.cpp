// SPDX-License-Identifier: MIT
#include "ui/mint/StreamForm.h"

#include "core/providers/stream/StreamToken.h"
#include "ui/common/ErrorLabel.h"
#include "ui/common/Widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QVBoxLayout>

namespace td::ui {

StreamForm::StreamForm(QWidget* parent)
    : ProviderForm(parent), m_userId(new QLineEdit(this)), m_calls(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_error(makeErrorLabel(this, QStringLiteral("streamErrorLabel"), tr("Stream claims problem")))
{
    setObjectName(QStringLiteral("streamForm"));
    name(m_userId, QStringLiteral("userIdLineEdit"), tr("User ID"));
    m_userId->setPlaceholderText(tr("the user the token is for, e.g. alice"));
    name(m_calls, QStringLiteral("callCidsLineEdit"), tr("Calls"));
    m_calls->setPlaceholderText(tr("empty: a user token; else type:id, e.g. default:standup"));
    m_calls->setToolTip(tr("call_cids: the calls a call token opens, separated by commas. Other calls refuse it."));
    name(m_role, QStringLiteral("roleComboBox"), tr("Role in the calls"));
    m_role->setEditable(true);
    m_role->addItem(tr("(the user's own role)"), QString());
    for (const char* role : {"user", "call_member", "host", "admin"})
        m_role->addItem(QLatin1String(role), QLatin1String(role));
    m_role->setToolTip(tr("role: what the user is in the listed calls; what each role may do is set per call type in "
                          "the Stream dashboard"));

    auto* form = new QFormLayout;
    form->addRow(tr("&User ID:"), m_userId);
    form->addRow(tr("C&alls:"), m_calls);
    form->addRow(tr("Rol&e:"), m_role);
    form->addRow(m_error);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    for (QLineEdit* edit : {m_userId, m_calls})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            if (!m_showing)
                Q_EMIT changed();
        });
    connect(m_role, &QComboBox::currentTextChanged, this, [this] {
        if (!m_showing)
            Q_EMIT changed();
    });
    validate();
}

QStringList StreamForm::callCids() const
{
    QStringList out;
    for (const QString& cid : m_calls->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!cid.trimmed().isEmpty())
            out << cid.trimmed();
    }
    return out;
}

QJsonObject StreamForm::claims() const
{
    stream::StreamClaims c;
    c.userId = m_userId->text().trimmed();
    c.callCids = callCids();
    // The combo's first entry stands for no role; anything typed is a role name.
    c.role = m_role->currentIndex() == 0 && m_role->currentText() == m_role->itemText(0)
                 ? QString()
                 : m_role->currentText().trimmed();
    return c.toJson();
}

Result<void> StreamForm::setClaims(const QJsonObject& claims)
{
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!QStringList{QStringLiteral("user_id"), QStringLiteral("call_cids"), QStringLiteral("role"),
                         QStringLiteral("validity_in_seconds")}
                 .contains(it.key()))
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "the Stream form has no field for \"%1\""), it.key());
    }
    QList<Finding> findings;
    const stream::StreamClaims c = stream::readClaims(claims, findings);
    if (auto ok = firstError(findings); !ok)
        return std::unexpected(ok.error());
    m_showing = true;
    m_userId->setText(c.userId);
    m_calls->setText(c.callCids.join(QStringLiteral(", ")));
    if (c.role.isEmpty())
        m_role->setCurrentIndex(0);
    else
        m_role->setCurrentText(c.role);
    m_showing = false;
    validate();
    Q_EMIT changed();
    return {};
}

void StreamForm::setProfile(const credentials::Profile& profile)
{
    // A profile's default room is the call a new token is for.
    if (m_calls->text().isEmpty() && !profile.room.isEmpty())
        m_calls->setText(profile.room.contains(QLatin1Char(':')) ? profile.room
                                                                 : QStringLiteral("default:") + profile.room);
}

void StreamForm::validate()
{
    // Only what was typed is judged: an empty user ID is listed by the page's findings when Mint is pressed.
    stream::StreamClaims c;
    c.userId = m_userId->text().trimmed().isEmpty() ? QStringLiteral("x") : m_userId->text().trimmed();
    c.callCids = callCids();
    auto ok = stream::validateClaims(c);
    m_error->showError(ok ? QString() : ok.error().localized());
}

} // namespace td::ui
