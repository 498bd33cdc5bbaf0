// SPDX-License-Identifier: MIT
#include "core/batch/BatchRow.h"

#include "core/Duration.h"
#include "core/providers/Finding.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/livekit/LiveKitPresets.h"
#include "core/providers/zego/ZegoPrivilege.h"
#include "core/json/JsonNumber.h"

#include <QHash>

#include <array>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace td::batch {
namespace {

QString normalised(const QString& header)
{
    QString out;
    out.reserve(header.size());
    for (QChar c : header) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('_') && c != QLatin1Char('-'))
            out += c.toLower();
    }
    return out;
}

// Column indices, so a row's cells are found without building a hash per row.
enum Column {
    Identity,
    Name,
    Room,
    Preset,
    Ttl,
    Grants,
    Metadata,
    Attributes,
    Claims,
    Login,
    Publish,
    Streams,
    Kit,
    Cipher,
    Moderator,
    Features,
    Email,
    Avatar,
    ColumnCount
};

const char* const kColumnNames[ColumnCount] = {"identity", "name",       "room",      "preset",   "ttl",     "grants",
                                               "metadata", "attributes", "claims",    "login",    "publish", "streams",
                                               "kit",      "cipher",     "moderator", "features", "email",   "avatar"};

const QHash<QString, int>& aliases()
{
    static const QHash<QString, int> map = [] {
        QHash<QString, int> m;
        for (int i = 0; i < ColumnCount; ++i)
            m.insert(QLatin1String(kColumnNames[i]), i);
        for (const auto& [alias, column] : {std::pair{"userid", Identity},
                                            {"user", Identity},
                                            {"id", Identity},
                                            {"displayname", Name},
                                            {"username", Name},
                                            {"roomid", Room},
                                            {"roomname", Room},
                                            {"role", Preset},
                                            {"streamidlist", Streams},
                                            {"streamids", Streams}})
            m.insert(QLatin1String(alias), column);
        return m;
    }();
    return map;
}

/** The column a header names, or -1; remembered per thread, since every row repeats the same headers. */
int columnOf(const QString& header)
{
    thread_local QHash<QString, int> cache;
    if (const auto it = cache.constFind(header); it != cache.cend())
        return it.value();
    const int column = aliases().value(normalised(header), -1);
    if (cache.size() < 256)
        cache.insert(header, column);
    return column;
}

using Cells = std::array<const Cell*, ColumnCount>;

/** A JSON value inside an object cell as text (strings as they are, numbers and booleans spelled out). */
QString valueText(const QJsonValue& v)
{
    return Cell{QString(), QString(), v}.toText().trimmed();
}

/** A cell as text: text trimmed, other JSON values in compact JSON; "" when absent. */
QString text(const Cell* c)
{
    if (!c)
        return {};
    return c->json.isUndefined() ? c->text.trimmed() : c->toText();
}

bool isEmpty(const Cell* c)
{
    return !c || (c->json.isUndefined() ? c->text.trimmed().isEmpty() : c->json.isNull());
}

Result<bool> boolean(const QString& column, const Cell* c)
{
    if (c->json.isBool())
        return c->json.toBool();
    const QString t = text(c).toLower();
    if (t == QStringLiteral("true") || t == QStringLiteral("yes") || t == QStringLiteral("1") ||
        t == QStringLiteral("y"))
        return true;
    if (t == QStringLiteral("false") || t == QStringLiteral("no") || t == QStringLiteral("0") ||
        t == QStringLiteral("n"))
        return false;
    return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "%1: \"%2\" is not true or false"), column,
                text(c));
}

/** A list cell: a JSON array of strings (as JSON or as text starting with '['), or text separated by + | ; , or spaces.
 */
Result<QStringList> list(const QString& column, const Cell* c)
{
    QJsonArray array;
    if (c->json.isArray()) {
        array = c->json.toArray();
    } else if (text(c).startsWith(QLatin1Char('['))) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text(c).toUtf8(), &error);
        if (!doc.isArray())
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "%1: not a JSON array (%2 at offset %3)"), column,
                        error.errorString(), error.offset);
        array = doc.array();
    } else {
        static const QRegularExpression separators(QStringLiteral("[+|;,\\s]+"));
        return text(c).split(separators, Qt::SkipEmptyParts);
    }
    QStringList out;
    for (const QJsonValue& item : array) {
        if (!item.isString())
            return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "%1: every item must be a string"),
                        column);
        out << item.toString();
    }
    return out;
}

