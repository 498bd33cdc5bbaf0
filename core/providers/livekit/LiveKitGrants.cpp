// SPDX-License-Identifier: MIT
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonArray>

#include <variant>

namespace td::livekit {
namespace {

using PlainBool = bool VideoGrant::*;
using TriBool = std::optional<bool> VideoGrant::*;
using Text = QString VideoGrant::*;
using TextList = QStringList VideoGrant::*;

struct GrantField {
    const char16_t* name;
    std::variant<PlainBool, TriBool, Text, TextList> member;
};

// Go struct order (livekit/protocol auth/grants.go), which fixes the JSON member order.
const GrantField kVideoFields[] = {
    {u"roomCreate", &VideoGrant::roomCreate},
    {u"roomList", &VideoGrant::roomList},
    {u"roomRecord", &VideoGrant::roomRecord},
    {u"roomAdmin", &VideoGrant::roomAdmin},
    {u"roomJoin", &VideoGrant::roomJoin},
    {u"room", &VideoGrant::room},
    {u"canPublish", &VideoGrant::canPublish},
    {u"canSubscribe", &VideoGrant::canSubscribe},
    {u"canPublishData", &VideoGrant::canPublishData},
    {u"canPublishSources", &VideoGrant::canPublishSources},
    {u"canUpdateOwnMetadata", &VideoGrant::canUpdateOwnMetadata},
    {u"ingressAdmin", &VideoGrant::ingressAdmin},
    {u"hidden", &VideoGrant::hidden},
    {u"recorder", &VideoGrant::recorder},
    {u"agent", &VideoGrant::agent},
    {u"canSubscribeMetrics", &VideoGrant::canSubscribeMetrics},
    {u"canManageAgentSession", &VideoGrant::canManageAgentSession},
    {u"destinationRoom", &VideoGrant::destinationRoom},
};

} // namespace

/** The JSON names of kVideoFields, built once (minting is a hot path). */
const QStringList& videoFieldNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto& f : kVideoFields)
            list << QString::fromUtf16(f.name);
        return list;
    }();
    return names;
}

namespace {

QString jsonTypeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

/** Applies one JSON member to the grant; returns an error text for a type mismatch. */
Result<void> applyField(VideoGrant& grant, const GrantField& field, const QJsonValue& value)
{
    const QString name = QString::fromUtf16(field.name);
    return std::visit(
        [&](auto member) -> Result<void> {
            using M = decltype(member);
            if constexpr (std::is_same_v<M, PlainBool> || std::is_same_v<M, TriBool>) {
                if (!value.isBool())
                    return fail(
                        ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "\"%1\" must be true or false, not %2 (LiveKit rejects the whole token)"),
                        name, jsonTypeName(value));
                grant.*member = value.toBool();
            } else if constexpr (std::is_same_v<M, Text>) {
                if (!value.isString())
                    return fail(ErrorCode::InvalidValue,
                                QT_TRANSLATE_NOOP("td::Error", "\"%1\" must be a string, not %2"), name,
                                jsonTypeName(value));
                grant.*member = value.toString();
            } else {
                if (!value.isArray())
                    return fail(ErrorCode::InvalidValue,
                                QT_TRANSLATE_NOOP("td::Error", "\"%1\" must be an array of strings, not %2"), name,
                                jsonTypeName(value));
                QStringList list;
                for (const QJsonValue& item : value.toArray()) {
                    if (!item.isString())
                        return fail(ErrorCode::InvalidValue,
                                    QT_TRANSLATE_NOOP("td::Error", "\"%1\" must contain only strings"), name);
                    list << item.toString();
                }
                grant.*member = list;
            }
            return {};
        },
        field.member);
}

const GrantField* findField(const QString& key)
{
    for (const auto& f : kVideoFields) {
        if (key == QString::fromUtf16(f.name))
            return &f;
    }
    return nullptr;
}

