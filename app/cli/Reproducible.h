// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"

#include <QByteArray>
#include <QCommandLineParser>

#include <optional>

namespace td::cli {

struct Reproducible {
    std::optional<FixedClock> fixedClock;
    std::optional<QByteArray> seed;
};

/** Reads --clock (ISO 8601 like 2026-01-01T00:00:00Z, or Unix seconds) and --seed. */
Result<Reproducible> reproducibleOptions(const QCommandLineParser& parser);

} // namespace td::cli
