// SPDX-License-Identifier: MIT
#include "core/inspect/ClaimDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace td {
namespace {

QString compact(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A scalar: wrap it in an array to reuse Qt's JSON formatting, then strip the brackets.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void flatten(const QString& prefix, const QJsonObject& object, QMap<QString, QString>& out)
{
    if (object.isEmpty()) {
        out.insert(prefix, QStringLiteral("{}"));
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(path, it.value().toObject(), out);
        else
            out.insert(path, compact(it.value()));
    }
}

} // namespace

QList<ClaimDifference> diffClaims(const QJsonObject& leftHeader, const QJsonObject& leftClaims,
                                  const QJsonObject& rightHeader, const QJsonObject& rightClaims)
{
    QMap<QString, QString> left;
    QMap<QString, QString> right;
    flatten(QStringLiteral("header"), leftHeader, left);
    flatten(QStringLiteral("claims"), leftClaims, left);
    flatten(QStringLiteral("header"), rightHeader, right);
    flatten(QStringLiteral("claims"), rightClaims, right);
    QStringList paths = left.keys();
    for (const QString& p : right.keys()) {
        if (!left.contains(p))
            paths.append(p);
    }
    std::sort(paths.begin(), paths.end());
    QList<ClaimDifference> out;
    for (const QString& p : paths) {
        ClaimDifference d{p, left.value(p), right.value(p), ClaimDifference::Kind::Same};
        if (!left.contains(p))
            d.kind = ClaimDifference::Kind::OnlyRight;
        else if (!right.contains(p))
            d.kind = ClaimDifference::Kind::OnlyLeft;
        else if (d.left != d.right)
            d.kind = ClaimDifference::Kind::Changed;
        out.append(d);
    }
    return out;
}

} // namespace td
