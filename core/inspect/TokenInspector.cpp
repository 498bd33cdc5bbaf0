// SPDX-License-Identifier: MIT
#include "core/inspect/TokenInspector.h"

#include "core/Duration.h"
#include "core/jwt/Jwt.h"
#include "core/json/JsonNumber.h"
#include "core/providers/Registry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace td {

QString signatureStateName(SignatureState state)
{
    switch (state) {
    case SignatureState::Valid: return QStringLiteral("valid");
    case SignatureState::Invalid: return QStringLiteral("invalid");
    case SignatureState::Unchecked: break;
    }
    return QStringLiteral("unchecked");
}

bool Inspection::valid() const
{
    return signature == SignatureState::Valid && !hasErrors(findings);
}

QJsonObject Inspection::toJson() const
{
    QJsonObject timeObject;
    for (const TimeClaim& t : times)
        timeObject.insert(t.name, QJsonObject{{QStringLiteral("value"), t.value},
                                              {QStringLiteral("utc"), t.utc},
                                              {QStringLiteral("relative"), t.relative}});
    QJsonArray findingArray;
    for (const Finding& f : findings)
        findingArray.append(QJsonObject{{QStringLiteral("code"), f.code},
                                        {QStringLiteral("severity"), severityName(f.severity)},
                                        {QStringLiteral("message"), f.message}});
    return QJsonObject{{QStringLiteral("provider"), providerName(provider)},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("header"), header},
                       {QStringLiteral("claims"), claims},
                       {QStringLiteral("times"), timeObject},
                       {QStringLiteral("signature"), signatureStateName(signature)},
                       {QStringLiteral("valid"), valid()},
                       {QStringLiteral("findings"), findingArray},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}};
}

QByteArray TokenInspector::extractToken(QByteArrayView text)
{
    QByteArray t = text.trimmed().toByteArray();
    if (t.startsWith("Bearer ") || t.startsWith("bearer "))
        t = t.mid(7).trimmed();
    if (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("wss://") || t.contains("?")) {
        const QUrl url(QString::fromUtf8(t));
        const QUrlQuery query(url.query(QUrl::FullyEncoded));
        for (const char* key : {"jwt", "token", "access_token"}) {
            const QString v = query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
            if (!v.isEmpty())
                return v.toUtf8().trimmed();
        }
        // LiveKit Meet custom links put the token in the fragment or query as "token".
        const QUrlQuery fragment(url.fragment(QUrl::FullyEncoded));
        const QString v = fragment.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        if (!v.isEmpty())
            return v.toUtf8().trimmed();
    }
    return t;
}

Result<Inspection> TokenInspector::inspect(QByteArrayView text, const VerifyCredentials& credentials) const
{
    const QByteArray token = extractToken(text);
    if (token.isEmpty())
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "no token given"));
    if (token.size() > jwt::kMaxTokenSize)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the input is %1 bytes; tokens are at most %2"), token.size(),
                    jwt::kMaxTokenSize);
    if (token.startsWith("04") && !token.contains('.'))
        return inspectZego(token, credentials);
    for (const ProviderModule* module : providerModules()) {
        if (module->recognisesText(token))
            return module->inspectText(token, credentials, m_clock.nowSeconds());
    }
    if (token.count('.') == 2)
        return inspectJwt(token, credentials);
    return fail(ErrorCode::MalformedToken,
                QT_TRANSLATE_NOOP("td::Error",
                                  "not a token TokenDesk knows: a JWT has three '.'-separated parts (LiveKit, Jitsi, "
                                  "Stream, Twilio, 100ms), a ZEGOCLOUD Token04 starts with \"04\", an Agora token "
                                  "with \"007\" or \"006\""));
}

void TokenInspector::addTime(Inspection& out, const QString& name, const QJsonValue& value) const
{
    if (!value.isDouble())
        return;
    out.times.append(TimeClaim::make(name, json::claimSeconds(value), m_clock.nowSeconds()));
}

} // namespace td
