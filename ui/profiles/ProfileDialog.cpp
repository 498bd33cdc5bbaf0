// SPDX-License-Identifier: MIT
#include "ui/profiles/ProfileDialog.h"

#include "core/credentials/ProfileSecrets.h"
#include "core/settings/Settings.h"
#include "core/providers/Registry.h"
#include "ui/common/Widgets.h"
#include "ui/profiles/FieldMessage.h"
#include "ui/profiles/PrivateKeyField.h"
#include "ui/profiles/ProfileText.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace td::ui {
namespace {

using credentials::Profile;

/** Every field some provider's profile has, in an order that keeps each provider's own order. */
QStringList mergedProfileFields()
{
    QStringList merged;
    for (const ProviderModule* module : providerModules()) {
        const QStringList fields = module->profileFields();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (merged.contains(fields[i]))
                continue;
            // Before the first of the provider's later fields already placed, else after its nearest earlier one.
            qsizetype at = -1;
            for (qsizetype j = i + 1; j < fields.size() && at < 0; ++j)
                at = merged.indexOf(fields[j]);
            for (qsizetype j = i - 1; j >= 0 && at < 0; --j) {
                if (const qsizetype k = merged.indexOf(fields[j]); k >= 0)
                    at = k + 1;
            }
            merged.insert(at < 0 ? merged.size() : at, fields[i]);
        }
    }
    return merged;
}

/** The providers whose profiles have `field`. */
QList<Provider> providersWith(const QString& field)
{
    QList<Provider> out;
    for (const ProviderModule* module : providerModules()) {
        if (module->profileFields().contains(field))
            out << module->id();
    }
    return out;
}

bool isSecretField(const QString& field)
{
    return std::any_of(providerModules().cbegin(), providerModules().cend(),
                       [&](const ProviderModule* m) { return m->secretFields().contains(field); });
}

QString withoutMnemonic(QString text)
{
    return text.remove(QLatin1Char('&'));
}

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(2, 2, 12, 12), 3, 3);
    return QIcon(pixmap);
}

FieldMessage::Kind kindOf(const QList<Finding>& findings)
{
    if (hasErrors(findings))
        return FieldMessage::Kind::Error;
    return findings.isEmpty() ? FieldMessage::Kind::None : FieldMessage::Kind::Warning;
}

