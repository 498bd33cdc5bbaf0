// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

#include <QList>

namespace td {

/** Every provider module, in the order lists and menus show them (and detection breaks ties in). */
const QList<const ProviderModule*>& providerModules();

/** The module of a provider; nullptr for Provider::Unknown. */
const ProviderModule* findModule(Provider provider);

} // namespace td
