// SPDX-License-Identifier: MIT
// Agora AccessToken2 ("007" tokens) as the official agora-token package builds them, and the legacy "006"
// AccessToken (decoded only). An AccessToken2 is "007" + base64(zlib(signature, signing info)), where the signing
// info is the app ID, issue time, expiry (seconds after the issue time), a salt and the services (RTC, RTM, Chat, ...),
// each with privileges that expire a number of seconds after the issue time. All integers are little-endian; strings
// and the signature carry a 16-bit length. The signature is HMAC-SHA256 keyed by HMAC(salt, HMAC(issue time, app
// certificate)) over the signing info.
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace td::agora {

/** What Agora's samples use when no lifetime is given: an hour. */
inline constexpr qint64 kDefaultTtlSeconds = 3600;
/** Agora accepts tokens for 24 hours at most. */
inline constexpr qint64 kMaxTtlSeconds = 86400;
/** A channel name is shorter than 64 bytes. */
inline constexpr qsizetype kMaxChannelBytes = 63;

/** Service types of AccessToken2. */
enum class ServiceType : quint16 {
    Rtc = 1,
    Rtm = 2,
    Streaming = 3,
    Fpa = 4,
    Chat = 5,
    FCdn = 6,
    Apaas = 7,
    Rtm2 = 8,
    ConvoAI = 9,
    Stt = 10,
};
/** Privileges of the RTC service. */
enum RtcPrivilege : quint16 { JoinChannel = 1, PublishAudio = 2, PublishVideo = 3, PublishData = 4 };
/** The privilege of the RTM service (login) and of Chat (user, app). */
enum OtherPrivilege : quint16 { RtmLogin = 1, ChatUser = 1, ChatApp = 2 };

/** One service of a token. */
struct Service {
    quint16 type = 0;
    QMap<quint16, quint32> privileges; // privilege -> seconds after the issue time (0: none given)
    QString channel;                   // RTC, Streaming, FCDN
    QString account;                   // RTC uid or account ("" for uid 0), RTM / Chat user ID
    bool understood = true;            // false: a type this build cannot read (parsing stopped there)
};

/** An AccessToken2, as built or as parsed. */
struct AccessToken2 {
    QString appId;
    quint32 issueTs = 0;
    quint32 expire = 0; // seconds after issueTs
    quint32 salt = 0;
    QList<Service> services;
    QByteArray signature;   // parsed tokens: the signature they carry
    QByteArray signingInfo; // parsed tokens: the signed bytes
};

/** Whether a value is 32 hexadecimal characters (an app ID or an app certificate). */
bool isHex32(QStringView value);
/** Checks a channel name as Agora's SDK documents it: under 64 bytes, letters, digits, space and its punctuation. */
Result<void> validateChannel(const QString& channel);
/** The RTC uid as the token writes it: 0 becomes "" (so uid 123 and account "123" give the same token). */
QString uidText(quint32 uid);

/** Builds "007…": the services in type order, signed with the certificate. */
Result<QByteArray> build(const AccessToken2& token, QByteArrayView appCertificate);
/** Parses "007…" (bounds-checked; a zlib stream that inflates past 64 KiB is refused). */
Result<AccessToken2> parse(QByteArrayView token);
/** Whether a parsed token's signature was made with this certificate. */
bool verifySignature(const AccessToken2& token, QByteArrayView appCertificate);

/** The legacy AccessToken ("006" + app ID + base64): decoded only. Its privileges expire at Unix times. */
struct Legacy006 {
    QString appId;
    QByteArray signature;
    quint32 crcChannel = 0;
    quint32 crcUid = 0;
    quint32 salt = 0;
    quint32 ts = 0; // the token's own expiry, a Unix time
    QMap<quint16, quint32> privileges;
};
Result<Legacy006> parse006(QByteArrayView token);

/** The service's name ("rtc", "rtm", "chat", … or "service 12"). */
QString serviceName(quint16 type);
/** A privilege's name within its service ("join_channel", "publish_audio", "login", "user", …). */
QString privilegeName(quint16 serviceType, quint16 privilege);

} // namespace td::agora
