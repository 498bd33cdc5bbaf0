// SPDX-License-Identifier: MIT
#include "core/providers/Registry.h"

#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/livekit/LiveKitModule.h"
#include "core/providers/zego/ZegoModule.h"

namespace td {

const QList<const ProviderModule*>& providerModules()
{
    // One line per module: adding a provider adds its line here.
    static const QList<const ProviderModule*> modules{
        &livekit::module(),
        &zego::module(),
        &jitsi::jaasModule(),
        &jitsi::selfHostedModule(),
    };
    return modules;
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