QString joined(const QList<Finding>& findings)
{
    QStringList lines;
    for (const Finding& f : findings)
        lines << f.localized();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ProfileDialog::ProfileDialog(AppContext& context, QWidget* parent)
    : QDialog(parent), m_context(context), m_provider(new QComboBox), m_name(nullptr), m_environment(new QComboBox),
      m_hint(new QLabel), m_privateKey(new PrivateKeyField(context.dialogs)), m_cipher(new QComboBox),
      m_domainVerification(new QCheckBox(tr("On, as Jitsi ships: sub must be the domain, the tenant or *"))),
      m_showSecrets(new QCheckBox(tr("Sho&w secrets"))), m_general(new FieldMessage(QStringLiteral("general"))),
      m_pending(new QLabel), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Add profile"));
    // Wide enough for a JaaS AppID and most findings on one line.
    setMinimumWidth(fontMetrics().averageCharWidth() * 84);

    m_name = lineEdit(QStringLiteral("name"), tr("Profile name"));
    name(m_provider, QStringLiteral("providerComboBox"), tr("Provider"));
    for (const ProviderModule* module : providerModules())
        m_provider->addItem(providerIcon(module->id()), providerTitle(module->id()), int(module->id()));
    name(m_environment, QStringLiteral("environmentComboBox"), tr("Environment"));
    m_environment->setToolTip(tr("Where these credentials lead; production profiles are marked red everywhere"));
    for (const QString& env : Profile::environments())
        m_environment->addItem(swatch(environmentColor(env)), env, env);
    m_name->setToolTip(tr("Letters, digits, '.', '_' and '-'; used with --profile on the command line"));
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto* general = new QFormLayout;
    addRow(general, QStringLiteral("provider"), m_provider, m_provider, {});
    addRow(general, QStringLiteral("name"), m_name, m_name, {});
    addRow(general, QStringLiteral("environment"), m_environment, m_environment, {});

    auto* credentialsBox = new QGroupBox(tr("Credentials"));
    auto* credentialsForm = new QFormLayout(credentialsBox);
    credentialsForm->addRow(m_hint);
    name(m_cipher, QStringLiteral("cipherComboBox"), tr("Cipher"));
    m_cipher->addItem(tr("Not set"), QString());
    m_cipher->addItem(QStringLiteral("GCM"), QStringLiteral("gcm"));
    m_cipher->addItem(QStringLiteral("CBC"), QStringLiteral("cbc"));
    m_cipher->setToolTip(tr("The Token04 layout minted by default with this profile"));
    name(m_domainVerification, QStringLiteral("domainVerificationCheckBox"), tr("Domain verification"));
    m_domainVerification->setChecked(true);
    m_domainVerification->setToolTip(
        tr("Prosody's enable_domain_verification. On: the token's sub is compared with the domain or tenant of the "
           "room, and a room pattern (context.room.regex) works. Off: sub is ignored and a pattern matches nothing."));
    // One row per field any provider's profile has; each shows while a provider that has it is chosen.
    for (const QString& key : mergedProfileFields()) {
        QList<Provider> providers = providersWith(key);
        if (key == QStringLiteral("privateKey")) {
            addRow(credentialsForm, key, m_privateKey, m_privateKey->lineEdit(), std::move(providers));
        } else if (key == QStringLiteral("cipher")) {
            addRow(credentialsForm, key, m_cipher, m_cipher, std::move(providers));
        } else if (key == QStringLiteral("domainVerification")) {
            addRow(credentialsForm, key, m_domainVerification, m_domainVerification, std::move(providers));
        } else {
            QLineEdit* edit = lineEdit(key, withoutMnemonic(fieldLabel(key, providers.value(0))));
            addRow(credentialsForm, key, edit, edit, std::move(providers));
            if (isSecretField(key)) {
                addRevealToggle(edit);
                m_secretEdits.insert(key, edit);
            } else {
                // What the provider completes (JaaS: the kid's "<AppID>/") shows as the field is left, so what is
                // saved is what the user sees.
                connect(edit, &QLineEdit::editingFinished, this, [this, edit, key] {
                    const auto field = std::find_if(m_textFields.cbegin(), m_textFields.cend(),
                                                    [&](const TextField& f) { return f.key == key; });
                    if (field == m_textFields.cend())
                        return;
                    const QString saved = profile().*field->member;
                    if (!saved.isEmpty() && saved != edit->text().trimmed())
                        edit->setText(saved);
                });
            }
        }
    }
    name(m_showSecrets, QStringLiteral("showSecretsCheckBox"), tr("Show secrets"));
    m_showSecrets->setToolTip(tr("Shows every secret of this form while checked"));
    credentialsForm->addRow(m_showSecrets);

    auto* defaultsBox = new QGroupBox(tr("Defaults for new tokens"));
    auto* defaultsForm = new QFormLayout(defaultsBox);
    addRow(defaultsForm, QStringLiteral("ttl"), lineEdit(QStringLiteral("ttl"), tr("Default TTL")), nullptr, {});
    addRow(defaultsForm, QStringLiteral("room"), lineEdit(QStringLiteral("room"), tr("Default room")), nullptr, {});
    addRow(defaultsForm, QStringLiteral("note"), lineEdit(QStringLiteral("note"), tr("Note")), nullptr, {});

    m_pending->setObjectName(QStringLiteral("pendingLabel"));
    m_pending->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("buttonsDialogButtonBox"));
    name(m_buttons->button(QDialogButtonBox::Ok), QStringLiteral("okPushButton"), tr("Save the profile"));
    name(m_buttons->button(QDialogButtonBox::Cancel), QStringLiteral("cancelPushButton"), tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(general);
    layout->addWidget(credentialsBox);
    layout->addWidget(defaultsBox);
    layout->addWidget(m_general);
    layout->addWidget(m_pending);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // Tab order = reading order, whatever the construction order of the rows was.
    QList<QWidget*> order;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        order << row.focus;
        if (row.key == QStringLiteral("privateKey"))
            order << m_privateKey->findChild<QPushButton*>(QStringLiteral("chooseKeyFilePushButton"))
                  << m_privateKey->findChild<QPushButton*>(QStringLiteral("decryptKeyPushButton"));
        if (row.form == credentialsForm && (i + 1 == m_rows.size() || m_rows.at(i + 1).form != credentialsForm))
            order << m_showSecrets; // after the last credential row
    }
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateRows);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
    connect(m_cipher, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
    connect(m_domainVerification, &QCheckBox::toggled, this, [this] { touch(QStringLiteral("subject")); });
    connect(m_privateKey, &PrivateKeyField::changed, this, [this] { touch(QStringLiteral("privateKey")); });
    connect(m_showSecrets, &QCheckBox::toggled, this, [this](bool on) {
        QList<QLineEdit*> edits = m_secretEdits.values();
        edits << m_privateKey->lineEdit();
        for (QLineEdit* edit : edits) {
            if (auto* reveal = edit->findChild<QAction*>(edit->objectName() + QStringLiteral("RevealAction")))
                reveal->setChecked(on);
        }
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    updateRows();
    m_name->setFocus(Qt::OtherFocusReason);
}

QLineEdit* ProfileDialog::lineEdit(const QString& key, const QString& accessibleName)
{
    auto* edit = new QLineEdit;
    name(edit, key + QStringLiteral("LineEdit"), accessibleName);
    const auto member = [&]() -> QString Profile::* {
        static const QHash<QString, QString Profile::*> members = {
            {QStringLiteral("name"), &Profile::name},       {QStringLiteral("serverUrl"), &Profile::serverUrl},
            {QStringLiteral("apiKey"), &Profile::apiKey},   {QStringLiteral("appId"), &Profile::appId},
            {QStringLiteral("keyId"), &Profile::keyId},     {QStringLiteral("audience"), &Profile::audience},
            {QStringLiteral("subject"), &Profile::subject}, {QStringLiteral("ttl"), &Profile::ttl},
            {QStringLiteral("room"), &Profile::room},       {QStringLiteral("note"), &Profile::note},
        };
        return members.value(key, nullptr);
    }();
    if (member)
        m_textFields.append(TextField{key, edit, member});
    connect(edit, &QLineEdit::textChanged, this, [this, key] { touch(key); });
    return edit;
}

void ProfileDialog::addRow(QFormLayout* form, const QString& key, QWidget* editor, QWidget* buddy,
                           QList<Provider> providers)
{
    auto* field = new QWidget;
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    auto* message = new FieldMessage(key, field);
    column->addWidget(message);
    auto* label = new QLabel;
    label->setObjectName(key + QStringLiteral("Label"));
    QWidget* focus = buddy ? buddy : editor;
    label->setBuddy(focus);
    form->addRow(label, field);
    m_rows.append(Row{key, label, field, editor, focus, message, form, std::move(providers)});
}

void ProfileDialog::touch(const QString& key)
{
    m_touched.insert(key);
    validate();
}

Provider ProfileDialog::provider() const
{
    return static_cast<Provider>(m_provider->currentData().toInt());
}

bool ProfileDialog::isShown(const Row& row) const
{
    return row.providers.isEmpty() || row.providers.contains(provider());
}

void ProfileDialog::placeRows()
{
    // A provider's rows are taken out of the form and put back in order. Qt 6.4's QFormLayout::setRowVisible was seen
    // under X to leave a row shown again at zero height (the API secret after ZEGOCLOUD, the app secret of Jitsi).
    for (const Row& row : std::as_const(m_rows)) {
        if (row.providers.isEmpty() || row.form->indexOf(row.field) < 0)
            continue;
        const QFormLayout::TakeRowResult taken = row.form->takeRow(row.field);
        delete taken.labelItem;
        delete taken.fieldItem;
    }
    // In the provider's own order (Agora's App ID before its certificate, Twilio's account SID first).
    const ProviderModule* module = findModule(provider());
    for (const QString& key : module ? module->profileFields() : QStringList()) {
        const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                      [&](const Row& r) { return r.key == key && !r.providers.isEmpty(); });
        if (row == m_rows.cend() || !isShown(*row))
            continue;
        int before = -1;
        QFormLayout::ItemRole role{};
        row->form->getWidgetPosition(m_showSecrets, &before, &role);
        row->form->insertRow(before, row->label, row->field);
    }
    for (const Row& row : std::as_const(m_rows)) {
        if (row.providers.isEmpty())
            continue;
        const bool shown = isShown(row) && row.form->indexOf(row.field) >= 0;
        row.label->setVisible(shown);
        row.field->setVisible(shown);
    }
}

void ProfileDialog::updateRows()
{
    const Provider p = provider();
    placeRows();
    for (const Row& row : m_rows) {
        row.label->setText(fieldLabel(row.key, p));
        if (!row.providers.isEmpty() && isShown(row))
            row.focus->setAccessibleName(withoutMnemonic(row.label->text()));
    }
    for (const TextField& f : std::as_const(m_textFields))
        f.edit->setPlaceholderText(fieldPlaceholder(f.key, p));
    for (auto it = m_secretEdits.cbegin(); it != m_secretEdits.cend(); ++it)
        it.value()->setPlaceholderText(fieldPlaceholder(it.key(), p));
    findChild<QLineEdit*>(QStringLiteral("ttlLineEdit"))
        ->setPlaceholderText(tr("%1 when empty").arg(m_context.settings.defaultTtl(p)));
    m_hint->setText(providerHint(p));
    validate();
}

crypto::SecretMap ProfileDialog::enteredSecrets() const
{
    crypto::SecretMap out;
    for (const QString& field : Profile::secretFields(provider())) {
        const QByteArray value = field == QStringLiteral("privateKey")
                                     ? m_privateKey->pem().trimmed()
                                     : m_secretEdits.value(field)->text().trimmed().toUtf8();
        if (!value.isEmpty())
            out.insert(field, value);
    }
    return out;
}

void ProfileDialog::validate()
{
    const Profile p = profile();
    m_check = credentials::validateProfile(p, enteredSecrets());
    if (m_taken.contains(p.name))
        m_check.findings.append(Finding{QStringLiteral("name-taken"), Severity::Error,
                                        tr("a profile named %1 exists: choose another name").arg(p.name)});

    QHash<QString, QList<Finding>> byField;
    QList<Finding> unplaced;
    for (const Finding& f : std::as_const(m_check.findings)) {
        const QString key = fieldOfFinding(f.code);
        const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row& r) { return r.key == key; });
        if (row != m_rows.cend() && isShown(*row))
            byField[key].append(f);
        else
            unplaced.append(f);
    }
    // The rows as the dialog shows them (each form's rows in order), so "Still needed" reads top to bottom.
    QList<const QFormLayout*> forms;
    for (const Row& row : std::as_const(m_rows)) {
        if (!forms.contains(row.form))
            forms << row.form;
    }
    QList<const Row*> shownOrder;
    for (const Row& row : std::as_const(m_rows))
        shownOrder << &row;
    const auto position = [&forms](const Row* row) {
        int index = -1;
        QFormLayout::ItemRole role{};
        row->form->getWidgetPosition(row->field, &index, &role);
        return std::pair{forms.indexOf(row->form), index};
    };
    std::stable_sort(shownOrder.begin(), shownOrder.end(),
                     [&](const Row* a, const Row* b) { return position(a) < position(b); });
    QStringList pending;
    for (const Row* shown : std::as_const(shownOrder)) {
        const Row& row = *shown;
        const QList<Finding> findings = byField.value(row.key);
        if (row.key == QStringLiteral("privateKey")) {
            showPrivateKeyMessage(row, findings, pending);
        } else if (!m_touched.contains(row.key)) {
            row.message->setMessage(FieldMessage::Kind::None, {});
            if (hasErrors(findings))
                pending << withoutMnemonic(row.label->text());
        } else {
            row.message->setMessage(kindOf(findings), joined(findings));
        }
        row.focus->setAccessibleDescription(row.message->text());
    }
    m_general->setMessage(kindOf(unplaced), joined(unplaced));
    m_pending->setText(pending.isEmpty() ? QString() : tr("Still needed: %1").arg(pending.join(QStringLiteral(", "))));
    m_pending->setVisible(!pending.isEmpty());

    m_complete = m_check.ok();
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_complete);
    ok->setToolTip(m_complete ? QString() : tr("Fix the fields marked with an error first"));
    QTimer::singleShot(0, this, &ProfileDialog::fitHeight);
}

