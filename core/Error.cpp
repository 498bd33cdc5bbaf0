// SPDX-License-Identifier: MIT
#include "core/Error.h"

namespace td {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
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
