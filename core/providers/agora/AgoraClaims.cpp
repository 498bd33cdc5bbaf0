// SPDX-License-Identifier: MIT
#include "core/providers/agora/AgoraClaims.h"

#include "core/Duration.h"

#include <QDateTime>
#include <QtEndian>

namespace td::agora {
namespace {

constexpr quint16 kRtc = static_cast<quint16>(ServiceType::Rtc);
constexpr quint16 kRtm = static_cast<quint16>(ServiceType::Rtm);
constexpr quint16 kChat = static_cast<quint16>(ServiceType::Chat);

QString at(qint64 seconds, qint64 now)
{
    return QStringLiteral("%1 (%2)").arg(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate),
                                         formatRelative(seconds, now));
}

/** "until <time> (in 1h)" for a privilege, bounded by the token's own expiry. */
QString until(const AccessToken2& t, quint32 privilegeExpire, qint64 now)
{
    const qint64 tokenEnd = qint64{t.issueTs} + t.expire;
    if (privilegeExpire == 0)
        return QStringLiteral("with no expiry of its own (0), until the token expires at %1").arg(at(tokenEnd, now));
    const qint64 end = qint64{t.issueTs} + privilegeExpire;
    if (end > tokenEnd)
        return QStringLiteral("until the token expires at %1 (the privilege's own %2 is later)")
            .arg(at(tokenEnd, now), formatDuration(privilegeExpire));
    return QStringLiteral("until %1").arg(at(end, now));
}

} // namespace

void AgoraClaims::setUser(const QString& user)
{
    bool numeric = false;
    const qulonglong number = user.toULongLong(&numeric);
    if (numeric && number <= 4294967295ULL && !user.startsWith(QLatin1Char('+'))) {
        uid = static_cast<quint32>(number);
        account.clear();
    } else {
        uid.reset();
        account = user;
    }
}

QJsonObject AgoraClaims::toJson() const
{
    QJsonObject o{{QStringLiteral("channel"), channel},
                  {QStringLiteral("role"), publisher ? QStringLiteral("publisher") : QStringLiteral("subscriber")}};
    if (uid)
        o.insert(QStringLiteral("uid"), static_cast<qint64>(*uid));
    else
        o.insert(QStringLiteral("account"), account);
    if (privilegeTtlSeconds)
        o.insert(QStringLiteral("privilege_ttl"), *privilegeTtlSeconds);
    if (!rtmUserId.isEmpty())
        o.insert(QStringLiteral("rtm_user_id"), rtmUserId);
    if (!chatUserId.isEmpty())
        o.insert(QStringLiteral("chat_user_id"), chatUserId);
    return o;
}

AgoraClaims readClaims(const QJsonObject& o, QList<Finding>& findings)
{
    AgoraClaims c;
    c.channel = o.value(QStringLiteral("channel")).toString();
    const QJsonValue uid = o.value(QStringLiteral("uid"));
    if (uid.isDouble()) {
        const double v = uid.toDouble();
        if (v < 0 || v > 4294967295.0 || v != static_cast<double>(static_cast<qint64>(v)))
            addFinding(findings, Severity::Error, "uid-range",
                       QT_TRANSLATE_NOOP("td::Finding", "uid must be a whole number from 0 to 4294967295"));
        else
            c.uid = static_cast<quint32>(v);
    } else if (!uid.isUndefined()) {
        addFinding(findings, Severity::Error, "uid-type",
                   QT_TRANSLATE_NOOP("td::Finding", "uid must be a number; a text user is an account"));
    }
    c.account = o.value(QStringLiteral("account")).toString();
    const QString role = o.value(QStringLiteral("role")).toString(QStringLiteral("publisher"));
    if (role != QStringLiteral("publisher") && role != QStringLiteral("subscriber"))
        addFinding(findings, Severity::Error, "role",
                   QT_TRANSLATE_NOOP("td::Finding", "role \"%1\" is not publisher or subscriber"), role.left(32));
    c.publisher = role != QStringLiteral("subscriber");
    const QJsonValue privilege = o.value(QStringLiteral("privilege_ttl"));
    if (privilege.isDouble())
        c.privilegeTtlSeconds = privilege.toInteger();
    else if (!privilege.isUndefined())
        addFinding(findings, Severity::Error, "privilege-ttl-type",
                   QT_TRANSLATE_NOOP("td::Finding", "privilege_ttl must be a number of seconds"));
    c.rtmUserId = o.value(QStringLiteral("rtm_user_id")).toString();
    c.chatUserId = o.value(QStringLiteral("chat_user_id")).toString();
    return c;
}

