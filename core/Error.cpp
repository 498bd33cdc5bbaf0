// SPDX-License-Identifier: MIT
#include "core/Error.h"

#include <QCoreApplication>

namespace td {

QString fillErrorText(const QString& text, const QStringList& args)
{
    QString out;
    out.reserve(text.size() + 16 * args.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            qsizetype end = i + 1;
            int number = 0;
            while (end < text.size() && text.at(end).isDigit() && number < 100)
                number = number * 10 + text.at(end++).digitValue();
            if (number >= 1 && number <= args.size()) {
                out += args.at(number - 1);
                i = end - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

Error makeError(ErrorCode code, const char* text, QStringList args)
{
    QString message = fillErrorText(QString::fromUtf8(text), args);
    return Error{code, std::move(message), {}, text, std::move(args)};
}

QString localizedMessage(const QString& message, const char* text, const QStringList& args, const char* context)
{
    if (!text)
        return message;
    const QString english = fillErrorText(QString::fromUtf8(text), args);
    if (!message.endsWith(english))
        return message; // reworded on the way up: only the English whole is right
    const QString translated = fillErrorText(QCoreApplication::translate(context, text), args);
    return message.left(message.size() - english.size()) + translated;
}

QString Error::localized() const
{
    return localizedMessage(message, text, args, context);
}

QString Error::localizedDetail() const
{
    const QString all = localized();
    const QString prefix = field + QStringLiteral(": ");
    return !field.isEmpty() && all.startsWith(prefix) ? all.mid(prefix.size()) : all;
}

Error Error::in(const QString& prefix) const
{
    Error out = *this;
    out.message = prefix + message;
    return out;
}

Error Error::at(const QString& path) const
{
    Error out = in(path + QStringLiteral(": "));
    out.field = field.isEmpty() ? path : path + QLatin1Char('.') + field;
    return out;
}

int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound: return 404;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::FileError:
    case ErrorCode::SecretStoreError:
    case ErrorCode::Crypto:
    case ErrorCode::ProcessHardeningFailed:
    // The endpoint's own key or secret: the client is told only that the endpoint cannot mint.
    case ErrorCode::EmptyKey:
    case ErrorCode::PemMissingHeader:
    case ErrorCode::PemMissingFooter:
    case ErrorCode::PemTextBeforeHeader:
    case ErrorCode::PemInvalidBase64:
    case ErrorCode::PemTruncated:
    case ErrorCode::KeyEncrypted:
    case ErrorCode::WrongPassphrase:
    case ErrorCode::NotRsaKey:
    case ErrorCode::KeyTooSmall:
    case ErrorCode::PublicKeyGiven:
    case ErrorCode::UnsupportedKeyFormat:
    case ErrorCode::ZegoAppIdInvalid:
    case ErrorCode::ZegoSecretInvalid: return 500;
    default: return 400;
    }
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::MissingValue: return QStringLiteral("missing_value");
    case ErrorCode::InvalidValue: return QStringLiteral("invalid_value");
    case ErrorCode::OutOfRange: return QStringLiteral("out_of_range");
    case ErrorCode::UnknownField: return QStringLiteral("unknown_field");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::NotApplicable: return QStringLiteral("not_applicable");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::FileError: return QStringLiteral("file_error");
    case ErrorCode::SecretStoreError: return QStringLiteral("secret_store_error");
    case ErrorCode::Crypto: return QStringLiteral("crypto");
    case ErrorCode::InvalidBase64: return QStringLiteral("invalid_base64");
    case ErrorCode::InvalidJson: return QStringLiteral("invalid_json");
    case ErrorCode::EmptyKey: return QStringLiteral("empty_key");
    case ErrorCode::PemMissingHeader: return QStringLiteral("pem_missing_header");
    case ErrorCode::PemMissingFooter: return QStringLiteral("pem_missing_footer");
    case ErrorCode::PemTextBeforeHeader: return QStringLiteral("pem_text_before_header");
    case ErrorCode::PemInvalidBase64: return QStringLiteral("pem_invalid_base64");
    case ErrorCode::PemTruncated: return QStringLiteral("pem_truncated");
    case ErrorCode::KeyEncrypted: return QStringLiteral("key_encrypted");
    case ErrorCode::WrongPassphrase: return QStringLiteral("wrong_passphrase");
    case ErrorCode::NotRsaKey: return QStringLiteral("not_rsa_key");
    case ErrorCode::KeyTooSmall: return QStringLiteral("key_too_small");
    case ErrorCode::PublicKeyGiven: return QStringLiteral("public_key_given");
    case ErrorCode::UnsupportedKeyFormat: return QStringLiteral("unsupported_key_format");
    case ErrorCode::MalformedToken: return QStringLiteral("malformed_token");
    case ErrorCode::UnsupportedAlgorithm: return QStringLiteral("unsupported_algorithm");
    case ErrorCode::AlgorithmNotAllowed: return QStringLiteral("algorithm_not_allowed");
    case ErrorCode::AlgorithmConfusion: return QStringLiteral("algorithm_confusion");
    case ErrorCode::KeyTypeMismatch: return QStringLiteral("key_type_mismatch");
    case ErrorCode::BadSignature: return QStringLiteral("bad_signature");
    case ErrorCode::TokenExpired: return QStringLiteral("token_expired");
    case ErrorCode::TokenNotYetValid: return QStringLiteral("token_not_yet_valid");
    case ErrorCode::MissingClaim: return QStringLiteral("missing_claim");
    case ErrorCode::ClaimMismatch: return QStringLiteral("claim_mismatch");
    case ErrorCode::ZegoAppIdInvalid: return QStringLiteral("zego_app_id_invalid");
    case ErrorCode::ZegoUserIdInvalid: return QStringLiteral("zego_user_id_invalid");
    case ErrorCode::ZegoSecretInvalid: return QStringLiteral("zego_secret_invalid");
    case ErrorCode::ZegoEffectiveTimeInvalid: return QStringLiteral("zego_effective_time_invalid");
    case ErrorCode::ZegoDecryptFailed: return QStringLiteral("zego_decrypt_failed");
    case ErrorCode::ProcessHardeningFailed: return QStringLiteral("process_hardening_failed");
    }
    return QStringLiteral("unknown");
}

} // namespace td
