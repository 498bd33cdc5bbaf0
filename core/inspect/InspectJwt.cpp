// SPDX-License-Identifier: MIT
// JWT half of the inspector: LiveKit, JaaS and self-hosted Jitsi.
#include "core/inspect/TokenInspector.h"

#include "core/Duration.h"
#include "core/jwt/Jwt.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/livekit/LiveKitToken.h"
#include "core/json/JsonNumber.h"

namespace td {
namespace {

Provider detectProvider(const jwt::DecodedJwt& t)
{
    const QJsonObject& p = t.payload;
    if (p.value(QStringLiteral("sub")).toString().startsWith(QStringLiteral("vpaas-magic-cookie")) ||
        t.header.value(QStringLiteral("kid")).toString().startsWith(QStringLiteral("vpaas-magic-cookie")))
        return Provider::Jaas;
    for (const char* key : {"video", "sip", "agent", "inference", "observability", "roomConfig", "roomPreset", "sha256",
                            "kind", "attributes"}) {
        if (p.contains(QLatin1String(key)))
            return Provider::LiveKit;
    }
    if (p.contains(QStringLiteral("context")) || p.contains(QStringLiteral("aud")) ||
        p.contains(QStringLiteral("room")))
        return Provider::Jitsi;
    if (p.value(QStringLiteral("iss")).isString())
        return Provider::LiveKit; // a grant-less server API token
    return Provider::Unknown;
}

void lintTimes(const jwt::DecodedJwt& t, Provider provider, qint64 now, qint64 leeway, QList<Finding>& out)
{
    const QJsonValue exp = t.payload.value(QStringLiteral("exp"));
    const QJsonValue nbf = t.payload.value(QStringLiteral("nbf"));
    if (exp.isUndefined()) {
        if (provider == Provider::LiveKit)
            addFinding(
                out, Severity::Warning, "missing-exp",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "no exp: the token never expires; LiveKit servers after protocol v1.50.4 refuse it"));
    } else if (!exp.isDouble()) {
        addFinding(out, Severity::Error, "exp-not-number",
                   QT_TRANSLATE_NOOP("td::Finding", "exp must be a number of seconds"));
    } else if (now >= json::claimSeconds(exp) + leeway) {
        addFinding(out, Severity::Error, "expired",
                   QT_TRANSLATE_NOOP("td::Finding", "expired %1 (verifier leeway %2 s)"),
                   formatRelative(json::claimSeconds(exp), now), leeway);
    } else if (now >= json::claimSeconds(exp)) {
        // Still accepted, but only thanks to the verifier's grace period: say so rather than call it simply valid.
        addFinding(out, Severity::Warning, "expired-within-leeway",
                   QT_TRANSLATE_NOOP("td::Finding", "expired %1, accepted by %2's %3 s leeway for %4 s more"),
                   formatRelative(json::claimSeconds(exp), now), providerDisplayName(provider), leeway,
                   json::claimSeconds(exp) + leeway - now);
    }
    if (!nbf.isUndefined()) {
        if (!nbf.isDouble())
            addFinding(out, Severity::Error, "nbf-not-number",
                       QT_TRANSLATE_NOOP("td::Finding", "nbf must be a number of seconds"));
        else if (now + leeway < json::claimSeconds(nbf))
            addFinding(
                out, Severity::Error, "not-yet-valid",
                QT_TRANSLATE_NOOP(
                    "td::Finding",
                    "not valid until %1, beyond the verifier's leeway of %2 s: check the minting machine's clock"),
                formatRelative(json::claimSeconds(nbf), now), leeway);
    }
    if (exp.isDouble() && nbf.isDouble() && exp.toDouble() <= nbf.toDouble())
        addFinding(out, Severity::Error, "exp-before-nbf",
                   QT_TRANSLATE_NOOP("td::Finding", "exp is not after nbf: never valid"));
}

void lintLiveKitEnvelope(const jwt::DecodedJwt& t, QList<Finding>& out)
{
    if (t.algorithm != QStringLiteral("HS256"))
        addFinding(out, Severity::Error, "wrong-alg",
                   QT_TRANSLATE_NOOP("td::Finding", "LiveKit servers accept only HS256, this token uses \"%1\""),
                   t.algorithm);
    if (!t.payload.value(QStringLiteral("iss")).isString())
        addFinding(
            out, Severity::Error, "missing-iss",
            QT_TRANSLATE_NOOP("td::Finding",
                              "no iss: the server finds the API secret by iss (the API key), so it answers 401"));
    const QJsonValue typ = t.header.value(QStringLiteral("typ"));
    if (!typ.isUndefined() && typ.toString() != QStringLiteral("JWT"))
        addFinding(out, Severity::Info, "unusual-typ",
                   QT_TRANSLATE_NOOP("td::Finding", "header typ \"%1\" is unusual (LiveKit ignores it)"),
                   typ.toString());
}

std::optional<jwt::JwtSigner> signerFor(const jwt::DecodedJwt& t, const VerifyCredentials& c, QList<Finding>& out)
{
    const auto alg = jwt::parseAlgorithm(t.algorithm).value_or(jwt::Algorithm::HS256);
    if (!c.secret.isEmpty()) {
        auto s = jwt::JwtSigner::hmac(jwt::isHmac(alg) ? alg : jwt::Algorithm::HS256, c.secret);
        if (!s) {
            addFinding(out, Severity::Error, errorCodeName(s.error().code).replace(QLatin1Char('_'), QLatin1Char('-')),
                       s.error());
            return std::nullopt;
        }
        return *s;
    }
    if (!c.publicKey.isNull())
        return jwt::JwtSigner::rsaPublic(c.publicKey);
    return std::nullopt;
}

} // namespace