/**
 * An object cell: a JSON object, or text "key=value; key=value" where a bare key means true and
 * list-valued keys (`listKeys`) take values separated by + or |.
 */
Result<QJsonObject> object(const QString& column, const Cell* c, const QStringList& listKeys)
{
    if (c->json.isObject())
        return c->json.toObject();
    const QString t = text(c);
    if (t.startsWith(QLatin1Char('{'))) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &error);
        if (!doc.isObject())
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "%1: not a JSON object (%2 at offset %3)"), column,
                        error.errorString(), error.offset);
        return doc.object();
    }
    QJsonObject out;
    static const QRegularExpression separators(QStringLiteral("[;,\\n]+"));
    for (const QString& part : t.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = (eq < 0 ? part : part.left(eq)).trimmed();
        const QString value = eq < 0 ? QStringLiteral("true") : part.mid(eq + 1).trimmed();
        if (key.isEmpty())
            continue;
        if (listKeys.contains(key)) {
            static const QRegularExpression listSeparators(QStringLiteral("[+|\\s]+"));
            out.insert(key, QJsonArray::fromStringList(value.split(listSeparators, Qt::SkipEmptyParts)));
        } else if (value.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0 ||
                   value.compare(QStringLiteral("false"), Qt::CaseInsensitive) == 0) {
            out.insert(key, value.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0);
        } else {
            out.insert(key, value);
        }
    }
    return out;
}

/** The row's cells by column (the first cell wins when two headers mean the same column). */
Cells cellsOf(const InputRow& row)
{
    Cells cells{};
    for (const Cell& cell : row.cells) {
        const int column = columnOf(cell.header);
        if (column >= 0 && !cells[column])
            cells[column] = &cell;
    }
    return cells;
}

const std::array<bool, ColumnCount>& appliesTo(Provider provider)
{
    static const auto table = [] {
        std::array<std::array<bool, ColumnCount>, 5> t{};
        for (Provider p : {Provider::LiveKit, Provider::Zego, Provider::Jaas, Provider::Jitsi}) {
            for (const QString& name : columnsFor(p))
                t[static_cast<int>(p)][aliases().value(name)] = true;
        }
        return t;
    }();
    return table[static_cast<int>(provider)];
}

Result<RowPlan> liveKitPlan(const Cells& cells, const QString& room, mint::MintPlan plan)
{
    livekit::LiveKitClaims claims;
    claims.identity = text(cells[Identity]);
    claims.name = text(cells[Name]);
    // Metadata is opaque: a text cell is kept exactly, untrimmed.
    claims.metadata =
        cells[Metadata] && cells[Metadata]->json.isUndefined() ? cells[Metadata]->text : text(cells[Metadata]);
    livekit::VideoGrant defaults;
    defaults.roomJoin = true;
    defaults.room = room;
    claims.video = defaults;
    if (const QString preset = text(cells[Preset]).toLower(); !preset.isEmpty()) {
        if (auto ok = livekit::applyPreset(preset, claims); !ok)
            return fail(ok.error().at(QStringLiteral("preset")));
    }
    if (const Cell* grants = cells[Grants]; !isEmpty(grants)) {
        auto obj = object(QStringLiteral("grants"), grants, {QStringLiteral("canPublishSources")});
        if (!obj)
            return std::unexpected(obj.error());
        if (auto ok = claims.video->merge(*obj); !ok)
            return fail(ok.error().at(QStringLiteral("grants")));
    }
    if (claims.identity.isEmpty() && claims.video->roomJoin)
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "identity: empty, and LiveKit needs one to join a room"));
    if (claims.video->roomJoin && claims.video->room.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "room: empty (give a room column or a default room)"));
    if (const Cell* attributes = cells[Attributes]; !isEmpty(attributes)) {
        auto obj = object(QStringLiteral("attributes"), attributes, {});
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it)
            claims.attributes.append({it.key(), valueText(it.value())});
    }
    RowPlan out;
    out.base = std::move(plan);
    out.liveKit = std::move(claims);
    return out;
}