void ProfileDialog::fitHeight()
{
    // A window's minimum size ignores wrapped labels (height for width): grow when a message needs more lines.
    if (!isVisible())
        return;
    layout()->activate();
    // Nor does it grow by itself when another provider's rows need more width (Jitsi's domain verification line).
    const int width = std::max(this->width(), layout()->totalMinimumSize().width());
    const int needed = layout()->totalHeightForWidth(width);
    if (needed > height() || width > this->width())
        resize(width, std::max(needed, height()));
}

void ProfileDialog::showPrivateKeyMessage(const Row& row, const QList<Finding>& findings, QStringList& pending)
{
    // The loader's error code decides what to say; the CLI's hint (--passphrase-file) means nothing here.
    if (m_privateKey->loadError() == ErrorCode::KeyEncrypted) {
        const QString decryptError = m_privateKey->decryptError();
        row.message->setMessage(FieldMessage::Kind::Error,
                                !decryptError.isEmpty()
                                    ? decryptError
                                    : tr("the private key is encrypted: choose Decrypt… and enter its passphrase, or "
                                         "export it without one (openssl pkey -in key.pem -out plain.pem)"));
        return;
    }
    if (!findings.isEmpty()) {
        if (m_touched.contains(row.key) && !m_privateKey->pem().trimmed().isEmpty())
            row.message->setMessage(kindOf(findings), joined(findings));
        else {
            row.message->setMessage(FieldMessage::Kind::None, {});
            if (hasErrors(findings))
                pending << withoutMnemonic(row.label->text());
        }
        return;
    }
    if (!m_check.fingerprint.isEmpty()) {
        row.message->setMessage(
            FieldMessage::Kind::Ok,
            tr("RSA private key accepted. SHA-256 fingerprint of its public key:\n%1").arg(m_check.fingerprint));
        return;
    }
    row.message->setMessage(FieldMessage::Kind::None, {});
}

