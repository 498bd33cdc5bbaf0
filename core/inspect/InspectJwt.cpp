// SPDX-License-Identifier: MIT
// JWT half of the inspector: LiveKit, JaaS and self-hosted Jitsi.
#include "core/inspect/TokenInspector.h"

#include "core/Duration.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Registry.h"
#include "core/json/JsonNumber.h"

namespace td {
namespace {

/** The module that recognises the token most surely; the registry's order breaks ties. */
const ProviderModule* detectModule(const jwt::DecodedJwt& t)
{
    const ProviderModule* best = nullptr;
    int bestScore = 0;
    for (const ProviderModule* module : providerModules()) {
        if (const int score = module->mintsJwt() ? module->recognises(t) : 0; score > bestScore) {
            best = module;
            bestScore = score;
        }
    }
    return best;
}

void lintTimes(const jwt::DecodedJwt& t, const ProviderModule* module, qint64 now, qint64 leeway, QList<Finding>& out)
{
    const QJsonValue exp = t.payload.value(QStringLiteral("exp"));
    const QJsonValue nbf = t.payload.value(QStringLiteral("nbf"));
    if (exp.isUndefined()) {
        if (module && module->requiresExpiry())
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
                   formatRelative(json::claimSeconds(exp), now),
                   providerDisplayName(module ? module->id() : Provider::Unknown), leeway,
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
    // A provider the user forces wins, except one whose tokens are no JWTs (then the claims decide); forcing
    // Provider::Unknown means "explain it as a bare JWT".
    const ProviderModule* module = c.provider ? findModule(*c.provider) : detectModule(t);
    if (module && !module->mintsJwt())
        module = detectModule(t);
    out.provider = module ? module->id() : Provider::Unknown;
    const qint64 now = m_clock.nowSeconds();
    const qint64 leeway = c.leewaySeconds.value_or(module ? module->serverLeewaySeconds() : 0);
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
    lintTimes(t, module, now, leeway, out.findings);

    std::optional<jwt::Algorithm> pinned;
    if (module) {
        pinned = module->inspectJwt(t, c, out);
    } else {
        out.kind = QStringLiteral("jwt");
        addFinding(
            out.findings, Severity::Info, "unknown-provider",
            QT_TRANSLATE_NOOP("td::Finding", "a JWT, but neither a LiveKit, JaaS nor Jitsi token by its claims"));
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