Result<RowPlan> zegoPlan(const Cells& cells, const QString& room, mint::MintPlan plan)
{
    const QString identity = text(cells[Identity]);
    if (identity.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty (the Zego user ID)"));
    plan.claims.insert(QStringLiteral("user_id"), identity);
    zego::RoomPrivilege privilege;
    privilege.roomId = room;
    bool restricted = false;
    if (const QString preset = text(cells[Preset]).toLower(); !preset.isEmpty()) {
        if (preset != QStringLiteral("viewer") && preset != QStringLiteral("speaker"))
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "preset: \"%1\" is not a Zego preset; use viewer (login only) or speaker "
                                          "(login and publish)"),
                        preset);
        privilege.allowPublish = preset == QStringLiteral("speaker");
        restricted = true;
    }
    for (const auto& [column, target] : {std::pair{Login, &privilege.allowLogin}, {Publish, &privilege.allowPublish}}) {
        const Cell* v = cells[column];
        if (isEmpty(v))
            continue;
        auto on = boolean(QLatin1String(kColumnNames[column]), v);
        if (!on)
            return std::unexpected(on.error());
        *target = *on;
        restricted = true;
    }
    if (const Cell* streams = cells[Streams]; !isEmpty(streams)) {
        auto ids = list(QStringLiteral("streams"), streams);
        if (!ids)
            return std::unexpected(ids.error());
        privilege.streamIds = *ids;
        restricted = true;
    }
    if (restricted)
        plan.claims.insert(QStringLiteral("payload"), privilege.toPayload());
    RowPlan out;
    if (const Cell* cipher = cells[Cipher]; !isEmpty(cipher))
        plan.claims.insert(QStringLiteral("cipher"), text(cipher).toLower());
    if (const Cell* kit = cells[Kit]; !isEmpty(kit)) {
        auto on = boolean(QStringLiteral("kit"), kit);
        if (!on)
            return std::unexpected(on.error());
        if (*on) {
            if (room.isEmpty())
                return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "kit: a Kit Token needs a room"));
            const QString name = text(cells[Name]);
            plan.claims.insert(QStringLiteral("kit"),
                               QJsonObject{{QStringLiteral("room_id"), room},
                                           {QStringLiteral("user_name"), name.isEmpty() ? identity : name}});
        }
    }
    out.base = std::move(plan);
    return out;
}

Result<RowPlan> jitsiPlan(const Cells& cells, const QString& room, mint::MintPlan plan)
{
    jitsi::JitsiClaims claims;
    claims.room = room;
    if (claims.room.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "room: empty (a room name, or * for any room)"));
    claims.user.id = text(cells[Identity]);
    claims.user.name = text(cells[Name]);
    claims.user.email = text(cells[Email]);
    claims.user.avatar = text(cells[Avatar]);
    if (claims.user.id.isEmpty() && claims.user.name.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "identity: empty (and no name either)"));
    if (const QString preset = text(cells[Preset]).toLower(); !preset.isEmpty()) {
        if (preset != QStringLiteral("moderator") && preset != QStringLiteral("participant"))
            return fail(
                ErrorCode::InvalidValue,
                QT_TRANSLATE_NOOP("td::Error", "preset: \"%1\" is not a Jitsi preset; use moderator or participant"),
                preset);
        claims.user.moderator = preset == QStringLiteral("moderator");
    }
    if (const Cell* moderator = cells[Moderator]; !isEmpty(moderator)) {
        auto on = boolean(QStringLiteral("moderator"), moderator);
        if (!on)
            return std::unexpected(on.error());
        claims.user.moderator = *on;
    }
    if (const Cell* features = cells[Features]; !isEmpty(features)) {
        auto obj = object(QStringLiteral("features"), features, {});
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it) {
            auto feature = jitsi::parseFeature(it.key() + QLatin1Char('=') + valueText(it.value()));
            if (!feature)
                return fail(feature.error().at(QStringLiteral("features")));
            claims.features.append(*feature);
        }
    }
    plan.claims = QJsonObject{
        {QStringLiteral("room"), claims.room},
        {QStringLiteral("context"), jitsi::contextJson(claims, plan.provider == Provider::Jitsi).toJsonValue()}};
    RowPlan out;
    out.base = std::move(plan);
    return out;
}

} // namespace

QStringList columnsFor(Provider provider)
{
    QStringList common{QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("room"),
                       QStringLiteral("preset"), QStringLiteral("ttl")};
    switch (provider) {
    case Provider::LiveKit:
        return common + QStringList{QStringLiteral("grants"), QStringLiteral("metadata"), QStringLiteral("attributes"),
                                    QStringLiteral("claims")};
    case Provider::Zego:
        return common + QStringList{QStringLiteral("login"), QStringLiteral("publish"), QStringLiteral("streams"),
                                    QStringLiteral("kit"), QStringLiteral("cipher")};
    case Provider::Jaas:
    case Provider::Jitsi:
        return common + QStringList{QStringLiteral("moderator"), QStringLiteral("features"), QStringLiteral("email"),
                                    QStringLiteral("avatar")};
    case Provider::Unknown: break;
    }
    return {};
}

