// SPDX-License-Identifier: MIT
#include "core/providers/Registry.h"

#include "core/providers/agora/AgoraModule.h"
#include "core/providers/hms/HmsModule.h"
#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/livekit/LiveKitModule.h"
#include "core/providers/stream/StreamModule.h"
#include "core/providers/twilio/TwilioModule.h"
#include "core/providers/vonage/VonageModule.h"
#include "core/providers/zego/ZegoModule.h"

namespace td {

const QList<const ProviderModule*>& providerModules()
{
    // One line per module: adding a provider adds its line here.
    static const QList<const ProviderModule*> modules{
        &livekit::module(), &zego::module(), &jitsi::jaasModule(), &jitsi::selfHostedModule(), &stream::module(),
        &twilio::module(),  &hms::module(),  &agora::module(),     &vonage::vonageModule(),    &vonage::openTokModule(),
    };
    return modules;
}

QString providerDisplayNames()
{
    QStringList names;
    for (const ProviderModule* module : providerModules())
        names << providerDisplayName(module->id());
    return names.join(QStringLiteral(", "));
}

QString providerVariablePrefixes()
{
    QStringList prefixes;
    for (const ProviderModule* module : providerModules()) {
        for (const EnvironmentVariable& v : module->environmentVariables()) {
            const QString name = QLatin1String(v.variable);
            const QString prefix = name.left(name.indexOf(QLatin1Char('_')) + 1) + QLatin1Char('*');
            if (!prefixes.contains(prefix))
                prefixes << prefix;
        }
    }
    return prefixes.join(QStringLiteral(", "));
}

const ProviderModule* findModule(Provider provider)
{
    for (const ProviderModule* module : providerModules()) {
        if (module->id() == provider)
            return module;
    }
    return nullptr;
}

} // namespace td
