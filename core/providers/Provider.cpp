// SPDX-License-Identifier: MIT
#include "core/providers/Provider.h"

namespace td {

QString providerName(Provider provider)
{
    switch (provider) {
    case Provider::LiveKit: return QStringLiteral("livekit");
    case Provider::Zego: return QStringLiteral("zego");
    case Provider::Jaas: return QStringLiteral("jaas");
    case Provider::Jitsi: return QStringLiteral("jitsi");
    case Provider::Stream: return QStringLiteral("stream");
    case Provider::Twilio: return QStringLiteral("twilio");
    case Provider::Hms: return QStringLiteral("100ms");
    case Provider::Agora: return QStringLiteral("agora");
    case Provider::Vonage: return QStringLiteral("vonage");
    case Provider::OpenTok: return QStringLiteral("opentok");
    case Provider::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString providerDisplayName(Provider provider)
{
    switch (provider) {
    case Provider::LiveKit: return QStringLiteral("LiveKit");
    case Provider::Zego: return QStringLiteral("ZEGOCLOUD");
    case Provider::Jaas: return QStringLiteral("JaaS");
    case Provider::Jitsi: return QStringLiteral("Jitsi");
    case Provider::Stream: return QStringLiteral("Stream");
    case Provider::Twilio: return QStringLiteral("Twilio");
    case Provider::Hms: return QStringLiteral("100ms");
    case Provider::Agora: return QStringLiteral("Agora");
    case Provider::Vonage: return QStringLiteral("Vonage");
    case Provider::OpenTok: return QStringLiteral("OpenTok");
    case Provider::Unknown: break;
    }
    return QStringLiteral("the verifier");
}

std::optional<Provider> parseProvider(const QString& name)
{
    for (Provider p : {Provider::LiveKit, Provider::Zego, Provider::Jaas, Provider::Jitsi, Provider::Stream,
                       Provider::Twilio, Provider::Hms, Provider::Agora, Provider::Vonage, Provider::OpenTok}) {
        if (providerName(p) == name)
            return p;
    }
    return std::nullopt;
}

} // namespace td
