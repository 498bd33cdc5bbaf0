// SPDX-License-Identifier: MIT
// The Inspect page driven as a user would: paste, type the secret, click, read the findings.
#include "core/providers/livekit/LiveKitToken.h"
#include "tests/support/TestContext.h"
#include "tests/support/Tokens.h"
#include "ui/inspect/InspectPage.h"

#include "core/credentials/Profile.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace td;

namespace {

QByteArray liveKitToken(qint64 now, qint64 ttl)
{
    return test::liveKitJoinToken(now, ttl, QStringLiteral("demo"));
}

QStringList codes(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}

/** The verdict banner's words ("Valid: signature verified. livekit · ...") and its tone. */
QString verdict(const QWidget& page)
{
    return page.findChild<QLabel*>(QStringLiteral("summaryLabel"))->accessibleDescription();
}

/** The banner's tone, or nothing while no verdict is shown. */
std::optional<ui::Tone> tone(const QWidget& page)
{
    const QVariant value = page.findChild<QLabel*>(QStringLiteral("summaryLabel"))->property("tone");
    return value.isValid() ? std::optional(static_cast<ui::Tone>(value.toInt())) : std::nullopt;
}

} // namespace

class TestInspectPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void expiredTokenShowsTheFinding()
    {
        test::TestContext ctx(1700000000 + 7200);
        ui::InspectPage page(ctx.context);
        page.show();
        auto* token = page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"));
        auto* secret = page.findChild<QLineEdit*>(QStringLiteral("secretLineEdit"));
        QVERIFY(token && secret);
        token->setPlainText(QString::fromLatin1(liveKitToken(1700000000, 3600)));
        QTest::keyClicks(secret, QStringLiteral("secret"));
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("inspectPushButton")), Qt::LeftButton);
        const auto* findings = page.findChild<QListWidget*>(QStringLiteral("findingsListWidget"));
        QVERIFY(codes(findings).contains(QStringLiteral("expired")));
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Invalid: expired")), qPrintable(verdict(page)));
        QCOMPARE(tone(page), std::optional(ui::Tone::Bad));
        QVERIFY(page.findChild<QTreeWidget*>(QStringLiteral("claimsTreeWidget"))->topLevelItemCount() == 2);
    }

    void tamperedTokenFailsVerification()
    {
        test::TestContext ctx(1700000000);
        ui::InspectPage page(ctx.context);
        // Same signature, a payload that asks for another room.
        const QList<QByteArray> parts = liveKitToken(1700000000, 3600).split('.');
        QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
        payload.replace("demo", "evil");
        const QByteArray t = parts[0] + '.' +
                             payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + '.' +
                             parts[2];
        page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->setPlainText(QString::fromLatin1(t));
        auto* secret = page.findChild<QLineEdit*>(QStringLiteral("secretLineEdit"));
        QTest::keyClicks(secret, QStringLiteral("secret"));
        QTest::keyClick(secret, Qt::Key_Return);
        const auto* findings = page.findChild<QListWidget*>(QStringLiteral("findingsListWidget"));
        QVERIFY2(codes(findings).contains(QStringLiteral("bad-signature")), qPrintable(verdict(page)));
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Invalid: the signature does not match")),
                 qPrintable(verdict(page)));
        QCOMPARE(tone(page), std::optional(ui::Tone::Bad));
        // What it claims to grant is marked as such.
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("permissionsHeadingLabel"))
                    ->text()
                    .endsWith(QStringLiteral("claimed, not verified")));
    }

    void verifiesAgainstAStoredProfile()
    {
        test::TestContext ctx(1700000100);
        credentials::Profile p;
        p.name = QStringLiteral("lk-dev");
        p.apiKey = QStringLiteral("devkey");
        QVERIFY(ctx.profiles.save(p, {{QStringLiteral("apiSecret"), "secret"}}).has_value());
        credentials::Profile wrong = p;
        wrong.name = QStringLiteral("lk-other");
        QVERIFY(ctx.profiles.save(wrong, {{QStringLiteral("apiSecret"), "another-secret"}}).has_value());
        ui::InspectPage page(ctx.context);
        auto* verifyWith = page.findChild<QComboBox*>(QStringLiteral("verifyWithComboBox"));
        QCOMPARE(verifyWith->count(), 3); // typed credentials + two profiles
        page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))
            ->setPlainText(QString::fromLatin1(liveKitToken(1700000000, 3600)));
        verifyWith->setCurrentIndex(verifyWith->findData(QStringLiteral("lk-dev")));
        QVERIFY(!page.findChild<QLineEdit*>(QStringLiteral("secretLineEdit"))->isEnabled());
        page.inspect();
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Valid: signature verified")), qPrintable(verdict(page)));
        QCOMPARE(tone(page), std::optional(ui::Tone::Good));

        verifyWith->setCurrentIndex(verifyWith->findData(QStringLiteral("lk-other")));
        page.inspect();
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Invalid: the signature")), qPrintable(verdict(page)));
    }

    void comparesTwoTokensClaimByClaim()
    {
        test::TestContext ctx(1700000000);
        ui::InspectPage page(ctx.context);
        page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))
            ->setPlainText(QString::fromLatin1(test::liveKitJoinToken(1700000000, 3600, QStringLiteral("red"))));
        page.findChild<QPlainTextEdit*>(QStringLiteral("otherTokenPlainTextEdit"))
            ->setPlainText(QString::fromLatin1(test::liveKitJoinToken(1700000000, 3600, QStringLiteral("blue"))));
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("comparePushButton")), Qt::LeftButton);
        const auto* diff = page.findChild<QTreeWidget*>(QStringLiteral("diffTreeWidget"));
        QStringList changed;
        for (int i = 0; i < diff->topLevelItemCount(); ++i) {
            if (diff->topLevelItem(i)->data(0, Qt::UserRole).toInt() != 0)
                changed << diff->topLevelItem(i)->text(0);
        }
        QCOMPARE(changed, QStringList{QStringLiteral("claims.video.room")});
        QVERIFY(diff->topLevelItemCount() > 5); // equal claims are listed too, side by side
        QVERIFY(
            page.findChild<QLabel*>(QStringLiteral("compareSummaryLabel"))->text().contains(QStringLiteral("1 claim")));
    }

    void garbageSaysWhy()
    {
        test::TestContext ctx(0);
        ui::InspectPage page(ctx.context);
        page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->setPlainText(QStringLiteral("hello"));
        page.inspect();
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Not a token")), qPrintable(verdict(page)));
    }

    // The four verdicts as a user reads them, each decoded as soon as the text is there (no button), and the
    // profile whose API key is the token's iss picked by itself.
    void verdictsAndTheMatchingProfile()
    {
        test::TestContext ctx(1700000000);
        credentials::Profile p;
        p.name = QStringLiteral("lk-dev");
        p.apiKey = QStringLiteral("devkey");
        QVERIFY(ctx.profiles.save(p, {{QStringLiteral("apiSecret"), "secret"}}).has_value());
        credentials::Profile other;
        other.name = QStringLiteral("lk-other");
        other.apiKey = QStringLiteral("APIother");
        QVERIFY(ctx.profiles.save(other, {{QStringLiteral("apiSecret"), "another-secret"}}).has_value());
        ui::InspectPage page(ctx.context);
        page.show();
        auto* token = page.findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"));
        auto* verifyWith = page.findChild<QComboBox*>(QStringLiteral("verifyWithComboBox"));

        // Valid: the profile lk-dev (API key devkey = iss) is chosen without asking.
        token->setPlainText(QString::fromLatin1(liveKitToken(1700000000 - 60, 3600)));
        QTRY_COMPARE(tone(page), std::optional(ui::Tone::Good));
        QCOMPARE(verifyWith->currentData().toString(), QStringLiteral("lk-dev"));
        QVERIFY2(verdict(page).contains(QStringLiteral("profile lk-dev")), qPrintable(verdict(page)));
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("permissionsHeadingLabel"))
                     ->text()
                     .contains(QStringLiteral("claimed")));

        // Valid within the leeway: expired 42 s ago, LiveKit still accepts it for 18 s.
        token->setPlainText(QString::fromLatin1(liveKitToken(1700000000 - 3642, 3600)));
        QTRY_COMPARE(tone(page), std::optional(ui::Tone::Warning));
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Valid within leeway: expired 42s ago, accepted by LiveKit's "
                                                         "60 s leeway")),
                 qPrintable(verdict(page)));

        // Invalid: expired beyond the leeway.
        token->setPlainText(QString::fromLatin1(liveKitToken(1700000000 - 7200, 3600)));
        QTRY_COMPARE(tone(page), std::optional(ui::Tone::Bad));
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Invalid: expired")), qPrintable(verdict(page)));

        // Not verified: a token no profile matches, nothing typed.
        token->setPlainText(QString::fromLatin1(
            test::liveKitJoinToken(1700000000, 3600, QStringLiteral("x"), QStringLiteral("APIunknown"))));
        QTRY_COMPARE(tone(page), std::optional(ui::Tone::Neutral));
        QCOMPARE(verifyWith->currentIndex(), 0);
        QVERIFY2(verdict(page).startsWith(QStringLiteral("Not verified: signature not checked")),
                 qPrintable(verdict(page)));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("permissionsHeadingLabel"))
                    ->text()
                    .endsWith(QStringLiteral("claimed, not verified")));

        // A profile the user picks stays picked for the next token.
        verifyWith->setCurrentIndex(verifyWith->findData(QStringLiteral("lk-other")));
        Q_EMIT verifyWith->activated(verifyWith->currentIndex());
        token->setPlainText(QString::fromLatin1(liveKitToken(1700000000, 3600)));
        QTRY_COMPARE(tone(page), std::optional(ui::Tone::Bad));
        QCOMPARE(verifyWith->currentData().toString(), QStringLiteral("lk-other"));
    }
};

QTEST_MAIN(TestInspectPage)
#include "tst_inspect_page.moc"
