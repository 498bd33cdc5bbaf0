// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::zego {

/** The ZEGOCLOUD module (Token04 CBC/GCM, room privileges, Kit Token). */
const ProviderModule& module();

/** An AppID as Zego needs it: a non-zero 32-bit number. */
Result<quint32> parseAppId(const QString& text);

} // namespace td::zego
