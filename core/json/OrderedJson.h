// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <utility>
#include <variant>
#include <vector>

namespace td {

/**
 * A JSON value whose objects keep insertion order, so minted tokens can match the official SDKs byte for byte
 * (QJsonObject sorts its keys). Serialises like JavaScript's JSON.stringify.
 */
class OrderedJson final {
public:
    enum class Type { Null, Bool, Integer, Double, String, Array, Object };
    using Array = std::vector<OrderedJson>;
    using Member = std::pair<QString, OrderedJson>;
    using Object = std::vector<Member>;

    OrderedJson() = default;
    OrderedJson(bool v) : m_value(v) {}
    OrderedJson(int v) : m_value(static_cast<qint64>(v)) {}
    OrderedJson(qint64 v) : m_value(v) {}
    OrderedJson(double v) : m_value(v) {}
    OrderedJson(QString v) : m_value(std::move(v)) {}
    OrderedJson(const char*) = delete; // be explicit about encodings

    static OrderedJson array() { return OrderedJson(Array{}); }
    static OrderedJson object() { return OrderedJson(Object{}); }
    /** Converts a QJsonValue; object members come out in QJsonObject's (sorted) order. */
    static OrderedJson fromJsonValue(const QJsonValue& value);

    Type type() const { return static_cast<Type>(m_value.index()); }
    bool isObject() const { return type() == Type::Object; }
    bool isNull() const { return type() == Type::Null; }

    /** Sets a member: replaces in place when the key exists, appends otherwise. Object only. */
    OrderedJson& insert(const QString& key, OrderedJson value);
    bool remove(const QString& key);
    const OrderedJson* find(const QString& key) const;
    OrderedJson* find(const QString& key);
    /** Appends to an array. */
    void append(OrderedJson value);
    /** Number of members or elements; 0 for scalars. */
    qsizetype size() const;
    const Object& members() const { return std::get<Object>(m_value); }

    QJsonValue toJsonValue() const;
    /** Compact JSON in insertion order. */
    QByteArray serialize() const;
    void serializeTo(QByteArray& out) const;

private:
    explicit OrderedJson(Array a) : m_value(std::move(a)) {}
    explicit OrderedJson(Object o) : m_value(std::move(o)) {}

    std::variant<std::monostate, bool, qint64, double, QString, Array, Object> m_value;
};

/** Appends s as a JSON string literal with JSON.stringify escaping. */
void appendJsonString(QByteArray& out, const QString& s);

} // namespace td
