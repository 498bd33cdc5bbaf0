// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/MintedToken.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace td::zego {

/** The two binary layouts of Token04 (spec 2.3, 2.4). GCM is what the newest official generator writes. */
enum class Layout { Gcm, Cbc };

QString layoutName(Layout layout);
std::optional<Layout> parseLayout(const QString& name);

inline constexpr qint64 kDefaultEffectiveSeconds = 3600;
inline constexpr qsizetype kMaxUserIdLength = 64;

struct Token04Request {
    quint32 appId = 0;
    QString userId;
    crypto::SecretByteArray serverSecret; // the 32 characters, used as the AES-256 key as-is
    qint64 effectiveSeconds = kDefaultEffectiveSeconds;
    QString payload; // "" for a basic token; a privilege JSON (ZegoPrivilege) or anything else
    Layout layout = Layout::Gcm;
    // Injected by tests and reproducible runs only; otherwise drawn from the CSPRNG.
    std::optional<qint32> nonce;
    std::optional<QByteArray> iv; // 16 bytes for CBC, 12 for GCM
    crypto::RandomSource random;  // where nonce and IV come from when not injected; unset = the CSPRNG
};

/** The input checks every official generator makes, with their error codes and messages (spec 2.1). */
Result<void> validateRequest(const Token04Request& request);

/** Mints a Token04 ("04" + base64 of the binary layout). */
Result<MintedToken> mintToken04(const Token04Request& request, const Clock& clock);

/** The unencrypted envelope of a Token04: what can be read without the secret. */
struct Token04Envelope {
    Layout layout = Layout::Gcm;
    qint64 expire = 0;
    QByteArray iv;
    QByteArray ciphertext; // for GCM including the 16-byte tag
    qsizetype binarySize = 0;
};

/** Parses the envelope with bounds checks on every field; never throws. */
Result<Token04Envelope> parseToken04(QByteArrayView token);

struct Token04Plaintext {
    QByteArray json;
    QJsonObject object;
    quint32 appId = 0;
    QString userId;
    qint64 nonce = 0;
    qint64 ctime = 0;
    qint64 expire = 0;
    std::optional<QString> payload; // absent in UIKit test tokens
};

/** Decrypts and parses the plaintext; a wrong secret gives ZegoDecryptFailed. */
Result<Token04Plaintext> decryptToken04(const Token04Envelope& envelope, QByteArrayView serverSecret);

} // namespace td::zego