Result<void> validateClaims(const AgoraClaims& c, qint64 ttlSeconds)
{
    if (auto ok = validateChannel(c.channel); !ok)
        return ok;
    for (const QString* user : {&c.account, &c.rtmUserId, &c.chatUserId}) {
        if (user->toUtf8().size() > 255)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "a user account is %1 bytes: Agora allows 255"),
                        user->toUtf8().size());
    }
    if (!c.uid && c.account.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "give the user: a uid, 0 for any user (--uid), or an "
                                                   "account (--account)"));
    if (ttlSeconds <= 0 || ttlSeconds > kMaxTtlSeconds)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the TTL must be from 1 second to Agora's 24 hours"));
    if (c.privilegeTtlSeconds && (*c.privilegeTtlSeconds < 0 || *c.privilegeTtlSeconds > kMaxTtlSeconds))
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP("td::Error", "the privilege TTL must be from 0 to Agora's 24 hours"));
    return {};
}

Result<AgoraMinter> AgoraMinter::create(const QString& appId, QByteArrayView appCertificate)
{
    if (appId.isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the Agora app ID is missing (--app-id or AGORA_APP_ID)"));
    if (!isHex32(appId))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the app ID is not 32 hex characters (the SDK builds nothing)"));
    if (appCertificate.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the Agora app certificate is missing "
                                                                            "(--app-certificate or "
                                                                            "AGORA_APP_CERTIFICATE)"));
    if (!isHex32(QString::fromLatin1(appCertificate)))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the app certificate is not 32 hex "
                                                                            "characters (the SDK builds nothing)"));
    return AgoraMinter(appId, appCertificate.toByteArray());
}

Result<MintedToken> AgoraMinter::mint(const AgoraClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                      const crypto::RandomSource& random) const
{
    if (auto ok = validateClaims(claims, ttlSeconds); !ok)
        return std::unexpected(ok.error());
    auto saltBytes = random ? random(4) : crypto::pooledRandomBytes(4);
    if (!saltBytes)
        return std::unexpected(saltBytes.error());
    AccessToken2 t;
    t.appId = m_appId;
    t.issueTs = static_cast<quint32>(clock.nowSeconds());
    t.expire = static_cast<quint32>(ttlSeconds);
    // The SDK's salt is 1 to 99999999.
    t.salt = qFromLittleEndian<quint32>(saltBytes->constData()) % 99999999U + 1;
    const auto privilege = static_cast<quint32>(claims.privilegeTtlSeconds.value_or(ttlSeconds));
    Service rtc;
    rtc.type = kRtc;
    rtc.channel = claims.channel;
    rtc.account = claims.rtcUser();
    rtc.privileges.insert(JoinChannel, privilege);
    if (claims.publisher) {
        for (quint16 p : {PublishAudio, PublishVideo, PublishData})
            rtc.privileges.insert(p, privilege);
    }
    t.services << rtc;
    if (!claims.rtmUserId.isEmpty()) {
        Service rtm;
        rtm.type = kRtm;
        rtm.account = claims.rtmUserId;
        rtm.privileges.insert(RtmLogin, t.expire); // as buildTokenWithRtm: the login lasts as long as the token
        t.services << rtm;
    }
    if (!claims.chatUserId.isEmpty()) {
        Service chat;
        chat.type = kChat;
        chat.account = claims.chatUserId;
        chat.privileges.insert(ChatUser, t.expire);
        t.services << chat;
    }
    auto token = build(t, m_certificate);
    if (!token)
        return std::unexpected(token.error());
    OrderedJson header = OrderedJson::object();
    header.insert(QStringLiteral("version"), QStringLiteral("007"));
    return MintedToken{
        QStringLiteral("agora"), std::move(*token), std::move(header), describe(t), qint64{t.issueTs} + t.expire, {}};
}

