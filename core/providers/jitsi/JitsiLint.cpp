// SPDX-License-Identifier: MIT
// What Prosody (luajwtjitsi + token/util), 8x8 and the Jitsi Meet client would say about a token (spec 3).
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/jitsi/JitsiToken.h"

#include <QHash>

namespace td::jitsi {
namespace {

bool isTruthy(const QJsonValue& v)
{
    return v.toBool() || v.toString() == QStringLiteral("true");
}

void lintFeatures(const QJsonObject& context, bool moderator, bool jaas, QList<Finding>& out)
{
    const QJsonValue features = context.value(QStringLiteral("features"));
    if (features.isUndefined()) {
        if (jaas)
            addFinding(
                out, Severity::Warning, "features-missing",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "JaaS tokens should carry context.features; the Meet client reports its absence and "
                                  "8x8 applies defaults"));
        return;
    }
    if (!features.isObject()) {
        addFinding(out, Severity::Error, "features-not-object",
                   QT_TRANSLATE_NOOP("td::Finding", "context.features must be an object"));
        return;
    }
    const QJsonObject f = features.toObject();
    const QStringList known = knownFeatures();
    for (auto it = f.begin(); it != f.end(); ++it) {
        if (!known.contains(it.key())) {
            const QString hint = closestMatch(it.key(), known);
            addFinding(
                out, Severity::Warning, "unknown-feature",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "feature \"%1\" is unknown; the Meet client flags it as featureInvalid and nothing "
                                  "enables it%2"),
                it.key(), hint.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(hint));
        }
        const QJsonValue v = it.value();
        const bool valid =
            v.isBool() || v.toString() == QStringLiteral("true") || v.toString() == QStringLiteral("false");
        if (!valid)
            addFinding(out, Severity::Error, "feature-value",
                       QT_TRANSLATE_NOOP("td::Finding", "feature \"%1\" must be true, false, \"true\" or \"false\""),
                       it.key());
    }
    bool anyOn = false;
    for (auto it = f.begin(); it != f.end(); ++it)
        anyOn = anyOn || isTruthy(it.value());
    if (jaas && anyOn && !moderator)
        addFinding(out, Severity::Warning, "features-without-moderator",
                   QT_TRANSLATE_NOOP(
                       "td::Finding",
                       "features are enabled but the user is not a moderator: on JaaS, features only take effect "
                       "for moderators"));
}

} // namespace

