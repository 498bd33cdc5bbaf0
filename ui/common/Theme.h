// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace td::ui {

/**
 * Light, Dark or the system's look ("light", "dark", "system"), applied to the whole application at once. Light and
 * Dark use the Fusion style with a palette of their own; every colour the pages draw with comes from the palette
 * (toneColor, environment badges), so both read well. Keyboard focus gets a visible ring in all three.
 */
void applyTheme(const QString& theme);

} // namespace td::ui
