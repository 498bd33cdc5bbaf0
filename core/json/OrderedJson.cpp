// SPDX-License-Identifier: MIT
#include "core/json/OrderedJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <charconv>
#include <cmath>

namespace td {

OrderedJson OrderedJson::fromJsonValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return OrderedJson(value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Integers up to 2^53 are exact in a double; keep them integral so they print without a fraction.
        if (std::trunc(d) == d && std::abs(d) < 9007199254740992.0)
            return OrderedJson(static_cast<qint64>(d));
        return OrderedJson(d);
    }
    case QJsonValue::String: return OrderedJson(value.toString());
    case QJsonValue::Array: {
        OrderedJson arr = array();
        for (const QJsonValue& v : value.toArray())
            arr.append(fromJsonValue(v));
        return arr;
    }
    case QJsonValue::Object: {
        OrderedJson obj = object();
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            obj.insert(it.key(), fromJsonValue(it.value()));
        return obj;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return {};
}

OrderedJson& OrderedJson::insert(const QString& key, OrderedJson value)
{
    auto& obj = std::get<Object>(m_value);
    for (auto& [k, v] : obj) {
        if (k == key) {
            v = std::move(value);
            return v;
        }
    }
    if (obj.capacity() == 0)
        obj.reserve(8); // token payloads have a handful of members: skip the 1, 2, 4 growth steps
    obj.emplace_back(key, std::move(value));
    return obj.back().second;
}

bool OrderedJson::remove(const QString& key)
{
    auto& obj = std::get<Object>(m_value);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it->first == key) {
            obj.erase(it);
            return true;
        }
    }
    return false;
}

const OrderedJson* OrderedJson::find(const QString& key) const
{
    if (!isObject())
        return nullptr;
    for (const auto& [k, v] : std::get<Object>(m_value)) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

OrderedJson* OrderedJson::find(const QString& key)
{
    return const_cast<OrderedJson*>(std::as_const(*this).find(key));
}

void OrderedJson::append(OrderedJson value)
{
    std::get<Array>(m_value).push_back(std::move(value));
}

qsizetype OrderedJson::size() const
{
    if (const auto* a = std::get_if<Array>(&m_value))
        return static_cast<qsizetype>(a->size());
    if (const auto* o = std::get_if<Object>(&m_value))
        return static_cast<qsizetype>(o->size());
    return 0;
}

QJsonValue OrderedJson::toJsonValue() const
{
    switch (type()) {
    case Type::Null: return QJsonValue(QJsonValue::Null);
    case Type::Bool: return std::get<bool>(m_value);
    case Type::Integer: return std::get<qint64>(m_value);
    case Type::Double: return std::get<double>(m_value);
    case Type::String: return std::get<QString>(m_value);
    case Type::Array: {
        QJsonArray a;
        for (const auto& v : std::get<Array>(m_value))
            a.append(v.toJsonValue());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        for (const auto& [k, v] : std::get<Object>(m_value))
            o.insert(k, v.toJsonValue());
        return o;
    }
    }
    return {};
}

QByteArray OrderedJson::serialize() const
{
    QByteArray out;
    out.reserve(256);
    serializeTo(out);
    return out;
}

void appendJsonString(QByteArray& out, const QString& s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    // Claim names and most values are plain ASCII: write them without a temporary UTF-8 copy (an allocation per
    // string was a third of a mint's time).
    const QChar* units = s.constData();
    const qsizetype length = s.size();
    qsizetype ascii = 0;
    while (ascii < length && units[ascii].unicode() >= 0x20 && units[ascii].unicode() < 0x80 && units[ascii] != u'"' &&
           units[ascii] != u'\\')
        ++ascii;
    if (ascii == length) {
        const qsizetype at = out.size();
        out.resize(at + length);
        char* dst = out.data() + at;
        for (qsizetype i = 0; i < length; ++i)
            dst[i] = static_cast<char>(units[i].unicode());
        out.append('"');
        return;
    }
    const QByteArray utf8 = s.toUtf8();
    const char* data = utf8.constData();
    const qsizetype size = utf8.size();
    qsizetype runStart = 0;
    // Copy runs of bytes that need no escaping in one go; this is the hot path of every mint.
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(data + runStart, size - runStart);
    out.append('"');
}

void OrderedJson::serializeTo(QByteArray& out) const
{
    switch (type()) {
    case Type::Null: out.append("null"); return;
    case Type::Bool: out.append(std::get<bool>(m_value) ? "true" : "false"); return;
    case Type::Integer: {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, std::get<qint64>(m_value)).ptr;
        out.append(digits, end - digits);
        return;
    }
    case Type::Double: {
        const double d = std::get<double>(m_value);
        if (!std::isfinite(d)) {
            out.append("null"); // what JSON.stringify does
            return;
        }
        out.append(QLocale::c().toString(d, 'g', QLocale::FloatingPointShortest).toLatin1());
        return;
    }
    case Type::String: appendJsonString(out, std::get<QString>(m_value)); return;
    case Type::Array: {
        out.append('[');
        bool first = true;
        for (const auto& v : std::get<Array>(m_value)) {
            if (!first)
                out.append(',');
            first = false;
            v.serializeTo(out);
        }
        out.append(']');
        return;
    }
    case Type::Object: {
        out.append('{');
        bool first = true;
        for (const auto& [k, v] : std::get<Object>(m_value)) {
            if (!first)
                out.append(',');
            first = false;
            appendJsonString(out, k);
            out.append(':');
            v.serializeTo(out);
        }
        out.append('}');
        return;
    }
    }
}

} // namespace td
