// SPDX-License-Identifier: MIT
// Credentials and environment for the server fuzzers: every provider, so every endpoint type can be configured.
#pragma once

#include "core/crypto/RsaKey.h"
#include "core/server/ServerConfig.h"

#include <QProcessEnvironment>

namespace td::fuzz {

inline const crypto::RsaPrivateKey& rsaKey()
{
    static const crypto::RsaPrivateKey key = [] {
        auto generated = crypto::RsaPrivateKey::generate(2048);
        return generated ? *generated : crypto::RsaPrivateKey();
    }();
    return key;
}

/** Profiles "lk", "zg", "jaas" and "jitsi"; any other name is an error, as in the CLI. */
inline Result<server::EndpointCredentials> profileCredentials(const QString& name)
{
    server::EndpointCredentials c;
    if (name == QStringLiteral("lk")) {
        c.provider = Provider::LiveKit;
        c.apiKey = QStringLiteral("APIfuzz");
        c.secret = "fuzz-secret-0123456789abcdef0123";
        c.serverUrl = QStringLiteral("wss://fuzz.example.com");
    } else if (name == QStringLiteral("zg")) {
        c.provider = Provider::Zego;
        c.appId = QStringLiteral("1234567890");
        c.secret = "fuzz0123456789abcdef0123456789ab";
    } else if (name == QStringLiteral("jaas")) {
        c.provider = Provider::Jaas;
        c.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
        c.keyId = c.appId + QStringLiteral("/fuzz01");
        c.privateKey = rsaKey();
    } else if (name == QStringLiteral("jitsi")) {
        c.provider = Provider::Jitsi;
        c.appId = QStringLiteral("fuzz_app");
        c.secret = "fuzz-app-secret";
        c.audience = QStringLiteral("jitsi");
        c.subject = QStringLiteral("meet.example.com");
    } else {
        return fail(ErrorCode::NotFound, QStringLiteral("no profile named %1").arg(name));
    }
    return c;
}

inline QProcessEnvironment environment()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("LIVEKIT_API_KEY"), QStringLiteral("APIenv"));
    e.insert(QStringLiteral("LIVEKIT_API_SECRET"), QStringLiteral("env-secret-0123456789abcdef012345"));
    e.insert(QStringLiteral("LIVEKIT_URL"), QStringLiteral("wss://env.example.com"));
    e.insert(QStringLiteral("ZEGO_APP_ID"), QStringLiteral("987654321"));
    e.insert(QStringLiteral("ZEGO_SERVER_SECRET"), QStringLiteral("env0123456789abcdef0123456789abc"));
    e.insert(QStringLiteral("JITSI_APP_ID"), QStringLiteral("env_app"));
    e.insert(QStringLiteral("JITSI_APP_SECRET"), QStringLiteral("env-app-secret"));
    e.insert(QStringLiteral("TOKENDESK_KEY_FUZZ"), QStringLiteral("fuzz-bearer-key-0123456789"));
    return e;
}

} // namespace td::fuzz
