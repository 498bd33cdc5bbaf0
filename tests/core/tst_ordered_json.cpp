// SPDX-License-Identifier: MIT
#include "core/json/OrderedJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using td::OrderedJson;

class TestOrderedJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsInsertionOrderAndReplacesInPlace()
    {
        OrderedJson o = OrderedJson::object();
        o.insert(QStringLiteral("b"), 1);
        o.insert(QStringLiteral("a"), true);
        o.insert(QStringLiteral("b"), 2);
        QCOMPARE(o.serialize(), QByteArray(R"({"b":2,"a":true})"));
        QVERIFY(o.remove(QStringLiteral("b")));
        QCOMPARE(o.serialize(), QByteArray(R"({"a":true})"));
    }

    void escapesLikeJsonStringify()
    {
        OrderedJson o = OrderedJson::object();
        o.insert(QStringLiteral("s"), QStringLiteral("q\" b\\ n\n t\t c\x01 / <>& 中文 é"));
        QCOMPARE(o.serialize(),
                 QByteArray("{\"s\":\"q\\\" b\\\\ n\\n t\\t c\\u0001 / <>& \xe4\xb8\xad\xe6\x96\x87 \xc3\xa9\"}"));
    }

    void numbersAndNull()
    {
        OrderedJson a = OrderedJson::array();
        a.append(qint64(-2147483648LL));
        a.append(1.5);
        a.append(OrderedJson());
        a.append(QStringLiteral(""));
        QCOMPARE(a.serialize(), QByteArray(R"([-2147483648,1.5,null,""])"));
    }

    void roundTripsThroughQJson()
    {
        const QByteArray json = R"({"a":[1,{"b":null}],"c":"d","e":false})";
        const OrderedJson o = OrderedJson::fromJsonValue(QJsonDocument::fromJson(json).object());
        QCOMPARE(o.serialize(), json);
        QCOMPARE(QJsonDocument(o.toJsonValue().toObject()).toJson(QJsonDocument::Compact), json);
    }
};

QTEST_GUILESS_MAIN(TestOrderedJson)
#include "tst_ordered_json.moc"
