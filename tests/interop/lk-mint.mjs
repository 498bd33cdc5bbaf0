// SPDX-License-Identifier: MIT
// Mint a LiveKit access token with livekit-server-sdk's AccessToken.
// Usage: node lk-mint.mjs --key K --secret S --identity I --room R
//          [--grant JSON] [--name N] [--metadata M] [--attributes JSON]
//          [--ttl SECONDS] [--kind K] [--room-config JSON] [--room-preset P]
//          [--sip-grant JSON] [--sha256 H]
// The video grant is {"roomJoin":true,"room":R} with --grant merged over it.
// canPublishSources may be given as names ("camera") or TrackSource numbers.
// Prints {"token": "..."}.
import { AccessToken, RoomConfiguration, TrackSource } from 'livekit-server-sdk';
import { main, parse, need, parseObject, UsageError } from './_cli.mjs';

const SOURCES = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

function toSource(s) {
  if (typeof s === 'number') return s;
  if (s in SOURCES) return SOURCES[s];
  throw new UsageError(`--grant: unknown canPublishSources entry ${JSON.stringify(s)}`);
}

await main(async () => {
  const a = parse({
    key: { type: 'string' },
    secret: { type: 'string' },
    identity: { type: 'string' },
    room: { type: 'string' },
    grant: { type: 'string' },
    name: { type: 'string' },
    metadata: { type: 'string' },
    attributes: { type: 'string' },
    ttl: { type: 'string' },
    kind: { type: 'string' },
    'room-config': { type: 'string' },
    'room-preset': { type: 'string' },
    'sip-grant': { type: 'string' },
    sha256: { type: 'string' },
  });
  need(a, 'key', 'secret', 'identity', 'room');

  const opts = { identity: a.identity };
  if (a.ttl !== undefined) {
    if (!/^-?\d+$/.test(a.ttl)) throw new UsageError('--ttl: expected an integer number of seconds');
    opts.ttl = `${a.ttl}s`; // string form, so that 0 is not replaced by the SDK default
  }
  if (a.name !== undefined) opts.name = a.name;
  if (a.metadata !== undefined) opts.metadata = a.metadata;
  if (a.attributes !== undefined) opts.attributes = parseObject('attributes', a.attributes);

  const at = new AccessToken(a.key, a.secret, opts);
  const grant = { roomJoin: true, room: a.room };
  if (a.grant !== undefined) Object.assign(grant, parseObject('grant', a.grant));
  if (Array.isArray(grant.canPublishSources)) grant.canPublishSources = grant.canPublishSources.map(toSource);
  at.addGrant(grant);

  if (a.kind !== undefined) at.kind = a.kind;
  if (a['room-preset'] !== undefined) at.roomPreset = a['room-preset'];
  if (a.sha256 !== undefined) at.sha256 = a.sha256;
  if (a['sip-grant'] !== undefined) at.addSIPGrant(parseObject('sip-grant', a['sip-grant']));
  if (a['room-config'] !== undefined) {
    const json = parseObject('room-config', a['room-config']);
    try {
      at.roomConfig = RoomConfiguration.fromJson(json);
    } catch (e) {
      throw new UsageError(`--room-config: ${e.message}`);
    }
  }
  return { token: await at.toJwt() };
});
