// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretBytes.h"

#include <QString>

namespace td::cli {

/** Reads a secret from the terminal without echo; an error when stdin is not a terminal. */
Result<crypto::SecretBytes> promptSecret(const QString& prompt);

} // namespace td::cli
