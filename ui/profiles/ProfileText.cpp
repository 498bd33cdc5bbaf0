// SPDX-License-Identifier: MIT
#include "ui/profiles/ProfileText.h"

#include "core/providers/Registry.h"
#include "ui/common/Widgets.h"

#include <QAction>
#include <QCoreApplication>
#include <QHash>
#include <QMenu>

namespace td::ui {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ProfileText)
};

} // namespace

QString providerTitle(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    return module ? QCoreApplication::translate("td::Provider", module->title()) : Tr::tr("Unknown");
}

QString profileIdentity(Provider provider, const QString& apiKey, const QString& appId)
{
    const ProviderModule* module = findModule(provider);
    return module && module->identityField() == QStringLiteral("apiKey") ? apiKey : appId;
}

QString providerHint(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    return module ? QCoreApplication::translate("td::Provider", module->profileHint()) : QString();
}

QString fieldLabel(const QString& field, Provider provider)
{
    if (const ProviderModule* module = findModule(provider)) {
        if (const char* label = module->fieldLabel(field))
            return QCoreApplication::translate("td::Provider", label);
    }
    if (field == QStringLiteral("provider"))
        return Tr::tr("&Provider");
    if (field == QStringLiteral("name"))
        return Tr::tr("&Name");
    if (field == QStringLiteral("environment"))
        return Tr::tr("&Environment");
    if (field == QStringLiteral("serverUrl"))
        return Tr::tr("Server &URL");
    if (field == QStringLiteral("apiKey"))
        return Tr::tr("API &key");
    if (field == QStringLiteral("appId"))
        return Tr::tr("App&ID");
    if (field == QStringLiteral("keyId"))
        return Tr::tr("Key I&D");
    if (field == QStringLiteral("audience"))
        return Tr::tr("&Audience (aud)");
    if (field == QStringLiteral("subject"))
        return Tr::tr("Su&bject (sub)");
    if (field == QStringLiteral("apiSecret"))
        return Tr::tr("API &secret");
    if (field == QStringLiteral("serverSecret"))
        return Tr::tr("Server&Secret");
    if (field == QStringLiteral("appSecret"))
        return Tr::tr("App &secret (HS256)");
    if (field == QStringLiteral("privateKey"))
        return Tr::tr("Private &key");
    if (field == QStringLiteral("cipher"))
        return Tr::tr("Cip&her");
    if (field == QStringLiteral("ttl"))
        return Tr::tr("Default &TTL");
    if (field == QStringLiteral("room"))
        return Tr::tr("Default &room");
    if (field == QStringLiteral("note"))
        return Tr::tr("Note"); // every letter of it is taken by another mnemonic
    if (field == QStringLiteral("domainVerification"))
        return Tr::tr("Domain verification");
    return field;
}

QString fieldPlaceholder(const QString& field, Provider provider)
{
    if (const ProviderModule* module = findModule(provider)) {
        // The module's example values: addresses and ids as they are, sentences in the user's language.
        if (const QString example = module->fieldPlaceholder(field); !example.isEmpty())
            return QCoreApplication::translate("td::Provider", example.toUtf8().constData());
    }
    if (field == QStringLiteral("name"))
        return Tr::tr("for example acme-prod");
    if (field == QStringLiteral("room"))
        return Tr::tr("none");
    return {};
}

void addProviderActions(QMenu* menu, const QString& objectPrefix, const std::function<void(Provider)>& chosen)
{
    for (const ProviderModule* module : providerModules()) {
        const Provider p = module->id();
        QAction* action = menu->addAction(providerIcon(p), Tr::tr("%1…").arg(providerTitle(p)));
        const QString id = providerName(p);
        action->setObjectName(objectPrefix + id.left(1).toUpper() + id.mid(1) + QStringLiteral("Action"));
        QObject::connect(action, &QAction::triggered, menu, [chosen, p] { chosen(p); });
    }
}

QString fieldOfFinding(const QString& code)
{
    static const QHash<QString, QString> fields = {
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("name-taken"), QStringLiteral("name")},
        {QStringLiteral("environment"), QStringLiteral("environment")},
        {QStringLiteral("ttl"), QStringLiteral("ttl")},
        {QStringLiteral("api-key"), QStringLiteral("apiKey")},
        {QStringLiteral("api-secret"), QStringLiteral("apiSecret")},
        {QStringLiteral("short-secret"), QStringLiteral("apiSecret")},
        {QStringLiteral("server-url"), QStringLiteral("serverUrl")},
        {QStringLiteral("app-id"), QStringLiteral("appId")},
        {QStringLiteral("server-secret"), QStringLiteral("serverSecret")},
        {QStringLiteral("cipher"), QStringLiteral("cipher")},
        {QStringLiteral("key-id"), QStringLiteral("keyId")},
        {QStringLiteral("private-key"), QStringLiteral("privateKey")},
        {QStringLiteral("private-key-missing"), QStringLiteral("privateKey")},
        {QStringLiteral("credentials"), QStringLiteral("appSecret")}, // Jitsi: "give the app_secret or a private key"
        {QStringLiteral("sub-cannot-match"), QStringLiteral("subject")},
        {QStringLiteral("sub-not-domain"), QStringLiteral("subject")},
    };
    return fields.value(code);
}

} // namespace td::ui