Result<Inspection> TokenInspector::inspectJwt(const QByteArray& token, const VerifyCredentials& c) const
{
    auto decoded = jwt::decode(token);
    if (!decoded)
        return std::unexpected(decoded.error());
    const jwt::DecodedJwt& t = *decoded;
    Inspection out;
    out.header = t.header;
    out.claims = t.payload;
    out.provider = c.provider.value_or(detectProvider(t));
    if (out.provider == Provider::Zego)
        out.provider = detectProvider(t);
    const qint64 now = m_clock.nowSeconds();
    const qint64 leeway =
        c.leewaySeconds.value_or(out.provider == Provider::LiveKit ? livekit::kServerLeewaySeconds : 0);
    for (const char* name : {"iat", "nbf", "exp"})
        addTime(out, QLatin1String(name), t.payload.value(QLatin1String(name)));

    if (t.algorithm.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        addFinding(
            out.findings, Severity::Error, "alg-none",
            QT_TRANSLATE_NOOP("td::Finding", "alg \"none\": the token is unsigned and every verifier must refuse it"));
    if (t.header.contains(QStringLiteral("crit")))
        addFinding(
            out.findings, Severity::Error, "crit-header",
            QT_TRANSLATE_NOOP("td::Finding",
                              "the header lists critical extensions (crit): RFC 7515 makes a verifier refuse a token "
                              "whose critical extensions it does not understand, and livekit-server-sdk and jose do"));
    lintTimes(t, out.provider, now, leeway, out.findings);

    std::optional<jwt::Algorithm> pinned;
    switch (out.provider) {
    case Provider::LiveKit: {
        out.kind = QStringLiteral("livekit-access-token");
        lintLiveKitEnvelope(t, out.findings);
        const livekit::LiveKitClaims claims = livekit::readClaims(t.payload, out.findings);
        out.permissions = livekit::explainPermissions(claims, claims.identity);
        pinned = jwt::Algorithm::HS256;
        if (!c.apiKey.isEmpty() && t.payload.value(QStringLiteral("iss")).toString() != c.apiKey)
            addFinding(out.findings, Severity::Error, "iss-mismatch",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "iss is \"%1\", not the API key \"%2\": the server would look up another key's secret"),
                       t.payload.value(QStringLiteral("iss")).toString(), c.apiKey);
        break;
    }
    case Provider::Jaas:
        out.kind = QStringLiteral("jaas");
        out.findings += jitsi::lint(t, true);
        out.permissions = jitsi::explainPermissions(t.payload);
        pinned = jwt::Algorithm::RS256;
        break;
    case Provider::Jitsi:
        out.kind = t.algorithm.startsWith(QStringLiteral("RS")) ? QStringLiteral("jitsi-rs256")
                                                                : QStringLiteral("jitsi-hs256");
        out.findings += jitsi::lint(t, false);
        out.permissions = jitsi::explainPermissions(t.payload);
        if (!c.issuer.isEmpty() && t.payload.value(QStringLiteral("iss")).toString() != c.issuer)
            addFinding(
                out.findings, Severity::Error, "iss-mismatch",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "iss is not the app_id \"%1\": Prosody only accepts its asap_accepted_issuers"),
                c.issuer);
        if (!c.audience.isEmpty() && t.payload.value(QStringLiteral("aud")).toString() != c.audience)
            addFinding(out.findings, Severity::Error, "aud-mismatch",
                       QT_TRANSLATE_NOOP("td::Finding", "aud is not \"%1\" (asap_accepted_audiences)"), c.audience);
        break;
    case Provider::Zego:
    case Provider::Unknown:
        out.kind = QStringLiteral("jwt");
        addFinding(
            out.findings, Severity::Info, "unknown-provider",
            QT_TRANSLATE_NOOP("td::Finding", "a JWT, but neither a LiveKit, JaaS nor Jitsi token by its claims"));
        break;
    }

    std::optional<jwt::JwtSigner> signer = signerFor(t, c, out.findings);
    if (!signer)
        return out;
    jwt::VerifyOptions options;
    if (pinned)
        options.algorithms = {*pinned};
    else if (!c.secret.isEmpty())
        options.algorithms = {jwt::Algorithm::HS256, jwt::Algorithm::HS384, jwt::Algorithm::HS512};
    else
        options.algorithms = {jwt::Algorithm::RS256};
    const jwt::JwtVerifier verifier(m_clock, options);
    if (auto ok = verifier.verifySignature(t, *signer); ok) {
        out.signature = SignatureState::Valid;
    } else {
        out.signature = SignatureState::Invalid;
        addFinding(out.findings, Severity::Error,
                   errorCodeName(ok.error().code).replace(QLatin1Char('_'), QLatin1Char('-')), ok.error());
    }
    return out;
}

} // namespace td
