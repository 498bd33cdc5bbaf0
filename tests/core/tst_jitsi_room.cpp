// SPDX-License-Identifier: MIT
// Rooms as Jitsi Meet joins them (issue 13). The expected names follow the client's rule (decode when the text
// decodes, NFKC, toLowerCase, encodeURIComponent, lower-case escapes); the node interop test checks the same rule
// on generated names against JavaScript itself.
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/jitsi/JitsiToken.h"

#include <QTest>

using namespace td;
using namespace td::jitsi;

namespace {

bool hasCode(const QList<Finding>& findings, const QString& code)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Finding& f) { return f.code == code; });
}

} // namespace

class TestJitsiRoom : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backendSafe_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("joined");
        const auto row = [](const char* tag, const QString& typed, const char* joined) {
            QTest::newRow(tag) << typed << QString::fromLatin1(joined);
        };
        row("ascii", QStringLiteral("team"), "team");
        row("space and case", QStringLiteral("Team Standup"), "team%20standup");
        row("already escaped", QStringLiteral("team%20standup"), "team%20standup");
        row("escaped, mixed case", QStringLiteral("Team%20Standup"), "team%20standup");
        row("escape decoded once", QStringLiteral("TEAM%2520x"), "team%2520x");
        row("stray percent keeps the text", QStringLiteral("100% fun"), "100%25%20fun");
        row("trailing percent", QStringLiteral("50%"), "50%25");
        row("upper-case escapes", QStringLiteral("%E4%B8%AD"), "%e4%b8%ad");
        row("truncated UTF-8 escape", QStringLiteral("%C3"), "%25c3");
        row("latin accent", QStringLiteral("Café"), "caf%c3%a9");
        row("upper-case accent", QStringLiteral("CAFÉ"), "caf%c3%a9");
        row("combining accent (NFKC composes)", QStringLiteral("cafe\u0301"), "caf%c3%a9");
        row("chinese", QStringLiteral("會議室"), "%e6%9c%83%e8%ad%b0%e5%ae%a4");
        row("full-width letters", QStringLiteral("ＴｅａｍＡ"), "teama");
        row("ligature", QStringLiteral("ﬁle"), "file");
        row("roman numeral", QStringLiteral("Ⅻ"), "xii");
        row("circled digit", QStringLiteral("①"), "1");
        row("emoji", QStringLiteral("😀 party"), "%f0%9f%98%80%20party");
        row("escaped emoji", QStringLiteral("%F0%9F%98%80"), "%f0%9f%98%80");
        row("marks encodeURIComponent keeps", QStringLiteral("a(b)c*d'e!"), "a(b)c*d'e!");
        row("slash", QStringLiteral("x/y"), "x%2fy");
        row("reserved", QStringLiteral("a+b=c"), "a%2bb%3dc");
        row("dotted capital I", QStringLiteral("İstanbul"), "i%cc%87stanbul");
        row("final sigma", QStringLiteral("ΟΔΟΣ"), "%ce%bf%ce%b4%ce%bf%cf%82");
        row("sigma in and out of words", QStringLiteral("ΣΑΣ Σ"), "%cf%83%ce%b1%cf%82%20%cf%83");
        row("capital sharp s", QStringLiteral("ẞ"), "%c3%9f");
        row("unreserved", QStringLiteral("a~b_c.d-e"), "a~b_c.d-e");
        row("half-width katakana", QStringLiteral("ﾊﾝｶｸ"), "%e3%83%8f%e3%83%b3%e3%82%ab%e3%82%af");
        row("square ideograph", QStringLiteral("㍿"), "%e6%a0%aa%e5%bc%8f%e4%bc%9a%e7%a4%be");
        row("digraph", QStringLiteral("Ǆ"), "d%c5%be");
        row("tab", QStringLiteral("tab\there"), "tab%09here");
        row("empty", QString(), "");
    }

    void backendSafe()
    {
        QFETCH(QString, typed);
        QFETCH(QString, joined);
        const auto safe = backendSafeRoomName(typed);
        QVERIFY2(safe.has_value(), qPrintable(typed));
        QCOMPARE(*safe, joined);
        // The rule is idempotent: a claim already in the joined form stays as it is.
        QCOMPARE(backendSafeRoomName(*safe).value(), joined);
    }

    void unpairedSurrogateIsRefused()
    {
        const QString lone = QString(QChar(0xD83D)) + QStringLiteral("x");
        QVERIFY(!backendSafeRoomName(lone));
        QVERIFY(!roomClaimFor(lone, false, false));
    }

    void decodeFollowsJavaScript()
    {
        QCOMPARE(decodeUriComponent(QStringLiteral("a%2Fb")).value(), QStringLiteral("a/b"));
        QVERIFY(!decodeUriComponent(QStringLiteral("%")));
        QVERIFY(!decodeUriComponent(QStringLiteral("%G0")));
        QVERIFY(!decodeUriComponent(QStringLiteral("%C0%80")));    // overlong
        QVERIFY(!decodeUriComponent(QStringLiteral("%ED%A0%80"))); // a surrogate in UTF-8
        QVERIFY(!decodeUriComponent(QStringLiteral("%80")));       // a continuation byte first
        QVERIFY(!decodeUriComponent(QStringLiteral("%E4%B8")));    // cut short
    }

    void tenantPathBySegment()
    {
        QCOMPARE(backendSafePath(QStringLiteral("Acme/Sales Team")).value(), QStringLiteral("acme/sales%20team"));
        const auto d = deploymentFromUrl(QStringLiteral("https://Meet.Example.org/Acme Corp/"), true);
        QVERIFY(d);
        QCOMPARE(d->host, QStringLiteral("meet.example.org"));
        QCOMPARE(d->tenant, QStringLiteral("acme%20corp"));
        QCOMPARE(deploymentFromUrl(QStringLiteral("meet.example.org"), true)->tenant, QString());
    }

    void claimWrittenAndNoted()
    {
        auto claim = roomClaimFor(QStringLiteral("Team Standup"), false, false);
        QVERIFY(claim && claim->changed);
        QCOMPARE(claim->written, QStringLiteral("team%20standup"));
        QVERIFY(roomRewrittenFinding(QStringLiteral("Team Standup"), claim->written)
                    .message.contains(QStringLiteral("room claim written as team%20standup")));
        // Kept as typed: raw, any room, patterns, and names already in the joined form.
        QCOMPARE(roomClaimFor(QStringLiteral("Team Standup"), false, true)->written, QStringLiteral("Team Standup"));
        QCOMPARE(roomClaimFor(QStringLiteral("*"), false, false)->written, QStringLiteral("*"));
        QCOMPARE(roomClaimFor(QStringLiteral("Team%-%d+"), true, false)->written, QStringLiteral("Team%-%d+"));
        QVERIFY(!roomClaimFor(QStringLiteral("team"), false, false)->changed);
    }

    void linkSegmentSurvivesTheClientsPathCleanup()
    {
        // The client strips ! ' ( ) * from a URL path before the rule; escaped, they come back after decoding.
        QCOMPARE(joinLinkSegment(QStringLiteral("hello!(1)")), QStringLiteral("hello%21%281%29"));
        QCOMPARE(backendSafeRoomName(joinLinkSegment(QStringLiteral("a'b*c"))).value(), QStringLiteral("a'b*c"));
        QCOMPARE(joinLinkSegment(QStringLiteral("team%20standup")), QStringLiteral("team%20standup"));
    }

    void readableName()
    {
        QCOMPARE(readableRoomName(QStringLiteral("team%20standup")), QStringLiteral("team standup"));
        QCOMPARE(readableRoomName(QStringLiteral("caf%c3%a9")), QStringLiteral("café"));
        QCOMPARE(readableRoomName(QStringLiteral("100%")), QStringLiteral("100%"));
    }

    void unjoinableClaims_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QString>("corrected"); // "" when the claim is fine
        QTest::newRow("space") << QStringLiteral("Team Standup") << QStringLiteral("team%20standup");
        QTest::newRow("non-ASCII unescaped") << QStringLiteral("café") << QStringLiteral("caf%c3%a9");
        QTest::newRow("chinese unescaped") << QStringLiteral("會議室") << QStringLiteral("%e6%9c%83%e8%ad%b0%e5%ae%a4");
        QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("a%2fb");
        // Prosody lower-cases the claim with string.lower, so ASCII case, upper-case escapes included, is harmless.
        QTest::newRow("upper-case ASCII") << QStringLiteral("Daily") << QString();
        QTest::newRow("upper-case escapes") << QStringLiteral("caf%C3%A9") << QString();
        QTest::newRow("joined form") << QStringLiteral("team%20standup") << QString();
        QTest::newRow("any room") << QStringLiteral("*") << QString();
    }

    void unjoinableClaims()
    {
        QFETCH(QString, claim);
        QFETCH(QString, corrected);
        const QList<Finding> findings = roomClaimFindings(claim, false, std::nullopt);
        if (corrected.isEmpty()) {
            QVERIFY2(findings.isEmpty(), qPrintable(findings.value(0).message));
            return;
        }
        QVERIFY(hasCode(findings, QStringLiteral("room-unjoinable")));
        QCOMPARE(findings.first().severity, Severity::Error);
        QVERIFY2(findings.first().message.contains(QLatin1Char('"') + corrected + QLatin1Char('"')),
                 qPrintable(findings.first().message));
    }

    void luaPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("room");
        QTest::addColumn<bool>("matches");
        QTest::newRow("digits") << QStringLiteral("team%-%d+") << QStringLiteral("team-42") << true;
        QTest::newRow("digits refuse letters") << QStringLiteral("team%-%d+") << QStringLiteral("team-abc") << false;
        // What Prosody makes of team%-%D+: lower-cased to team%-%d+.
        QTest::newRow("inverted after lowering")
            << luaLower(QStringLiteral("team%-%D+")) << QStringLiteral("team-42") << true;
        QTest::newRow("whole name only") << QStringLiteral("team") << QStringLiteral("team-x") << false;
        QTest::newRow("prefix found first is not whole") << QStringLiteral("a-") << QStringLiteral("aaa") << false;
        QTest::newRow("dot") << QStringLiteral("room.") << QStringLiteral("room7") << true;
        QTest::newRow("set") << QStringLiteral("[a-c]+x") << QStringLiteral("abcx") << true;
        QTest::newRow("negated set") << QStringLiteral("[^%d]+") << QStringLiteral("abc") << true;
        QTest::newRow("negated set refuses") << QStringLiteral("[^%d]+") << QStringLiteral("ab1") << false;
        QTest::newRow("optional") << QStringLiteral("rooms?") << QStringLiteral("room") << true;
        QTest::newRow("anchors") << QStringLiteral("^demo.*$") << QStringLiteral("demo-1") << true;
        QTest::newRow("escapes in a room") << QStringLiteral("caf%%c3%%a9") << QStringLiteral("caf%c3%a9") << true;
        QTest::newRow("balanced") << QStringLiteral("%b()") << QStringLiteral("(a(b))") << true;
        QTest::newRow("frontier") << QStringLiteral("%f[%a]%a+") << QStringLiteral("abc") << true;
        QTest::newRow("capture and back-reference") << QStringLiteral("(%a+)-%1") << QStringLiteral("ab-ab") << true;
        QTest::newRow("back-reference refuses") << QStringLiteral("(%a+)-%1") << QStringLiteral("ab-cd") << false;
    }

    void luaPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, room);
        QFETCH(bool, matches);
        QString error;
        const auto result = luaPatternMatchesWhole(pattern, room, &error);
        QVERIFY2(result.has_value(), qPrintable(error));
        QCOMPARE(*result, matches);
    }

    void malformedPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("unbalanced parenthesis") << QStringLiteral("(invalid");
        QTest::newRow("closing without opening") << QStringLiteral("abc)");
        QTest::newRow("missing bracket") << QStringLiteral("[abc");
        QTest::newRow("trailing percent") << QStringLiteral("abc%");
        QTest::newRow("bad capture index") << QStringLiteral("a%1");
        QTest::newRow("frontier without set") << QStringLiteral("%fa");
    }

    void malformedPatterns()
    {
        QFETCH(QString, pattern);
        const QList<Finding> findings = roomClaimFindings(pattern, true, true);
        QVERIFY2(hasCode(findings, QStringLiteral("room-pattern-malformed")), qPrintable(pattern));
    }

    void patternFindings()
    {
        QList<Finding> f = roomClaimFindings(QStringLiteral("team%-%D+"), true, std::nullopt);
        QVERIFY(hasCode(f, QStringLiteral("room-pattern-inverted-class")));
        QVERIFY(hasCode(f, QStringLiteral("room-pattern-needs-domain-verification")));
        QVERIFY(!hasCode(f, QStringLiteral("room-pattern-malformed")));
        for (const Finding& finding : f) {
            if (finding.code == QStringLiteral("room-pattern-inverted-class"))
                QVERIFY(finding.message.contains(QStringLiteral("%D")) &&
                        finding.message.contains(QStringLiteral("%d")));
        }
        f = roomClaimFindings(QStringLiteral("team%-%d+"), true, true);
        QVERIFY2(f.isEmpty(), qPrintable(f.value(0).message));
        f = roomClaimFindings(QStringLiteral("team%-%d+"), true, false);
        QVERIFY(hasCode(f, QStringLiteral("room-pattern-without-domain-verification")));
        QCOMPARE(f.first().severity, Severity::Error);
    }

    void subjectAgainstDeployment()
    {
        const JitsiDeployment plain{QStringLiteral("meet.example.org"), QString(), true};
        QVERIFY(subjectFindings(QStringLiteral("meet.example.org"), plain).isEmpty());
        QVERIFY(subjectFindings(QStringLiteral("Meet.Example.org"), plain).isEmpty());
        QVERIFY(subjectFindings(QStringLiteral("*"), plain).isEmpty());
        QVERIFY(hasCode(subjectFindings(QStringLiteral("meet.jitsi"), plain), QStringLiteral("sub-not-domain")));
        const JitsiDeployment tenant{QStringLiteral("meet.example.org"), QStringLiteral("acme"), true};
        QVERIFY(subjectFindings(QStringLiteral("acme"), tenant).isEmpty());
        QVERIFY(
            hasCode(subjectFindings(QStringLiteral("meet.example.org"), tenant), QStringLiteral("sub-cannot-match")));
        const JitsiDeployment off{QStringLiteral("meet.example.org"), QStringLiteral("acme"), false};
        QVERIFY(subjectFindings(QStringLiteral("anything"), off).isEmpty());
    }

    void mintWritesTheJoinedForm()
    {
        SelfHostedRequest r;
        r.appId = QStringLiteral("app");
        r.appSecret = crypto::SecretByteArray(QByteArrayLiteral("secret-secret-secret"));
        r.subject = QStringLiteral("meet.example.org");
        r.claims.room = QStringLiteral("Team Standup");
        auto minted = mintSelfHosted(r, SystemClock());
        QVERIFY(minted);
        QCOMPARE(minted->claims.toJsonValue().toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("team%20standup"));
        QVERIFY(hasCode(minted->notes, QStringLiteral("room-normalised")));
        QStringList words = explainPermissions(minted->claims.toJsonValue().toObject());
        QVERIFY2(words.first().contains(QStringLiteral("\"team standup\"")) &&
                     words.first().contains(QStringLiteral("team%20standup")),
                 qPrintable(words.first()));

        r.claims.roomRaw = true;
        minted = mintSelfHosted(r, SystemClock());
        QVERIFY(minted);
        QCOMPARE(minted->claims.toJsonValue().toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("Team Standup"));
        QVERIFY(hasCode(minted->notes, QStringLiteral("room-unjoinable")));
    }
};

QTEST_GUILESS_MAIN(TestJitsiRoom)
#include "tst_jitsi_room.moc"
