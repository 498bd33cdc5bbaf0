// SPDX-License-Identifier: MIT
#include "core/jwt/Jwt.h"

#include "core/crypto/Base64.h"
#include "core/json/JsonNumber.h"

#include <QDateTime>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace td::jwt {
namespace {

Result<QJsonObject> parseSegmentJson(const QByteArray& bytes, const char* what)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the %1 is not valid JSON (%2 at offset %3)"),
                    QString::fromLatin1(what), err.errorString(), err.offset);
    if (!doc.isObject())
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "the %1 is JSON but not an object"),
                    QString::fromLatin1(what));
    return doc.object();
}

Result<QByteArray> decodeSegment(QByteArrayView segment, const char* what)
{
    if (segment.contains('='))
        return fail(
            ErrorCode::MalformedToken,
            QT_TRANSLATE_NOOP("td::Error",
                              "the %1 segment has '=' padding, which JWS forbids (LiveKit's Go parser rejects it)"),
            QString::fromLatin1(what));
    auto bytes = crypto::base64UrlDecode(segment);
    if (!bytes)
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "the %1 segment is not base64url: %2"),
                    QString::fromLatin1(what), bytes.error().message);
    return bytes;
}

QString utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

JwtBuilder::JwtBuilder() : m_header(OrderedJson::object()), m_payload(OrderedJson::object())
{
    m_header.insert(QStringLiteral("alg"), QString());
}

JwtBuilder& JwtBuilder::setHeader(const QString& key, OrderedJson value)
{
    m_header.insert(key, std::move(value));
    return *this;
}

Result<QByteArray> JwtBuilder::sign(const JwtSigner& signer)
{
    m_header.insert(QStringLiteral("alg"), signer.name());
    QByteArray token = crypto::base64UrlEncode(m_header.serialize());
    token.append('.');
    token.append(crypto::base64UrlEncode(m_payload.serialize()));
    auto sig = signer.sign(token);
    if (!sig)
        return std::unexpected(sig.error());
    if (sig->isEmpty())
        return fail(ErrorCode::Crypto, QT_TRANSLATE_NOOP("td::Error", "signing produced no signature"));
    token.append('.');
    token.append(crypto::base64UrlEncode(*sig));
    return token;
}

Result<DecodedJwt> decode(QByteArrayView input)
{
    const QByteArrayView token = input.trimmed();
    if (token.isEmpty())
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "the token is empty"));
    if (token.size() > kMaxTokenSize)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the token is %1 bytes, more than the %2 accepted"), token.size(),
                    kMaxTokenSize);
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
        const qsizetype parts = token.count('.') + 1;
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "a JWT has 3 segments separated by '.', this has %1"), parts);
    }
    DecodedJwt out;
    const QByteArrayView headerSeg = token.first(dot1);
    const QByteArrayView payloadSeg = token.sliced(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView sigSeg = token.sliced(dot2 + 1);

    auto header = decodeSegment(headerSeg, "header");
    if (!header)
        return std::unexpected(header.error());
    auto payload = decodeSegment(payloadSeg, "payload");
    if (!payload)
        return std::unexpected(payload.error());
    auto sig = decodeSegment(sigSeg, "signature");
    if (!sig)
        return std::unexpected(sig.error());

    auto headerObj = parseSegmentJson(*header, "header");
    if (!headerObj)
        return std::unexpected(headerObj.error());
    auto payloadObj = parseSegmentJson(*payload, "payload");
    if (!payloadObj)
        return std::unexpected(payloadObj.error());

    out.headerJson = std::move(*header);
    out.payloadJson = std::move(*payload);
    out.header = std::move(*headerObj);
    out.payload = std::move(*payloadObj);
    out.signature = std::move(*sig);
    out.signingInput = token.first(dot2).toByteArray();
    out.algorithm = out.header.value(QStringLiteral("alg")).toString();
    return out;
}