QString canonicalColumn(const QString& header)
{
    const int column = columnOf(header);
    return column < 0 ? QString() : QLatin1String(kColumnNames[column]);
}

QString Cell::toText() const
{
    if (json.isUndefined() || json.isString())
        return json.isString() ? json.toString() : text;
    if (json.isObject())
        return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    if (json.isArray())
        return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    if (json.isBool())
        return json.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (json.isDouble())
        return QString::number(json.toDouble(), 'g', 17);
    return {};
}

Result<void> checkColumns(Provider provider, const QStringList& headers, QStringList* copiedUnchanged)
{
    const QStringList known = columnsFor(provider);
    bool identity = false;
    for (const QString& header : headers) {
        const QString canonical = canonicalColumn(header);
        if (canonical.isEmpty()) {
            if (copiedUnchanged)
                copiedUnchanged->append(header);
            continue;
        }
        if (!known.contains(canonical))
            return fail(
                ErrorCode::NotApplicable,
                QT_TRANSLATE_NOOP("td::Error",
                                  "column \"%1\" does not apply to %2 profiles (its permissions would be ignored); "
                                  "%2 columns: %3"),
                header, providerName(provider), known.join(QStringLiteral(", ")));
        identity = identity || canonical == QStringLiteral("identity") || canonical == QStringLiteral("name");
    }
    if (!identity)
        return fail(
            ErrorCode::MissingValue,
            QT_TRANSLATE_NOOP("td::Error", "no identity column (also accepted: user_id, id, user); columns found: %1"),
            headers.join(QStringLiteral(", ")));
    return {};
}

mint::MintPlan RowPlan::plan() const
{
    mint::MintPlan out = base;
    if (liveKit) {
        OrderedJson payload = OrderedJson::object();
        liveKit->appendTo(payload);
        out.claims = payload.toJsonValue().toObject();
        if (!liveKit->identity.isEmpty())
            out.claims.insert(QStringLiteral("sub"), liveKit->identity);
        for (auto it = liveKitExtra.begin(); it != liveKitExtra.end(); ++it)
            out.claims.insert(it.key(), it.value());
    }
    return out;
}

QString RowPlan::identity() const
{
    return liveKit ? liveKit->identity : mint::identityOf(base);
}

QString RowPlan::room() const
{
    return liveKit ? (liveKit->video ? liveKit->video->room : QString()) : mint::roomOf(base);
}

Result<RowPlan> planForRow(const InputRow& row, const credentials::Profile& profile, const RowDefaults& defaults)
{
    if (!row.problem.isEmpty())
        return fail(ErrorCode::InvalidValue, row.problem);
    const Cells cells = cellsOf(row);
    const std::array<bool, ColumnCount>& applies = appliesTo(profile.provider);
    for (int column = 0; column < ColumnCount; ++column) {
        if (!applies[column] && !isEmpty(cells[column]))
            return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "%1: does not apply to %2 profiles"),
                        QLatin1String(kColumnNames[column]), providerName(profile.provider));
    }
    mint::MintPlan plan;
    plan.provider = profile.provider;
    plan.profile = profile.name;
    plan.ttlSeconds = defaults.ttlSeconds;
    if (const Cell* ttl = cells[Ttl]; !isEmpty(ttl)) {
        auto seconds =
            ttl->json.isDouble() ? Result<qint64>(json::toInt64(ttl->json).value_or(0)) : parseDuration(text(ttl));
        if (!seconds)
            return fail(seconds.error().at(QStringLiteral("ttl")));
        if (*seconds <= 0)
            return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "ttl: must be positive"));
        plan.ttlSeconds = *seconds;
    }
    QString room = text(cells[Room]);
    if (room.isEmpty())
        room = defaults.room;

    Result<RowPlan> out = fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
    switch (profile.provider) {
    case Provider::LiveKit: out = liveKitPlan(cells, room, std::move(plan)); break;
    case Provider::Zego: out = zegoPlan(cells, room, std::move(plan)); break;
    case Provider::Jaas:
    case Provider::Jitsi: out = jitsiPlan(cells, room, std::move(plan)); break;
    case Provider::Unknown: break;
    }
    if (!out)
        return out;
    if (const Cell* extra = cells[Claims]; !isEmpty(extra)) {
        auto obj = object(QStringLiteral("claims"), extra, {});
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it)
            (out->liveKit ? out->liveKitExtra : out->base.claims).insert(it.key(), it.value());
    }
    return out;
}

} // namespace td::batch
