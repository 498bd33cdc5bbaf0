// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace td::batch {

/** A file format that batch rows or a permission-matrix report are read or written in. */
enum class Format { Csv, Json, Markdown, Html };

/** What a file holds; each use has its own formats. */
enum class FileUse {
    Rows,         ///< batch input and output: .csv .tsv .txt (CSV), .json .jsonl .ndjson (JSON)
    MatrixReport, ///< a permission matrix: .csv (CSV), .md .markdown (Markdown), .html .htm (HTML)
};

/** The format `path`'s extension (any case) names for `use`; nullopt when that use has no format for it. */
std::optional<Format> chooseFormat(const QString& path, FileUse use);

} // namespace td::batch
