// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace td::crypto {

/** Standard base64 (RFC 4648 section 4) with '=' padding. */
QByteArray base64Encode(QByteArrayView data);
/** Base64url (RFC 4648 section 5) without padding, as JWS requires. */
QByteArray base64UrlEncode(QByteArrayView data);

/** Strict standard base64: padding required, no whitespace, no URL-safe characters, canonical trailing bits. */
Result<QByteArray> base64Decode(QByteArrayView text);
/** Strict base64url: no padding, no whitespace, canonical trailing bits. */
Result<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace td::crypto
