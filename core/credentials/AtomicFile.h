// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace td::credentials {

/** Replaces `path` atomically (temporary file + rename), mode 0600; the previous file survives any failure. */
Result<void> writeFileAtomically(const QString& path, const QByteArray& data);

/** Test seam: when set and returning true, writeFileAtomically stops after writing, before the rename. */
std::function<bool()>& atomicWriteInterruptHook();

} // namespace td::credentials