std::unexpected<Error> unknownKey(const QString& key)
{
    const QString suggestion = closestMatch(key, videoFieldNames());
    if (suggestion.isEmpty())
        return fail(ErrorCode::UnknownField,
                    QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a LiveKit video grant key; LiveKit ignores it"), key);
    return fail(ErrorCode::UnknownField,
                QT_TRANSLATE_NOOP("td::Error",
                                  "\"%1\" is not a LiveKit video grant key; LiveKit ignores it (did you mean \"%2\"?)"),
                key, suggestion);
}

// Proto3 JSON names of livekit.RoomConfiguration and RoomAgentDispatch, camelCase -> snake_case.
const QList<QPair<QString, QString>> kRoomConfigFields = {
    {QStringLiteral("name"), QStringLiteral("name")},
    {QStringLiteral("emptyTimeout"), QStringLiteral("empty_timeout")},
    {QStringLiteral("departureTimeout"), QStringLiteral("departure_timeout")},
    {QStringLiteral("maxParticipants"), QStringLiteral("max_participants")},
    {QStringLiteral("metadata"), QStringLiteral("metadata")},
    {QStringLiteral("egress"), QStringLiteral("egress")},
    {QStringLiteral("minPlayoutDelay"), QStringLiteral("min_playout_delay")},
    {QStringLiteral("maxPlayoutDelay"), QStringLiteral("max_playout_delay")},
    {QStringLiteral("syncStreams"), QStringLiteral("sync_streams")},
    {QStringLiteral("agents"), QStringLiteral("agents")},
    {QStringLiteral("tags"), QStringLiteral("tags")},
};
const QList<QPair<QString, QString>> kDispatchFields = {
    {QStringLiteral("agentName"), QStringLiteral("agent_name")},
    {QStringLiteral("metadata"), QStringLiteral("metadata")},
    {QStringLiteral("restartPolicy"), QStringLiteral("restart_policy")},
    {QStringLiteral("deployment"), QStringLiteral("deployment")},
    {QStringLiteral("attributes"), QStringLiteral("attributes")},
};

QString camelName(const QString& key, const QList<QPair<QString, QString>>& fields)
{
    for (const auto& [camel, snake] : fields) {
        if (key == camel || key == snake)
            return camel;
    }
    return {};
}

bool containsSensitiveCredentials(const QJsonValue& v)
{
    static const QStringList kSensitive = {QStringLiteral("secret"),     QStringLiteral("credentials"),
                                           QStringLiteral("accountKey"), QStringLiteral("account_key"),
                                           QStringLiteral("secretKey"),  QStringLiteral("secret_key")};
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (kSensitive.contains(it.key()) && !it.value().toString().isEmpty())
                return true;
            if (containsSensitiveCredentials(it.value()))
                return true;
        }
    } else if (v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            if (containsSensitiveCredentials(item))
                return true;
        }
    }
    return false;
}

Result<QJsonObject> normaliseObject(const QJsonObject& in, const QList<QPair<QString, QString>>& fields,
                                    const QString& where)
{
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        const QString camel = camelName(it.key(), fields);
        if (camel.isEmpty()) {
            QStringList names;
            for (const auto& f : fields)
                names << f.first;
            const QString hint = closestMatch(it.key(), names);
            if (hint.isEmpty())
                return fail(ErrorCode::UnknownField, QT_TRANSLATE_NOOP("td::Error", "%1 has no field \"%2\""), where,
                            it.key());
            return fail(ErrorCode::UnknownField,
                        QT_TRANSLATE_NOOP("td::Error", "%1 has no field \"%2\" (did you mean \"%3\"?)"), where,
                        it.key(), hint);
        }
        out.insert(camel, it.value());
    }
    return out;
}

bool isUint(const QJsonValue& v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 4294967295.0 &&
           v.toDouble() == static_cast<qint64>(v.toDouble());
}

} // namespace

const QStringList& publishSources()
{
    static const QStringList sources = {QStringLiteral("camera"), QStringLiteral("microphone"),
                                        QStringLiteral("screen_share"), QStringLiteral("screen_share_audio")};
    return sources;
}

const QStringList& participantKinds()
{
    static const QStringList kinds = {
        QStringLiteral("standard"), QStringLiteral("ingress"),   QStringLiteral("egress"), QStringLiteral("sip"),
        QStringLiteral("agent"),    QStringLiteral("connector"), QStringLiteral("bridge")};
    return kinds;
}

OrderedJson VideoGrant::toJson() const
{
    OrderedJson out = OrderedJson::object();
    const QStringList& names = videoFieldNames();
    for (qsizetype index = 0; index < names.size(); ++index) {
        const GrantField& field = kVideoFields[index];
        const QString& name = names[index];
        std::visit(
            [&](auto member) {
                using M = decltype(member);
                if constexpr (std::is_same_v<M, PlainBool>) {
                    if (this->*member)
                        out.insert(name, true);
                } else if constexpr (std::is_same_v<M, TriBool>) {
                    if ((this->*member).has_value())
                        out.insert(name, *(this->*member));
                } else if constexpr (std::is_same_v<M, Text>) {
                    if (!(this->*member).isEmpty())
                        out.insert(name, this->*member);
                } else {
                    if (!(this->*member).isEmpty()) {
                        OrderedJson list = OrderedJson::array();
                        for (const QString& s : this->*member)
                            list.append(s);
                        out.insert(name, std::move(list));
                    }
                }
            },
            field.member);
    }
    return out;
}