Result<void> JwtVerifier::verifySignature(const DecodedJwt& token, const JwtSigner& key) const
{
    if (!token.header.value(QStringLiteral("alg")).isString())
        return fail(ErrorCode::UnsupportedAlgorithm,
                    QT_TRANSLATE_NOOP("td::Error", "the header has no \"alg\" string"));
    if (token.algorithm.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        return fail(
            ErrorCode::AlgorithmNotAllowed,
            QT_TRANSLATE_NOOP("td::Error", "\"alg\": \"none\" means unsigned; unsigned tokens are never accepted"));
    const auto alg = parseAlgorithm(token.algorithm);
    if (!alg)
        return fail(
            ErrorCode::UnsupportedAlgorithm,
            QT_TRANSLATE_NOOP("td::Error", "algorithm \"%1\" is not supported (HS256, HS384, HS512, RS256 are)"),
            token.algorithm.left(20));
    if (!m_options.algorithms.contains(*alg)) {
        QStringList allowed;
        for (Algorithm a : m_options.algorithms)
            allowed << algorithmName(a);
        return fail(ErrorCode::AlgorithmNotAllowed,
                    QT_TRANSLATE_NOOP("td::Error", "algorithm %1 is not allowed here (expected %2)"), token.algorithm,
                    allowed.join(QStringLiteral(", ")));
    }
    if (token.signature.isEmpty())
        return fail(ErrorCode::BadSignature, QT_TRANSLATE_NOOP("td::Error", "the signature segment is empty"));
    return key.verify(*alg, token.signingInput, token.signature);
}

Result<void> JwtVerifier::verifyClaims(const DecodedJwt& token) const
{
    const qint64 now = m_clock.nowSeconds();
    const qint64 leeway = m_options.leewaySeconds;
    const QJsonValue exp = token.payload.value(QStringLiteral("exp"));
    if (exp.isUndefined()) {
        if (m_options.requireExpiry)
            return fail(ErrorCode::MissingClaim,
                        QT_TRANSLATE_NOOP("td::Error", "the token has no \"exp\" (expiry) claim"));
    } else if (!exp.isDouble()) {
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "\"exp\" must be a number of seconds"));
    } else if (now >= json::claimSeconds(exp) + leeway) {
        return fail(ErrorCode::TokenExpired,
                    QT_TRANSLATE_NOOP("td::Error", "the token expired at %1 (now %2, leeway %3 s)"),
                    utc(json::claimSeconds(exp)), utc(now), leeway);
    }
    const QJsonValue nbf = token.payload.value(QStringLiteral("nbf"));
    if (!nbf.isUndefined()) {
        if (!nbf.isDouble())
            return fail(ErrorCode::MalformedToken,
                        QT_TRANSLATE_NOOP("td::Error", "\"nbf\" must be a number of seconds"));
        if (now + leeway < json::claimSeconds(nbf))
            return fail(ErrorCode::TokenNotYetValid,
                        QT_TRANSLATE_NOOP("td::Error", "the token is not valid before %1 (now %2, leeway %3 s)"),
                        utc(json::claimSeconds(nbf)), utc(now), leeway);
    }
    if (m_options.issuer) {
        const QJsonValue iss = token.payload.value(QStringLiteral("iss"));
        if (!iss.isString())
            return fail(ErrorCode::MissingClaim,
                        QT_TRANSLATE_NOOP("td::Error", "the token has no \"iss\" (issuer) claim"));
        if (iss.toString() != *m_options.issuer)
            return fail(ErrorCode::ClaimMismatch,
                        QT_TRANSLATE_NOOP("td::Error", "issuer \"%1\" is not the expected \"%2\""), iss.toString(),
                        *m_options.issuer);
    }
    if (m_options.audience) {
        const QJsonValue aud = token.payload.value(QStringLiteral("aud"));
        bool ok = aud.toString() == *m_options.audience;
        if (aud.isArray())
            ok = aud.toArray().contains(QJsonValue(*m_options.audience));
        if (aud.isUndefined())
            return fail(ErrorCode::MissingClaim,
                        QT_TRANSLATE_NOOP("td::Error", "the token has no \"aud\" (audience) claim"));
        if (!ok)
            return fail(ErrorCode::ClaimMismatch, QT_TRANSLATE_NOOP("td::Error", "audience is not the expected \"%1\""),
                        *m_options.audience);
    }
    return {};
}

Result<void> JwtVerifier::verify(const DecodedJwt& token, const JwtSigner& key) const
{
    if (auto sig = verifySignature(token, key); !sig)
        return sig;
    return verifyClaims(token);
}

} // namespace td::jwt
