// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"

namespace td::settings {
class Settings;
}
namespace td::history {
class HistoryStore;
}

namespace td::ui {

class ClipboardGuard;
class Dialogs;
class ProfileService;

/**
 * What every page needs, built once by the composition root (app/gui/main.cpp) or by a test, and passed to the
 * pages' constructors. Pages never reach for globals.
 */
struct AppContext {
    const Clock& clock;
    settings::Settings& settings;
    ProfileService& profiles;
    history::HistoryStore& history;
    ClipboardGuard& clipboard;
    Dialogs& dialogs;
};

} // namespace td::ui
