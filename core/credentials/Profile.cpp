// SPDX-License-Identifier: MIT
#include "core/credentials/Profile.h"

#include "core/Duration.h"
#include "core/providers/Registry.h"

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

QString* Profile::textField(const QString& field)
{
    for (const FieldRef& f : kFields) {
        if (field == QLatin1String(f.json))
            return &(this->*f.member);
    }
    return nullptr;
}

QString Profile::credentialId() const
{
    const ProviderModule* module = findModule(provider);
    return module && module->identityField() == QStringLiteral("apiKey") ? apiKey : appId;
}

QStringList Profile::secretFields(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    return module ? module->secretFields() : QStringList();
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
    static const QRegularExpression re = [] {
        QStringList fields;
        for (const ProviderModule* module : providerModules()) {
            for (const QString& field : module->secretFields()) {
                if (!fields.contains(field))
                    fields << field;
            }
        }
        return QRegularExpression(
            QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}/(%1)(#[1-9][0-9]*)?$").arg(fields.join(QLatin1Char('|'))));
    }();
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
    const ProviderModule* module = findModule(provider);
    if (module && module->profileFields().contains(QStringLiteral("domainVerification")) && !domainVerification)
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
    if (const ProviderModule* module = findModule(p.provider))
        module->checkProfile(p, secrets, check);
    else
        addFinding(check.findings, Severity::Error, "provider", QT_TRANSLATE_NOOP("td::Finding", "unknown provider"));
    return check;
}

} // namespace td::credentials