OrderedJson describe(const AccessToken2& t)
{
    OrderedJson o = OrderedJson::object();
    o.insert(QStringLiteral("app_id"), t.appId);
    o.insert(QStringLiteral("issue_ts"), qint64{t.issueTs});
    o.insert(QStringLiteral("expire_seconds"), qint64{t.expire}); // after issue_ts; "expire" would read as a time
    o.insert(QStringLiteral("salt"), qint64{t.salt});
    OrderedJson services = OrderedJson::array();
    for (const Service& s : t.services) {
        OrderedJson svc = OrderedJson::object();
        svc.insert(QStringLiteral("service"), serviceName(s.type));
        if (s.type == kRtc || s.type == static_cast<quint16>(ServiceType::Streaming) ||
            s.type == static_cast<quint16>(ServiceType::FCdn))
            svc.insert(QStringLiteral("channel"), s.channel);
        if (!s.account.isEmpty() || s.type == kRtc)
            svc.insert(s.type == kRtc ? QStringLiteral("uid") : QStringLiteral("user_id"), s.account);
        OrderedJson privileges = OrderedJson::object();
        for (auto it = s.privileges.begin(); it != s.privileges.end(); ++it)
            privileges.insert(privilegeName(s.type, it.key()), qint64{it.value()});
        svc.insert(QStringLiteral("privileges"), std::move(privileges));
        if (!s.understood)
            svc.insert(QStringLiteral("unread"), true);
        services.append(std::move(svc));
    }
    o.insert(QStringLiteral("services"), std::move(services));
    return o;
}

void lint(const AccessToken2& t, qint64 now, QList<Finding>& out)
{
    const qint64 end = qint64{t.issueTs} + t.expire;
    if (t.expire == 0)
        addFinding(out, Severity::Error, "no-expire",
                   QT_TRANSLATE_NOOP("td::Finding", "the token's expiry is 0 seconds after its issue time: it is "
                                                    "expired as soon as it is made"));
    else if (now >= end)
        addFinding(out, Severity::Error, "expired", QT_TRANSLATE_NOOP("td::Finding", "expired %1: Agora refuses it"),
                   formatRelative(end, now));
    if (t.expire > kMaxTtlSeconds)
        addFinding(out, Severity::Warning, "over-a-day",
                   QT_TRANSLATE_NOOP("td::Finding", "the token lives %1: Agora documents tokens as valid for 24 hours "
                                                    "at most"),
                   formatDuration(t.expire));
    if (qint64{t.issueTs} > now + 300)
        addFinding(out, Severity::Warning, "issued-in-future",
                   QT_TRANSLATE_NOOP("td::Finding", "issued %1: the minting machine's clock is ahead"),
                   formatRelative(t.issueTs, now));
    if (!isHex32(t.appId))
        addFinding(out, Severity::Error, "app-id-shape",
                   QT_TRANSLATE_NOOP("td::Finding", "the app ID \"%1\" is not 32 hex characters"), t.appId.left(40));
    for (const Service& s : t.services) {
        if (!s.understood) {
            addFinding(out, Severity::Info, "unread-service",
                       QT_TRANSLATE_NOOP("td::Finding", "%1 is a service this version does not read; the services "
                                                        "after it are not shown (the signature still covers them)"),
                       serviceName(s.type));
            continue;
        }
        // One finding per expiry the service's privileges share ("rtc join_channel, publish_audio ends 10m ...").
        QMap<quint32, QStringList> byExpiry;
        for (auto it = s.privileges.begin(); it != s.privileges.end(); ++it)
            byExpiry[it.value()] << privilegeName(s.type, it.key());
        for (auto it = byExpiry.begin(); it != byExpiry.end(); ++it) {
            const QString names = it.value().join(QStringLiteral(", "));
            if (it.key() == 0)
                addFinding(out, Severity::Warning, "privilege-zero",
                           QT_TRANSLATE_NOOP("td::Finding", "%1 %2 expires 0 seconds after issue (the SDK's default "
                                                            "when no privilege expiry is given); Agora's samples give "
                                                            "privileges the token's own lifetime"),
                           serviceName(s.type), names);
            else if (it.key() > t.expire)
                addFinding(out, Severity::Info, "privilege-after-token",
                           QT_TRANSLATE_NOOP("td::Finding", "%1 %2 lasts %3, longer than the token's %4: the token's "
                                                            "expiry ends it first"),
                           serviceName(s.type), names, formatDuration(it.key()), formatDuration(t.expire));
            else if (it.key() < t.expire)
                addFinding(out, Severity::Info, "privilege-before-token",
                           QT_TRANSLATE_NOOP("td::Finding", "%1 %2 ends %3 after issue, before the token does: the "
                                                            "client is told the privilege will expire and must renew "
                                                            "the token"),
                           serviceName(s.type), names, formatDuration(it.key()));
        }
        if (s.type != kRtc)
            continue;
        if (s.account.isEmpty())
            addFinding(out, Severity::Warning, "uid-zero",
                       QT_TRANSLATE_NOOP("td::Finding", "uid 0 (written empty): the token is tied to no user, any uid "
                                                        "may join the channel with it"));
        if (auto ok = validateChannel(s.channel); !ok)
            addFinding(out, Severity::Error, "channel", ok.error());
        if (!s.privileges.contains(JoinChannel))
            addFinding(out, Severity::Error, "no-join",
                       QT_TRANSLATE_NOOP("td::Finding", "the RTC service has no join-channel privilege: Agora "
                                                        "refuses the join"));
    }
    if (t.services.isEmpty())
        addFinding(out, Severity::Error, "no-service",
                   QT_TRANSLATE_NOOP("td::Finding", "no service: the token grants nothing"));
}