Result<void> VideoGrant::merge(const QJsonObject& json)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const GrantField* field = findField(it.key());
        if (!field)
            return unknownKey(it.key());
        if (auto ok = applyField(*this, *field, it.value()); !ok)
            return fail(std::move(ok).error());
    }
    for (const QString& s : canPublishSources) {
        if (!publishSources().contains(s))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a publish source; use %2"), s,
                        publishSources().join(QStringLiteral(", ")));
    }
    return {};
}

Result<VideoGrant> VideoGrant::fromJson(const QJsonObject& json)
{
    VideoGrant g;
    if (auto ok = g.merge(json); !ok)
        return std::unexpected(ok.error());
    return g;
}

bool VideoGrant::canPublishSource(const QString& source) const
{
    return effectiveCanPublish() && (canPublishSources.isEmpty() || canPublishSources.contains(source));
}

void LiveKitClaims::appendTo(OrderedJson& payload) const
{
    if (!identity.isEmpty())
        payload.insert(QStringLiteral("identity"), identity);
    if (!name.isEmpty())
        payload.insert(QStringLiteral("name"), name);
    if (!kind.isEmpty())
        payload.insert(QStringLiteral("kind"), kind);
    if (!kindDetails.isEmpty()) {
        OrderedJson list = OrderedJson::array();
        for (const QString& k : kindDetails)
            list.append(k);
        payload.insert(QStringLiteral("kindDetails"), std::move(list));
    }
    if (video)
        payload.insert(QStringLiteral("video"), video->toJson());
    if (sip && (sip->admin || sip->call)) {
        OrderedJson o = OrderedJson::object();
        if (sip->admin)
            o.insert(QStringLiteral("admin"), true);
        if (sip->call)
            o.insert(QStringLiteral("call"), true);
        payload.insert(QStringLiteral("sip"), std::move(o));
    }
    if (agent && (agent->admin || agent->simulationAdmin || agent->databaseAdmin)) {
        OrderedJson o = OrderedJson::object();
        if (agent->admin)
            o.insert(QStringLiteral("admin"), true);
        if (agent->simulationAdmin)
            o.insert(QStringLiteral("simulationAdmin"), true);
        if (agent->databaseAdmin)
            o.insert(QStringLiteral("databaseAdmin"), true);
        payload.insert(QStringLiteral("agent"), std::move(o));
    }
    if (inferencePerform.value_or(false)) {
        OrderedJson o = OrderedJson::object();
        o.insert(QStringLiteral("perform"), true);
        payload.insert(QStringLiteral("inference"), std::move(o));
    }
    if (observabilityWrite.value_or(false)) {
        OrderedJson o = OrderedJson::object();
        o.insert(QStringLiteral("write"), true);
        payload.insert(QStringLiteral("observability"), std::move(o));
    }
    if (roomConfig && !roomConfig->isEmpty())
        payload.insert(QStringLiteral("roomConfig"), OrderedJson::fromJsonValue(*roomConfig));
    if (!roomPreset.isEmpty())
        payload.insert(QStringLiteral("roomPreset"), roomPreset);
    if (!sha256.isEmpty())
        payload.insert(QStringLiteral("sha256"), sha256);
    if (!metadata.isEmpty())
        payload.insert(QStringLiteral("metadata"), metadata);
    if (!attributes.isEmpty()) {
        OrderedJson o = OrderedJson::object();
        for (const auto& [k, v] : attributes)
            o.insert(k, v);
        payload.insert(QStringLiteral("attributes"), std::move(o));
    }
}

Result<QJsonObject> normaliseRoomConfig(const QJsonObject& config)
{
    auto out = normaliseObject(config, kRoomConfigFields, QStringLiteral("roomConfig"));
    if (!out)
        return out;
    for (const char16_t* key :
         {u"emptyTimeout", u"departureTimeout", u"maxParticipants", u"minPlayoutDelay", u"maxPlayoutDelay"}) {
        const QString k = QString::fromUtf16(key);
        if (out->contains(k) && !isUint(out->value(k)))
            return fail(ErrorCode::OutOfRange,
                        QT_TRANSLATE_NOOP("td::Error", "roomConfig.%1 must be a whole number from 0 to 4294967295"), k);
    }
    for (const char16_t* key : {u"name", u"metadata"}) {
        const QString k = QString::fromUtf16(key);
        if (out->contains(k) && !out->value(k).isString())
            return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "roomConfig.%1 must be a string"), k);
    }
    if (out->contains(QStringLiteral("syncStreams")) && !out->value(QStringLiteral("syncStreams")).isBool())
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "roomConfig.syncStreams must be true or false"));
    if (out->contains(QStringLiteral("agents"))) {
        const QJsonValue agents = out->value(QStringLiteral("agents"));
        if (!agents.isArray())
            return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "roomConfig.agents must be an array"));
        QJsonArray normalised;
        for (const QJsonValue& a : agents.toArray()) {
            if (!a.isObject())
                return fail(ErrorCode::InvalidValue,
                            QT_TRANSLATE_NOOP("td::Error", "each roomConfig.agents entry must be an object"));
            auto dispatch = normaliseObject(a.toObject(), kDispatchFields, QStringLiteral("roomConfig.agents[]"));
            if (!dispatch)
                return std::unexpected(dispatch.error());
            if (!dispatch->value(QStringLiteral("agentName")).isString())
                return fail(ErrorCode::InvalidValue,
                            QT_TRANSLATE_NOOP("td::Error", "roomConfig.agents[].agentName must be a string"));
            normalised.append(*dispatch);
        }
        out->insert(QStringLiteral("agents"), normalised);
    }
    if (containsSensitiveCredentials(out->value(QStringLiteral("egress"))))
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error",
                              "roomConfig.egress contains storage credentials; a token is readable by its holder, "
                              "so LiveKit's SDK refuses to put secrets in it"));
    return out;
}