void ProfileDialog::setProvider(Provider provider)
{
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(int(provider))));
}

void ProfileDialog::setProfile(const Profile& profile, const QHash<QString, QByteArray>& secrets)
{
    m_base = profile;
    setWindowTitle(tr("Edit profile %1").arg(profile.name));
    setProvider(profile.provider);
    // Another provider has other secret fields: that is a new profile, not an edit.
    m_provider->setEnabled(false);
    m_provider->setToolTip(tr("The provider of a saved profile is fixed; add a new profile for another provider"));
    for (const TextField& f : std::as_const(m_textFields))
        f.edit->setText(profile.*f.member);
    m_environment->setCurrentIndex(std::max(0, m_environment->findData(profile.environment)));
    m_cipher->setCurrentIndex(std::max(0, m_cipher->findData(profile.cipher)));
    m_domainVerification->setChecked(profile.domainVerification);
    for (auto it = m_secretEdits.cbegin(); it != m_secretEdits.cend(); ++it)
        it.value()->setText(QString::fromUtf8(secrets.value(it.key())));
    m_privateKey->setPem(secrets.value(QStringLiteral("privateKey")));
    for (const Row& row : std::as_const(m_rows))
        m_touched.insert(row.key);
    validate();
}

void ProfileDialog::setTakenNames(const QStringList& names)
{
    m_taken = names;
    validate();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_base;
    p.provider = provider();
    p.environment = m_environment->currentData().toString();
    for (const TextField& f : m_textFields) {
        const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row& r) { return r.key == f.key; });
        // A field of another provider, typed before the provider was switched, is not part of this profile.
        p.*f.member = row != m_rows.cend() && isShown(*row) ? f.edit->text().trimmed() : QString();
    }
    const ProviderModule* module = findModule(p.provider);
    const QStringList fields = module ? module->profileFields() : QStringList();
    if (module)
        module->completeProfile(p);
    p.cipher = fields.contains(QStringLiteral("cipher")) ? m_cipher->currentData().toString() : QString();
    p.domainVerification = !fields.contains(QStringLiteral("domainVerification")) || m_domainVerification->isChecked();
    return p;
}

crypto::SecretMap ProfileDialog::secrets() const
{
    crypto::SecretMap out = enteredSecrets();
    if (out.contains(QStringLiteral("privateKey"))) {
        if (auto stored = credentials::privateKeyForStorage(out.value(QStringLiteral("privateKey"))))
            out.insert(QStringLiteral("privateKey"), *stored);
    }
    return out;
}

void ProfileDialog::accept()
{
    validate();
    if (m_complete)
        QDialog::accept();
}

} // namespace td::ui
