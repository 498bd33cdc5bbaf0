// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/json/OrderedJson.h"
#include "core/jwt/JwtSigner.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace td::jwt {

/** Tokens larger than this are refused before any parsing. */
inline constexpr qsizetype kMaxTokenSize = qsizetype{64} * 1024;

/** Builds and signs a compact JWS. Header and payload keep insertion order. */
class JwtBuilder final {
public:
    JwtBuilder();
    /** Sets a protected header member; "alg" is always set from the signer, first. */
    JwtBuilder& setHeader(const QString& key, OrderedJson value);
    OrderedJson& payload() { return m_payload; }
    const OrderedJson& payload() const { return m_payload; }
    const OrderedJson& header() const { return m_header; }
    /** Sets "alg" from the signer, signs, and returns header.payload.signature. */
    Result<QByteArray> sign(const JwtSigner& signer);

private:
    OrderedJson m_header;
    OrderedJson m_payload;
};

/** A token split and parsed; signature not checked. */
struct DecodedJwt {
    QByteArray headerJson;  // decoded header bytes as transmitted
    QByteArray payloadJson; // decoded payload bytes as transmitted
    QJsonObject header;
    QJsonObject payload;
    QByteArray signature;
    QByteArray signingInput; // the first two segments, what was signed
    QString algorithm;       // header "alg" verbatim ("" when absent or not a string)
};

/** Splits and parses a compact JWS. Never throws; every malformation is a MalformedToken error saying what. */
Result<DecodedJwt> decode(QByteArrayView token);

struct VerifyOptions {
    QList<Algorithm> algorithms; // explicit allow-list; "none" can never be listed
    qint64 leewaySeconds = 0;    // tolerance for exp and nbf
    bool requireExpiry = false;
    std::optional<QString> issuer = std::nullopt;   // when set, iss must equal it
    std::optional<QString> audience = std::nullopt; // when set, aud (string or array) must contain it
};

/** Checks signature, algorithm and registered time/issuer/audience claims against an injected clock. */
class JwtVerifier final {
public:
    JwtVerifier(const Clock& clock, VerifyOptions options) : m_clock(clock), m_options(std::move(options)) {}
    Result<void> verify(const DecodedJwt& token, const JwtSigner& key) const;
    /** Signature and algorithm only. */
    Result<void> verifySignature(const DecodedJwt& token, const JwtSigner& key) const;
    /** exp / nbf / iss / aud only. */
    Result<void> verifyClaims(const DecodedJwt& token) const;

private:
    const Clock& m_clock;
    VerifyOptions m_options;
};

} // namespace td::jwt
