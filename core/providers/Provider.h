// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace td {

/** The token families TokenDesk knows. */
enum class Provider { Unknown, LiveKit, Zego, Jaas, Jitsi, Stream, Twilio, Hms, Agora, Vonage, OpenTok };

/** "livekit", "zego", "jaas", "jitsi", "stream", "twilio", "100ms", "agora", "vonage", "opentok" (stable: used in JSON,
 * profiles and the CLI). */
QString providerName(Provider provider);
/** "LiveKit", "ZEGOCLOUD", "JaaS", "Jitsi": the name people know the service by, for messages. */
QString providerDisplayName(Provider provider);
std::optional<Provider> parseProvider(const QString& name);

} // namespace td
