// SPDX-License-Identifier: MIT
// The claim-by-claim comparison behind Inspect's "compare two tokens".
#include "core/inspect/ClaimDiff.h"

#include <QJsonArray>
#include <QTest>

using namespace td;
using Kind = ClaimDifference::Kind;

class TestClaimDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void walksObjectsAndComparesLeaves()
    {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}};
        const QJsonObject left{{QStringLiteral("sub"), QStringLiteral("ann")},
                               {QStringLiteral("video"), QJsonObject{{QStringLiteral("room"), QStringLiteral("a")},
                                                                     {QStringLiteral("canPublish"), true}}},
                               {QStringLiteral("sources"), QJsonArray{QStringLiteral("camera")}}};
        const QJsonObject right{
            {QStringLiteral("sub"), QStringLiteral("ann")},
            {QStringLiteral("video"), QJsonObject{{QStringLiteral("room"), QStringLiteral("b")}}},
            {QStringLiteral("sources"), QJsonArray{QStringLiteral("camera"), QStringLiteral("microphone")}},
            {QStringLiteral("name"), QStringLiteral("Ann")}};
        const QList<ClaimDifference> diff =
            diffClaims(header, left, QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")}}, right);
        QHash<QString, ClaimDifference> byPath;
        for (const ClaimDifference& d : diff)
            byPath.insert(d.path, d);
        QCOMPARE(byPath.value(QStringLiteral("header.alg")).kind, Kind::Changed);
        QCOMPARE(byPath.value(QStringLiteral("claims.sub")).kind, Kind::Same);
        QCOMPARE(byPath.value(QStringLiteral("claims.video.room")).left, QStringLiteral("\"a\""));
        QCOMPARE(byPath.value(QStringLiteral("claims.video.room")).kind, Kind::Changed);
        QCOMPARE(byPath.value(QStringLiteral("claims.video.canPublish")).kind, Kind::OnlyLeft);
        QCOMPARE(byPath.value(QStringLiteral("claims.video.canPublish")).left, QStringLiteral("true"));
        QCOMPARE(byPath.value(QStringLiteral("claims.name")).kind, Kind::OnlyRight);
        QCOMPARE(byPath.value(QStringLiteral("claims.sources")).right, QStringLiteral("[\"camera\",\"microphone\"]"));
        QCOMPARE(byPath.value(QStringLiteral("claims.sources")).kind, Kind::Changed);
        QCOMPARE(diff.size(), 6);
        // Sorted by path, so the view reads in a stable order.
        for (qsizetype i = 1; i < diff.size(); ++i)
            QVERIFY(diff.at(i - 1).path < diff.at(i).path);
    }

    void identicalTokensHaveNoDifference()
    {
        const QJsonObject claims{{QStringLiteral("exp"), 1700000000}, {QStringLiteral("nested"), QJsonObject{}}};
        for (const ClaimDifference& d : diffClaims({}, claims, {}, claims))
            QCOMPARE(d.kind, Kind::Same);
    }
};

QTEST_GUILESS_MAIN(TestClaimDiff)
#include "tst_claim_diff.moc"
