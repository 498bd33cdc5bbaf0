// SPDX-License-Identifier: MIT
#include "core/credentials/Profile.h"

#include "core/Duration.h"
#include "core/crypto/Pem.h"
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/jitsi/JitsiToken.h"

#include <QRegularExpression>

#include <algorithm>

namespace td::credentials {
namespace {

struct FieldRef {
    const char* json;
    QString Profile::*member;
};

const FieldRef kFields[] = {
    {"serverUrl", &Profile::serverUrl}, {"apiKey", &Profile::apiKey},     {"appId", &Profile::appId},
    {"keyId", &Profile::keyId},         {"audience", &Profile::audience}, {"subject", &Profile::subject},
};
const FieldRef kDefaults[] = {{"ttl", &Profile::ttl}, {"room", &Profile::room}, {"cipher", &Profile::cipher}};

void checkPem(ProfileCheck& check, const QByteArray& pem, bool required)
{
    if (pem.isEmpty()) {
        if (required)
            addFinding(check.findings, Severity::Error, "private-key-missing",
                       QT_TRANSLATE_NOOP("td::Finding", "the RSA private key is missing"));
        return;
    }
    auto key = crypto::loadRsaPrivateKey(pem);
    if (!key) {
        addFinding(check.findings, Severity::Error, "private-key", key.error().in(QStringLiteral("private key: ")));
        return;
    }
    check.fingerprint = key->publicKey().fingerprintSha256();
}

} // namespace

const QStringList& Profile::environments()
{
    static const QStringList list = {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")};
    return list;
}

bool Profile::isValidName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(name).hasMatch();
}

QStringList Profile::secretFields(Provider provider)
{
    switch (provider) {
    case Provider::LiveKit: return {QStringLiteral("apiSecret")};
    case Provider::Zego: return {QStringLiteral("serverSecret")};
    case Provider::Jaas: return {QStringLiteral("privateKey")};
    case Provider::Jitsi: return {QStringLiteral("appSecret"), QStringLiteral("privateKey")};
    case Provider::Unknown: break;
    }
    return {};
}

QString Profile::secretKey(const QString& profileName, const QString& field, int generation)
{
    QString key = profileName + QLatin1Char('/') + field;
    if (generation > 0)
        key += QLatin1Char('#') + QString::number(generation);
    return key;
}

bool Profile::isProfileSecretKey(const QString& key)
{
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}/(apiSecret|serverSecret|appSecret|privateKey)(#[1-9][0-9]*)?$"));
    return re.match(key).hasMatch();
}

QJsonObject Profile::toJson() const
{
    QJsonObject fields;
    for (const auto& f : kFields) {
        if (!(this->*f.member).isEmpty())
            fields.insert(QLatin1String(f.json), this->*f.member);
    }
    QJsonObject defaults;
    for (const auto& f : kDefaults) {
        if (!(this->*f.member).isEmpty())
            defaults.insert(QLatin1String(f.json), this->*f.member);
    }
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("provider"), providerName(provider)},
                  {QStringLiteral("environment"), environment},
                  {QStringLiteral("fields"), fields},
                  {QStringLiteral("defaults"), defaults}};
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    // Written only when it differs from Prosody's default, so profiles without it read as they always did.
    if (provider == Provider::Jitsi && !domainVerification)
        o.insert(QStringLiteral("domainVerification"), false);
    if (secretGeneration > 0)
        o.insert(QStringLiteral("secretGeneration"), secretGeneration);
    return o;
}

Result<Profile> Profile::fromJson(const QJsonObject& json)
{
    Profile p;
    p.name = json.value(QStringLiteral("name")).toString();
    if (!isValidName(p.name))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "profile name \"%1\" is not valid"),
                    p.name.left(64));
    const auto provider = parseProvider(json.value(QStringLiteral("provider")).toString());
    if (!provider)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "profile %1: unknown provider \"%2\""),
                    p.name, json.value(QStringLiteral("provider")).toString());
    p.provider = *provider;
    p.environment = json.value(QStringLiteral("environment")).toString(QStringLiteral("dev"));
    if (!environments().contains(p.environment))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "profile %1: environment must be dev, staging or prod"), p.name);
    const QJsonObject fields = json.value(QStringLiteral("fields")).toObject();
    for (const auto& f : kFields)
        p.*f.member = fields.value(QLatin1String(f.json)).toString();
    const QJsonObject defaults = json.value(QStringLiteral("defaults")).toObject();
    for (const auto& f : kDefaults)
        p.*f.member = defaults.value(QLatin1String(f.json)).toString();
    p.note = json.value(QStringLiteral("note")).toString();
    const QJsonValue verification = json.value(QStringLiteral("domainVerification"));
    if (!verification.isUndefined() && !verification.isBool())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "profile %1: domainVerification must be true or false"), p.name);
    p.domainVerification = verification.toBool(true);
    p.secretGeneration = json.value(QStringLiteral("secretGeneration")).toInt(0);
    if (p.secretGeneration < 0)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "profile %1: secretGeneration is negative"),
                    p.name);
    return p;
}

