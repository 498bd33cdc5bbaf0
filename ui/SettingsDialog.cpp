// SPDX-License-Identifier: MIT
#include "ui/SettingsDialog.h"
#include "core/providers/Registry.h"

#include "core/Duration.h"
#include "core/settings/Settings.h"
#include "ui/common/Theme.h"
#include "ui/common/Translations.h"
#include "ui/common/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace td::ui {
namespace {

/** Every provider, in the registry's order: each has its own default TTL. */
QList<Provider> providers()
{
    QList<Provider> out;
    for (const ProviderModule* module : providerModules())
        out << module->id();
    return out;
}

} // namespace

SettingsDialog::SettingsDialog(settings::Settings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_clipboardSeconds(new QSpinBox(this)), m_secretStore(new QComboBox(this)),
      m_language(new QComboBox(this)), m_theme(new QComboBox(this)), m_retention(new QSpinBox(this)),
      m_keepTokens(new QCheckBox(tr("&Keep token strings in history"), this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* form = new QFormLayout;

    name(m_clipboardSeconds, QStringLiteral("clipboardSecondsSpinBox"), tr("Clear the clipboard after"));
    m_clipboardSeconds->setRange(0, 3600);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setSpecialValueText(tr("never"));
    m_clipboardSeconds->setValue(settings.clipboardClearSeconds());
    form->addRow(tr("&Clear copied tokens after:"), m_clipboardSeconds);

    for (const Provider p : providers()) {
        auto* ttl = new QLineEdit(settings.defaultTtl(p), this);
        name(ttl, providerName(p) + QStringLiteral("TtlLineEdit"), tr("Default TTL for %1").arg(providerName(p)));
        ttl->setToolTip(tr("Durations like 6h, 90m, 1h30m or seconds"));
        connect(ttl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
        m_ttls.append(ttl);
        form->addRow(tr("Default TTL, %1:").arg(providerName(p)), ttl);
    }

    name(m_secretStore, QStringLiteral("secretStoreComboBox"), tr("Secret store"));
    m_secretStore->addItem(tr("Automatic (system keychain, else encrypted vault)"), QStringLiteral("auto"));
    m_secretStore->addItem(tr("System keychain"), QStringLiteral("keychain"));
    m_secretStore->addItem(tr("Encrypted vault file"), QStringLiteral("vault"));
    m_secretStore->setCurrentIndex(std::max(0, m_secretStore->findData(settings.secretStore())));
    m_secretStore->setToolTip(tr("Takes effect the next time TokenDesk starts"));
    form->addRow(tr("&Secret store:"), m_secretStore);

    name(m_language, QStringLiteral("languageComboBox"), tr("Language"));
    for (const QString& language : settings::Settings::languages())
        m_language->addItem(Translations::displayName(language), language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    form->addRow(tr("&Language:"), m_language);

    name(m_theme, QStringLiteral("themeComboBox"), tr("Theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme())));
    form->addRow(tr("&Theme:"), m_theme);

    name(m_retention, QStringLiteral("retentionSpinBox"), tr("History retention"));
    m_retention->setRange(0, 3650);
    m_retention->setSuffix(tr(" days"));
    m_retention->setSpecialValueText(tr("forever"));
    m_retention->setValue(settings.historyRetentionDays());
    form->addRow(tr("Keep &history for:"), m_retention);

    name(m_keepTokens, QStringLiteral("keepTokensCheckBox"), tr("Keep token strings in history"));
    m_keepTokens->setChecked(settings.historyStoresTokens());
    m_keepTokens->setToolTip(
        tr("Tokens are credentials: anyone who reads the history file can use them until they expire"));
    form->addRow(QString(), m_keepTokens);

    m_error->setObjectName(QStringLiteral("settingsErrorLabel"));
    m_error->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("settingsButtonBox"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    validate();
}

void SettingsDialog::validate()
{
    QStringList errors;
    for (qsizetype i = 0; i < m_ttls.size(); ++i) {
        if (auto ttl = parseDuration(m_ttls.at(i)->text().trimmed()); !ttl || *ttl <= 0)
            errors << tr("Default TTL for %1: use a duration such as 6h, 90m or 3600")
                          .arg(providerName(providers().at(i)));
    }
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty());
}

bool SettingsDialog::apply()
{
    m_settings.setClipboardClearSeconds(m_clipboardSeconds->value());
    for (qsizetype i = 0; i < m_ttls.size(); ++i)
        m_settings.setDefaultTtl(providers().at(i), m_ttls.at(i)->text().trimmed());
    m_settings.setSecretStore(m_secretStore->currentData().toString());
    m_settings.setHistoryRetentionDays(m_retention->value());
    m_settings.setHistoryStoresTokens(m_keepTokens->isChecked());
    if (m_theme->currentData().toString() != m_settings.theme()) {
        m_settings.setTheme(m_theme->currentData().toString());
        applyTheme(m_settings.theme());
    }
    const QString language = m_language->currentData().toString();
    const bool changed = language != m_settings.language();
    m_settings.setLanguage(language);
    return changed;
}

} // namespace td::ui
