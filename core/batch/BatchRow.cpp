// SPDX-License-Identifier: MIT
#include "core/batch/BatchRow.h"

#include "core/Duration.h"
#include "core/batch/RowCells.h"
#include "core/json/JsonNumber.h"
#include "core/providers/Finding.h"
#include "core/providers/Registry.h"

#include <QHash>
#include <QVarLengthArray>

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

// The columns every provider shares, at fixed indices; the provider modules' own columns follow.
enum CommonColumn { Identity, Name, Room, Preset, Ttl, CommonCount };

/** Every batch column by index: the common ones, then each module's in registry order (first declaration wins). */
struct ColumnTable {
    QStringList names;
    QHash<QString, int> byName;        // normalised name or alias -> index
    QHash<int, QList<bool>> appliesTo; // provider -> applies, by index
};

const ColumnTable& columnTable()
{
    static const ColumnTable table = [] {
        ColumnTable t;
        t.names = QStringList{QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("room"),
                              QStringLiteral("preset"), QStringLiteral("ttl")};
        for (const ProviderModule* module : providerModules()) {
            for (const QString& column : module->batchColumns()) {
                if (!t.names.contains(column))
                    t.names << column;
            }
        }
        for (int i = 0; i < t.names.size(); ++i)
            t.byName.insert(normalised(t.names[i]), i);
        for (const auto& [alias, column] : {std::pair{"userid", "identity"},
                                            {"user", "identity"},
                                            {"id", "identity"},
                                            {"displayname", "name"},
                                            {"username", "name"},
                                            {"roomid", "room"},
                                            {"roomname", "room"},
                                            {"role", "preset"},
                                            {"streamidlist", "streams"},
                                            {"streamids", "streams"}}) {
            if (const int index = t.names.indexOf(QLatin1String(column)); index >= 0)
                t.byName.insert(QLatin1String(alias), index);
        }
        for (const ProviderModule* module : providerModules()) {
            QList<bool> applies(t.names.size(), false);
            for (int i = 0; i < CommonCount; ++i)
                applies[i] = true;
            for (const QString& column : module->batchColumns())
                applies[t.names.indexOf(column)] = true;
            t.appliesTo.insert(static_cast<int>(module->id()), applies);
        }
        return t;
    }();
    return table;
}

/** The column a header names, or -1; remembered per thread, since every row repeats the same headers. */
int columnOf(const QString& header)
{
    thread_local QHash<QString, int> cache;
    if (const auto it = cache.constFind(header); it != cache.cend())
        return it.value();
    const int column = columnTable().byName.value(normalised(header), -1);
    if (cache.size() < 256)
        cache.insert(header, column);
    return column;
}

using Cells = QVarLengthArray<const Cell*, 32>;

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
    Cells cells(columnTable().names.size(), nullptr);
    for (const Cell& cell : row.cells) {
        const int column = columnOf(cell.header);
        if (column >= 0 && !cells[column])
            cells[column] = &cell;
    }
    return cells;
}

/** The readers a provider module plans a row with, over one row's cells. */
class RowCellsOf final : public RowCells {
public:
    explicit RowCellsOf(const Cells& cells) : m_cells(cells) {}

    int column(QLatin1StringView name) const override { return columnTable().names.indexOf(name); }
    bool isEmpty(int column) const override { return batch::isEmpty(cell(column)); }
    QString text(int column) const override { return batch::text(cell(column)); }
    QString rawText(int column) const override
    {
        const Cell* c = cell(column);
        return c && c->json.isUndefined() ? c->text : batch::text(c);
    }
    Result<bool> boolean(int column) const override { return batch::boolean(nameOf(column), cell(column)); }
    Result<QStringList> list(int column) const override { return batch::list(nameOf(column), cell(column)); }
    Result<QJsonObject> object(int column, const QStringList& listKeys) const override
    {
        return batch::object(nameOf(column), cell(column), listKeys);
    }
    QString valueText(const QJsonValue& value) const override { return batch::valueText(value); }

private:
    const Cell* cell(int column) const { return column >= 0 && column < m_cells.size() ? m_cells[column] : nullptr; }
    static QString nameOf(int column) { return columnTable().names.value(column); }

    const Cells& m_cells;
};

} // namespace

QStringList columnsFor(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    if (!module)
        return {};
    return QStringList{QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("room"),
                       QStringLiteral("preset"), QStringLiteral("ttl")} +
           module->batchColumns();
}

QString canonicalColumn(const QString& header)
{
    const int column = columnOf(header);
    return column < 0 ? QString() : columnTable().names[column];
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
    const ProviderModule* module = findModule(profile.provider);
    if (!module)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
    const ColumnTable& table = columnTable();
    const Cells cells = cellsOf(row);
    const QList<bool>& applies = *table.appliesTo.constFind(static_cast<int>(profile.provider));
    for (int column = 0; column < cells.size(); ++column) {
        if (!applies[column] && !isEmpty(cells[column]))
            return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "%1: does not apply to %2 profiles"),
                        table.names[column], providerName(profile.provider));
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

    Result<RowPlan> out = module->planForRow(RowCellsOf(cells), room, std::move(plan));
    if (!out)
        return out;
    static const int claimsColumn = table.names.indexOf(QStringLiteral("claims"));
    if (const Cell* extra = claimsColumn >= 0 ? cells[claimsColumn] : nullptr; !isEmpty(extra)) {
        auto obj = object(QStringLiteral("claims"), extra, {});
        if (!obj)
            return std::unexpected(obj.error());
        for (auto it = obj->begin(); it != obj->end(); ++it)
            (out->liveKit ? out->liveKitExtra : out->base.claims).insert(it.key(), it.value());
    }
    return out;
}

} // namespace td::batch