ProfileCheck validateProfile(const Profile& p, const QHash<QString, QByteArray>& secrets)
{
    ProfileCheck check;
    if (!Profile::isValidName(p.name))
        addFinding(check.findings, Severity::Error, "name",
                   QT_TRANSLATE_NOOP(
                       "td::Finding",
                       "a profile name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    if (!Profile::environments().contains(p.environment))
        addFinding(check.findings, Severity::Error, "environment",
                   QT_TRANSLATE_NOOP("td::Finding", "environment must be dev, staging or prod"));
    if (!p.ttl.isEmpty()) {
        if (auto ttl = parseDuration(p.ttl); !ttl)
            addFinding(check.findings, Severity::Error, "ttl", ttl.error());
    }
    // Every field is one line of text: a newline or other control character (from a hand-edited bundle or env
    // file) would forge lines wherever the field is printed.
    for (const auto& f : kFields) {
        const QString& value = p.*f.member;
        if (std::any_of(value.cbegin(), value.cend(),
                        [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; }))
            addFinding(check.findings, Severity::Error, f.json,
                       QT_TRANSLATE_NOOP("td::Finding", "%1 holds a control character (a line break?)"),
                       QLatin1String(f.json));
    }
    for (const QString* value : {&p.ttl, &p.room, &p.cipher, &p.note}) {
        if (std::any_of(value->cbegin(), value->cend(),
                        [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; }))
            addFinding(
                check.findings, Severity::Error, "control-character",
                QT_TRANSLATE_NOOP("td::Finding", "a default or the note holds a control character (a line break?)"));
    }
    const auto secret = [&](const char* field) { return secrets.value(QString::fromLatin1(field)); };
    switch (p.provider) {
    case Provider::LiveKit:
        if (p.apiKey.isEmpty())
            addFinding(check.findings, Severity::Error, "api-key",
                       QT_TRANSLATE_NOOP("td::Finding", "the LiveKit API key is missing"));
        if (secret("apiSecret").isEmpty())
            addFinding(check.findings, Severity::Error, "api-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the LiveKit API secret is missing"));
        else if (secret("apiSecret").size() < 32)
            addFinding(check.findings, Severity::Warning, "short-secret",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "the API secret has %1 characters; LiveKit accepts it (the dev server uses \"secret\"), "
                           "but production secrets should have at least 32"),
                       secret("apiSecret").size());
        if (!p.serverUrl.isEmpty() && !p.serverUrl.startsWith(QStringLiteral("wss://")) &&
            !p.serverUrl.startsWith(QStringLiteral("ws://")) && !p.serverUrl.startsWith(QStringLiteral("https://")) &&
            !p.serverUrl.startsWith(QStringLiteral("http://")))
            addFinding(
                check.findings, Severity::Error, "server-url",
                QT_TRANSLATE_NOOP("td::Finding", "the LiveKit URL should look like wss://project.livekit.cloud"));
        break;
    case Provider::Zego: {
        bool ok = false;
        const qulonglong id = p.appId.toULongLong(&ok);
        if (!ok || id == 0 || id > 0xffffffffULL)
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the ZEGOCLOUD AppID must be a non-zero 32-bit number"));
        if (secret("serverSecret").size() != 32)
            addFinding(check.findings, Severity::Error, "server-secret",
                       QT_TRANSLATE_NOOP("td::Finding", "the ServerSecret must be exactly 32 characters, this has %1"),
                       secret("serverSecret").size());
        if (!p.cipher.isEmpty() && p.cipher != QStringLiteral("gcm") && p.cipher != QStringLiteral("cbc"))
            addFinding(check.findings, Severity::Error, "cipher",
                       QT_TRANSLATE_NOOP("td::Finding", "the cipher is gcm or cbc"));
        break;
    }
    case Provider::Jaas:
        if (auto ok = jitsi::validateJaasAppId(p.appId); !ok)
            addFinding(check.findings, Severity::Error, "app-id", ok.error());
        if (p.keyId.isEmpty())
            addFinding(check.findings, Severity::Error, "key-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the JaaS key id is missing (AppID/kid)"));
        else if (p.keyId.contains(QLatin1Char('/')) && p.keyId.section(QLatin1Char('/'), 0, 0) != p.appId)
            addFinding(check.findings, Severity::Error, "key-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the key id must start with the AppID followed by '/'"));
        checkPem(check, secret("privateKey"), true);
        break;
    case Provider::Jitsi:
        if (p.appId.isEmpty())
            addFinding(check.findings, Severity::Error, "app-id",
                       QT_TRANSLATE_NOOP("td::Finding", "the Jitsi app_id is missing"));
        if (secret("appSecret").isEmpty() && secret("privateKey").isEmpty())
            addFinding(check.findings, Severity::Error, "credentials",
                       QT_TRANSLATE_NOOP("td::Finding", "give the app_secret (HS256) or a private key (RS256)"));
        if (!secret("privateKey").isEmpty()) {
            checkPem(check, secret("privateKey"), false);
            if (p.keyId.isEmpty())
                addFinding(check.findings, Severity::Error, "key-id",
                           QT_TRANSLATE_NOOP("td::Finding", "RS256 needs a key id: Prosody fetches the key by it"));
        }
        if (!p.serverUrl.isEmpty()) {
            auto deployment = jitsi::deploymentFromUrl(p.serverUrl, p.domainVerification);
            if (!deployment)
                addFinding(check.findings, Severity::Error, "server-url", deployment.error());
            else
                check.findings.append(
                    jitsi::subjectFindings(p.subject.isEmpty() ? QStringLiteral("*") : p.subject, *deployment));
        }
        break;
    case Provider::Unknown:
        addFinding(check.findings, Severity::Error, "provider", QT_TRANSLATE_NOOP("td::Finding", "unknown provider"));
        break;
    }
    return check;
}

} // namespace td::credentials
