// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <expected>

namespace td {

/**
 * Stable error codes. One mapping each turns them into a CLI exit code (app/cli), an HTTP status (httpStatus()) and,
 * with the error's text and arguments, words in the user's language (Error::localized()).
 */
enum class ErrorCode {
    // A value the caller gave
    MissingValue,  // a value that is needed is empty or absent
    InvalidValue,  // a value is malformed or not one of those allowed
    OutOfRange,    // a number, duration or length outside its bounds
    UnknownField,  // a field, key, column or option nobody knows
    Conflict,      // two values contradict each other, or one is given twice
    NotApplicable, // a value that does not apply to this provider, profile or endpoint
    NotFound,      // a named thing (profile, entry, variable) does not exist
    AlreadyExists, // a named thing exists already
    // Files and stores
    FileError,        // a file could not be read, written or replaced
    SecretStoreError, // the keychain or the vault refused
    Crypto,           // an OpenSSL operation failed unexpectedly
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

/**
 * An error value; never contains secret material.
 *
 * `message` is the whole English sentence as the CLI and the server print it. Where the error was raised with a
 * marked text (fail(code, QT_TRANSLATE_NOOP("td::Error", "..."), args...)), `text` is that English template and
 * `args` its %1..%n, so localized() can give the same sentence in the user's language; anything put in front of it
 * on the way up (a field path, a file name: in(), at()) is kept as written. `field` is the path of the value at
 * fault where one applies ("endpoints[1].policy.maxTtl", "room", "ttl"), so a form can place the error.
 */
struct Error {
    ErrorCode code;
    QString message;
    QString field = {};
    const char* text = nullptr;
    QStringList args = {};
    const char* context = "td::Error"; // the translation context of `text` ("td::Finding" for a finding's)

    /** The message in the application's language (QCoreApplication::translate in `context`). */
    QString localized() const;
    /** localized() without the "field: " in front, for a form that shows the error beside the field. */
    QString localizedDetail() const;
    /** The same error with `prefix` put in front of the message ("JAAS_PRIVATE_KEY: ..."). */
    Error in(const QString& prefix) const;
    /** The same error about the value at `path`: "path: message", and `field` becomes path (outer path first). */
    Error at(const QString& path) const;
};

template <typename T> using Result = std::expected<T, Error>;

namespace detail {
inline QString errorArg(const QString& s)
{
    return s;
}
template <typename T> QString errorArg(const T& value)
{
    return QStringLiteral("%1").arg(value);
}
} // namespace detail

/**
 * `message` in the application's language: the translation of `text` (in `context`) with `args`, after whatever
 * was put in front of it on the way up; `message` itself when there is no text or the message was reworded.
 */
QString localizedMessage(const QString& message, const char* text, const QStringList& args, const char* context);

/** `text` with %1..%n replaced by `args` in one pass (a %n without an argument stays as it is). */
QString fillErrorText(const QString& text, const QStringList& args);

/** An error raised with a marked English text and its arguments. */
Error makeError(ErrorCode code, const char* text, QStringList args = {});

/** Returns an error from a function yielding Result<T>, with a text marked QT_TRANSLATE_NOOP("td::Error", ...). */
template <typename... Args> std::unexpected<Error> fail(ErrorCode code, const char* text, const Args&... args)
{
    return std::unexpected<Error>(makeError(code, text, QStringList{detail::errorArg(args)...}));
}

/** Returns an error whose message is built elsewhere (shown in English in every language). */
inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected<Error>(Error{code, std::move(message)});
}

/** Passes an error up unchanged: `return fail(std::move(result).error());` */
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

/** The code's stable name, used in JSON output ("bad_signature"). */
QString errorCodeName(ErrorCode code);

/** The HTTP status a server answers with when a request fails with this code (400, 404, 409 or 500). */
int httpStatus(ErrorCode code);

} // namespace td