QStringList explainPermissions(const AccessToken2& t, qint64 now)
{
    QStringList out;
    out << QStringLiteral("App %1, issued %2; the token expires %3.")
               .arg(t.appId, at(t.issueTs, now), at(qint64{t.issueTs} + t.expire, now));
    for (const Service& s : t.services) {
        if (!s.understood) {
            out << QStringLiteral("Service %1: not read by this version.").arg(serviceName(s.type));
            break;
        }
        if (s.type == kRtc) {
            out << (s.account.isEmpty() ? QStringLiteral("RTC: any user (uid 0) joins the channel \"%1\" %2.")
                                        : QStringLiteral("RTC: the user \"%3\" joins the channel \"%1\" %2."))
                       .arg(s.channel, until(t, s.privileges.value(JoinChannel), now), s.account);
            const bool publishes = s.privileges.contains(PublishAudio) || s.privileges.contains(PublishVideo) ||
                                   s.privileges.contains(PublishData);
            if (!publishes)
                out << QStringLiteral("RTC: subscriber, no publish privileges. Agora enforces this only where co-host "
                                      "authentication is enabled for the project; elsewhere a subscriber may publish "
                                      "like a publisher.");
            for (quint16 p : {PublishAudio, PublishVideo, PublishData}) {
                if (s.privileges.contains(p))
                    out << QStringLiteral("RTC: %1 %2.")
                               .arg(privilegeName(kRtc, p).replace(QLatin1Char('_'), QLatin1Char(' ')),
                                    until(t, s.privileges.value(p), now));
            }
        } else if (s.type == kRtm) {
            out << QStringLiteral("RTM: logs in as \"%1\" %2.").arg(s.account, until(t, s.privileges.value(1), now));
        } else if (s.type == kChat) {
            if (s.privileges.contains(ChatApp))
                out << QStringLiteral("Chat: an app token (the Chat REST API) %1.")
                           .arg(until(t, s.privileges.value(ChatApp), now));
            if (s.privileges.contains(ChatUser))
                out << QStringLiteral("Chat: the user \"%1\" %2.")
                           .arg(s.account, until(t, s.privileges.value(ChatUser), now));
        } else {
            QStringList names;
            for (auto it = s.privileges.begin(); it != s.privileges.end(); ++it)
                names << privilegeName(s.type, it.key());
            out << QStringLiteral("%1: %2.").arg(serviceName(s.type).toUpper(), names.join(QStringLiteral(", ")));
        }
    }
    return out;
}

QString summary(const AgoraClaims& c)
{
    QStringList parts{QStringLiteral("channel ") + c.channel,
                      c.uid ? QStringLiteral("uid %1").arg(*c.uid) : QStringLiteral("account ") + c.account,
                      c.publisher ? QStringLiteral("publisher") : QStringLiteral("subscriber")};
    if (!c.rtmUserId.isEmpty())
        parts << QStringLiteral("rtm");
    if (!c.chatUserId.isEmpty())
        parts << QStringLiteral("chat");
    return parts.join(QStringLiteral(", "));
}

} // namespace td::agora
