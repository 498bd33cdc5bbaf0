// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStore.h"
#include "core/history/HistoryStore.h"
#include "core/settings/Settings.h"
#include "tests/support/ScriptedDialogs.h"
#include "ui/common/AppContext.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProfileService.h"

#include <QGuiApplication>
#include <QSettings>
#include <QTemporaryDir>

namespace td::test {

/** A whole AppContext over a temporary directory: fixed clock, INI settings, in-memory secrets, scripted dialogs. */
struct TestContext {
    explicit TestContext(qint64 now = 1700000000) : clock(now) {}

    QTemporaryDir dir;
    FixedClock clock;
    QSettings qsettings{dir.path() + QStringLiteral("/settings.ini"), QSettings::IniFormat};
    settings::Settings settings{qsettings};
    credentials::ProfileStore profileStore{dir.path()};
    credentials::MemorySecretStore secrets;
    ui::ProfileService profiles{profileStore, secrets};
    history::HistoryStore history{dir.path() + QStringLiteral("/history.jsonl")};
    ui::ClipboardGuard clipboard{QGuiApplication::clipboard(), [this] { return settings.clipboardClearSeconds(); }};
    ScriptedDialogs dialogs;
    ui::AppContext context{clock, settings, profiles, history, clipboard, dialogs};
};

} // namespace td::test