QList<Finding> lint(const jwt::DecodedJwt& token, bool jaas)
{
    QList<Finding> out;
    const QJsonObject& h = token.header;
    const QJsonObject& p = token.payload;
    if (h.value(QStringLiteral("typ")).toString() != QStringLiteral("JWT"))
        addFinding(
            out, Severity::Error, "typ-not-jwt",
            QT_TRANSLATE_NOOP("td::Finding",
                              "header typ must be exactly \"JWT\": Prosody rejects any other value or its absence"));
    if (jaas) {
        if (token.algorithm != QStringLiteral("RS256"))
            addFinding(out, Severity::Error, "wrong-alg",
                       QT_TRANSLATE_NOOP("td::Finding", "JaaS accepts only RS256, not %1"), token.algorithm);
        const QString kid = h.value(QStringLiteral("kid")).toString();
        const QString sub = p.value(QStringLiteral("sub")).toString();
        if (kid.isEmpty())
            addFinding(out, Severity::Error, "kid-missing",
                       QT_TRANSLATE_NOOP("td::Finding", "JaaS needs header kid = AppID/key id to find the public key"));
        else if (kid.section(QLatin1Char('/'), 0, 0) != sub)
            addFinding(
                out, Severity::Error, "kid-sub-mismatch",
                QT_TRANSLATE_NOOP("td::Finding", "kid \"%1\" does not start with sub \"%2\" (8x8 reports kidMismatch)"),
                kid, sub);
        if (p.value(QStringLiteral("aud")).toString() != QStringLiteral("jitsi"))
            addFinding(out, Severity::Error, "wrong-aud",
                       QT_TRANSLATE_NOOP("td::Finding", "JaaS requires aud \"jitsi\""));
        if (p.value(QStringLiteral("iss")).toString() != QStringLiteral("chat"))
            addFinding(out, Severity::Error, "wrong-iss",
                       QT_TRANSLATE_NOOP("td::Finding", "JaaS requires iss \"chat\""));
    } else {
        if (!p.value(QStringLiteral("iss")).isString())
            addFinding(
                out, Severity::Error, "iss-missing",
                QT_TRANSLATE_NOOP("td::Finding", "Prosody requires iss (normally its app_id, asap_accepted_issuers)"));
        if (p.value(QStringLiteral("aud")).isUndefined())
            addFinding(out, Severity::Error, "aud-missing",
                       QT_TRANSLATE_NOOP("td::Finding", "Prosody requires aud (asap_accepted_audiences)"));
        else if (!p.value(QStringLiteral("aud")).isString())
            addFinding(
                out, Severity::Warning, "aud-array",
                QT_TRANSLATE_NOOP("td::Finding",
                                  "Prosody compares aud as a string; an array only passes when audiences are \"*\""));
        if (!p.value(QStringLiteral("sub")).isString())
            addFinding(out, Severity::Error, "sub-missing",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "with domain verification (the default) Prosody needs sub: the domain, tenant or \"*\""));
        if (token.algorithm.startsWith(QStringLiteral("RS")) && !h.contains(QStringLiteral("kid")))
            addFinding(out, Severity::Error, "kid-missing",
                       QT_TRANSLATE_NOOP(
                           "td::Finding",
                           "RS256 (ASAP) needs header kid: Prosody fetches <sha256(kid)>.pem from its key server"));
    }
    if (!p.contains(QStringLiteral("nbf")))
        addFinding(
            out, Severity::Warning, "nbf-missing",
            QT_TRANSLATE_NOOP("td::Finding",
                              "no nbf: the Meet client reports nbfInvalid (the official Python sample has this bug)"));
    if (!p.contains(QStringLiteral("exp")))
        addFinding(out, Severity::Warning, "exp-missing",
                   QT_TRANSLATE_NOOP("td::Finding",
                                     "no exp: Prosody accepts it forever, the Meet client reports it, 8x8 refuses it"));
    const QJsonValue room = p.value(QStringLiteral("room"));
    if (!room.isString())
        addFinding(
            out, Severity::Error, "room-missing",
            QT_TRANSLATE_NOOP("td::Finding",
                              "no room claim: Prosody requires it (asap_require_room_claim); use \"*\" for any room"));
    const bool roomPattern = isTruthy(p.value(QStringLiteral("context"))
                                          .toObject()
                                          .value(QStringLiteral("room"))
                                          .toObject()
                                          .value(QStringLiteral("regex")));
    if (room.isString())
        out.append(roomClaimFindings(room.toString(), roomPattern, std::nullopt));

    const QJsonValue context = p.value(QStringLiteral("context"));
    if (!context.isObject()) {
        addFinding(
            out, Severity::Warning, "context-missing",
            QT_TRANSLATE_NOOP("td::Finding", "no context: the Meet client reports it, and the user has no name or id"));
        return out;
    }
    const QJsonObject ctx = context.toObject();
    const QJsonObject user = ctx.value(QStringLiteral("user")).toObject();
    for (auto it = user.begin(); it != user.end(); ++it) {
        if (it.key() != QStringLiteral("hidden-from-recorder") && it.key() != QStringLiteral("moderator") &&
            !it.value().isString())
            addFinding(out, Severity::Warning, "user-field-not-string",
                       QT_TRANSLATE_NOOP("td::Finding",
                                         "context.user.%1 should be a string: null or numbers break presence_identity"),
                       it.key());
    }
    const QJsonValue moderatorValue = user.value(QStringLiteral("moderator"));
    if (!moderatorValue.isUndefined() && !moderatorValue.isBool() &&
        moderatorValue.toString() != QStringLiteral("true") && moderatorValue.toString() != QStringLiteral("false"))
        addFinding(
            out, Severity::Warning, "moderator-value",
            QT_TRANSLATE_NOOP("td::Finding",
                              "context.user.moderator is neither true nor \"true\": the user is not a moderator"));
    const QString affiliation = user.value(QStringLiteral("affiliation")).toString();
    const bool moderator = isTruthy(moderatorValue) || affiliation == QStringLiteral("owner") ||
                           affiliation == QStringLiteral("moderator") || affiliation == QStringLiteral("teacher");
    lintFeatures(ctx, moderator, jaas, out);
    if (roomPattern)
        addFinding(
            out, Severity::Info, "room-regex",
            QT_TRANSLATE_NOOP("td::Finding",
                              "room is a pattern (context.room.regex): Prosody applies it as a Lua pattern, not a "
                              "JavaScript/PCRE regex, anchored to the whole room name"));
    return out;
}

