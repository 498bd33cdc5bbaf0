// SPDX-License-Identifier: MIT
// Verify a LiveKit access token with livekit-server-sdk's TokenVerifier.
// Usage: node lk-verify.mjs --key K --secret S --token T
// Prints the verified claims as JSON; on failure prints {"error": ...} and exits 1.
import { TokenVerifier } from 'livekit-server-sdk';
import { main, parse, need } from './_cli.mjs';

await main(async () => {
  const a = parse({
    key: { type: 'string' },
    secret: { type: 'string' },
    token: { type: 'string' },
  });
  need(a, 'key', 'secret', 'token');
  return new TokenVerifier(a.key, a.secret).verify(a.token);
});
