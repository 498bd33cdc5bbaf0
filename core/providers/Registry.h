// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

#include <QList>

namespace td {

/** Every provider module, in the order lists and menus show them (and detection breaks ties in). */
const QList<const ProviderModule*>& providerModules();

/** The providers' names as people know them, in registry order ("LiveKit, ZEGOCLOUD, JaaS, Jitsi, Stream"). */
QString providerDisplayNames();
/** The prefixes of the providers' standard variables ("LIVEKIT_*, ZEGO_*, …"), in registry order. */
QString providerVariablePrefixes();
/** The module of a provider; nullptr for Provider::Unknown. */
const ProviderModule* findModule(Provider provider);

} // namespace td
