// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <expected>

namespace td {

/** Stable error codes: the CLI maps them to exit codes, the server to HTTP statuses, the UI to translated text. */
enum class ErrorCode {
    InvalidArgument, // a caller-supplied value is out of range or malformed
    Crypto,          // an OpenSSL operation failed unexpectedly
    // Base64 / JSON
    InvalidBase64,
    InvalidJson,
    // PEM and keys
    EmptyKey,
    PemMissingHeader,
    PemMissingFooter,
    PemTextBeforeHeader,
    PemInvalidBase64,
    PemTruncated,
    KeyEncrypted,
    WrongPassphrase,
    NotRsaKey,
    KeyTooSmall,
    PublicKeyGiven,
    UnsupportedKeyFormat,
    // JWT
    MalformedToken,
    UnsupportedAlgorithm,
    AlgorithmNotAllowed,
    AlgorithmConfusion,
    KeyTypeMismatch,
    BadSignature,
    TokenExpired,
    TokenNotYetValid,
    MissingClaim,
    ClaimMismatch,
    // Provider-specific input checks
    ZegoAppIdInvalid,
    ZegoUserIdInvalid,
    ZegoSecretInvalid,
    ZegoEffectiveTimeInvalid,
    ZegoDecryptFailed,
    // Process
    ProcessHardeningFailed, // core dumps could not be turned off
};

/** An error value: a stable code plus a human-readable detail that never contains secret material. */
struct Error {
    ErrorCode code;
    QString message;
};

template <typename T> using Result = std::expected<T, Error>;

/** Shorthand for returning an error from a function yielding Result<T>. */
inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected<Error>(Error{code, std::move(message)});
}

/** The code's stable name, used in JSON output ("bad_signature"). */
QString errorCodeName(ErrorCode code);

} // namespace td