namespace {

/** What a feature lets a participant do, for "can ..." / "cannot ..." sentences. */
QString featureInWords(const QString& feature)
{
    static const QHash<QString, QString> words{
        {QStringLiteral("livestreaming"), QStringLiteral("start a live stream (livestreaming)")},
        {QStringLiteral("recording"), QStringLiteral("start a recording (recording)")},
        {QStringLiteral("transcription"), QStringLiteral("start transcription and captions (transcription)")},
        {QStringLiteral("outbound-call"), QStringLiteral("dial out to a phone number (outbound-call)")},
        {QStringLiteral("sip-outbound-call"), QStringLiteral("dial out to a SIP address (sip-outbound-call)")},
        {QStringLiteral("inbound-call"), QStringLiteral("let people dial in by phone (inbound-call)")},
        {QStringLiteral("sip-inbound-call"), QStringLiteral("let people dial in over SIP (sip-inbound-call)")},
        {QStringLiteral("file-upload"), QStringLiteral("upload files (file-upload)")},
        {QStringLiteral("list-visitors"), QStringLiteral("see the list of visitors (list-visitors)")},
        {QStringLiteral("send-groupchat"), QStringLiteral("send group chat messages (send-groupchat)")},
        {QStringLiteral("create-polls"), QStringLiteral("create polls (create-polls)")},
        {QStringLiteral("flip"), QStringLiteral("move the call to another device (flip)")},
        {QStringLiteral("screen-sharing"), QStringLiteral("share the screen (screen-sharing)")},
        {QStringLiteral("lobby"), QStringLiteral("manage the lobby (lobby)")},
        {QStringLiteral("moderation"), QStringLiteral("use moderation controls (moderation)")},
    };
    return words.value(feature, QStringLiteral("use %1").arg(feature));
}

} // namespace

QStringList explainPermissions(const QJsonObject& payload)
{
    QStringList out;
    const QString room = payload.value(QStringLiteral("room")).toString();
    const QJsonObject ctx = payload.value(QStringLiteral("context")).toObject();
    const QJsonObject user = ctx.value(QStringLiteral("user")).toObject();
    const bool regex = isTruthy(ctx.value(QStringLiteral("room")).toObject().value(QStringLiteral("regex")));
    if (room == QStringLiteral("*"))
        out << QStringLiteral("can join any room");
    else if (regex)
        out << QStringLiteral("can join rooms matching the Lua pattern %1 (applied after lower-casing)").arg(room);
    else if (const QString readable = readableRoomName(room); readable != room)
        out << QStringLiteral("can join room \"%1\" (Jitsi Meet joins it as %2)").arg(readable, room);
    else
        out << QStringLiteral("can join room %1").arg(room);
    const QString affiliation = user.value(QStringLiteral("affiliation")).toString();
    const bool moderator = isTruthy(user.value(QStringLiteral("moderator"))) ||
                           affiliation == QStringLiteral("owner") || affiliation == QStringLiteral("moderator") ||
                           affiliation == QStringLiteral("teacher");
    out << (moderator ? QStringLiteral("joins as moderator")
                      : QStringLiteral("joins as a participant (not moderator)"));
    const bool jaas = payload.value(QStringLiteral("sub")).toString().startsWith(QStringLiteral("vpaas-magic-cookie-"));
    const QJsonObject f = ctx.value(QStringLiteral("features")).toObject();
    for (auto it = f.begin(); it != f.end(); ++it) {
        const QString what = featureInWords(it.key());
        if (!isTruthy(it.value()))
            out << QStringLiteral("cannot %1").arg(what);
        else if (jaas && !moderator)
            // 8x8: "the user must be a moderator for features to take effect" (spec 3.1).
            out << QStringLiteral("cannot %1 (JaaS applies features only to moderators)").arg(what);
        else
            out << QStringLiteral("can %1").arg(what);
    }
    if (f.isEmpty() && !jaas)
        out << QStringLiteral("no features in the token: the server's defaults apply (mod_jitsi_permissions allows "
                              "livestreaming, recording, transcription, outbound-call, create-polls, send-groupchat, "
                              "flip)");
    if (isTruthy(user.value(QStringLiteral("hidden-from-recorder"))))
        out << QStringLiteral("is hidden from recordings and streams");
    return out;
}

} // namespace td::jitsi
