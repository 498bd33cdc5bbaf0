// SPDX-License-Identifier: MIT
#include "core/batch/ReportFormat.h"

#include <QFileInfo>

namespace td::batch {
namespace {

struct Extension {
    QLatin1String suffix;
    Format format = Format::Csv;
};

// The one table of extensions: batch rows and matrix reports share CSV's ".csv", nothing else.
constexpr Extension kRowExtensions[] = {
    {QLatin1String("csv"), Format::Csv},    {QLatin1String("tsv"), Format::Csv},
    {QLatin1String("txt"), Format::Csv},    {QLatin1String("json"), Format::Json},
    {QLatin1String("jsonl"), Format::Json}, {QLatin1String("ndjson"), Format::Json},
};
constexpr Extension kMatrixExtensions[] = {
    {QLatin1String("html"), Format::Html},   {QLatin1String("htm"), Format::Html},
    {QLatin1String("md"), Format::Markdown}, {QLatin1String("markdown"), Format::Markdown},
    {QLatin1String("csv"), Format::Csv},
};

} // namespace

std::optional<Format> chooseFormat(const QString& path, FileUse use)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const auto pick = [&](const auto& table) -> std::optional<Format> {
        for (const Extension& e : table) {
            if (suffix == e.suffix)
                return e.format;
        }
        return std::nullopt;
    };
    return use == FileUse::Rows ? pick(kRowExtensions) : pick(kMatrixExtensions);
}

} // namespace td::batch