namespace {

bool streamsAnywhere(const QJsonValue& v)
{
    static const QStringList kStreamKeys = {QStringLiteral("stream"), QStringLiteral("streamOutputs"),
                                            QStringLiteral("stream_outputs"), QStringLiteral("websocketUrl"),
                                            QStringLiteral("websocket_url")};
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool present = !it.value().isNull() && !it.value().isUndefined() &&
                                 !(it.value().isArray() && it.value().toArray().isEmpty()) &&
                                 !(it.value().isString() && it.value().toString().isEmpty());
            if (kStreamKeys.contains(it.key()) && present)
                return true;
            if (streamsAnywhere(it.value()))
                return true;
        }
    } else if (v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            if (streamsAnywhere(item))
                return true;
        }
    } else if (v.isString()) {
        const QString url = v.toString().trimmed().toLower();
        return url.startsWith(QStringLiteral("rtmp://")) || url.startsWith(QStringLiteral("rtmps://")) ||
               url.startsWith(QStringLiteral("srt://"));
    }
    return false;
}

} // namespace

bool roomConfigStreams(const QJsonObject& config)
{
    return streamsAnywhere(config.value(QStringLiteral("egress")));
}

QList<Finding> roomConfigFindings(const QJsonObject& config, const QString& room)
{
    QList<Finding> out;
    if (roomConfigStreams(config))
        addFinding(out, Severity::Error, "room-config-stream-output",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "roomConfig.egress streams the room (a stream output or RTMP/SRT URL): LiveKit's "
                                     "Go SDK refuses to mint such a token, and whoever holds it decides where the room "
                                     "goes"));
    const QString name = config.value(QStringLiteral("name")).toString();
    if (!name.isEmpty() && name != room)
        addFinding(out, Severity::Error, "room-config-name",
                   QT_TRANSLATE_NOOP("td::Finding", "roomConfig.name \"%1\" is not the token's room \"%2\""), name,
                   room);
    if (config.contains(QStringLiteral("egress")))
        addFinding(out, Severity::Warning, "room-config-egress",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "roomConfig.egress records or exports the room when this token creates it"));
    if (config.contains(QStringLiteral("agents")))
        addFinding(out, Severity::Info, "room-config-agents",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "roomConfig.agents dispatches agents to the room when this token creates it"));
    return out;
}

const QStringList& reservedClaimNames()
{
    static const QStringList names = {
        QStringLiteral("iss"),         QStringLiteral("sub"),        QStringLiteral("aud"),
        QStringLiteral("exp"),         QStringLiteral("nbf"),        QStringLiteral("iat"),
        QStringLiteral("jti"),         QStringLiteral("video"),      QStringLiteral("sip"),
        QStringLiteral("agent"),       QStringLiteral("inference"),  QStringLiteral("observability"),
        QStringLiteral("roomConfig"),  QStringLiteral("roomPreset"), QStringLiteral("kind"),
        QStringLiteral("kindDetails"), QStringLiteral("attributes"), QStringLiteral("metadata"),
        QStringLiteral("name"),        QStringLiteral("identity"),   QStringLiteral("sha256"),
    };
    return names;
}

Result<void> checkExtraClaims(const QJsonObject& extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        for (const QString& reserved : reservedClaimNames()) {
            if (it.key().compare(reserved, Qt::CaseInsensitive) == 0)
                return fail(ErrorCode::Conflict,
                            QT_TRANSLATE_NOOP("td::Error",
                                              "the extra claim \"%1\" would replace the token's own \"%2\" (LiveKit "
                                              "reads claim names in any case): set it with its own option instead"),
                            it.key().left(64), reserved);
        }
    }
    return {};
}

} // namespace td::livekit
