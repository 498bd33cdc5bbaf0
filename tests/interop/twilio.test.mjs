// SPDX-License-Identifier: MIT
// Interop against Twilio's official helper library, npm twilio (pinned in package-lock.json): jwt.AccessToken with
// its VideoGrant, ChatGrant, SyncGrant and VoiceGrant, and the jsonwebtoken it signs with.
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli node --test twilio.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import AccessToken from 'twilio/lib/jwt/AccessToken.js';
import jwt from 'jsonwebtoken';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
assert.ok(CLI, 'set TOKENDESK_CLI');
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const KEY = 'SKfedcba9876543210fedcba9876543210';
const SECRET = 'twilio-interop-secret-0123456789abcdef';
const cleanEnv = sandboxEnv();

function cli(args, env = {}) {
  const r = spawnSync(CLI, args, { env: { ...cleanEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mint(args) {
  const r = cli(['mint', 'twilio', '--account-sid', ACCOUNT, '--api-key', KEY, '--api-secret', SECRET, ...args,
    '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verify(token, flags = ['--api-secret', SECRET]) {
  const r = cli(['verify', token, ...flags, '--json']);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}
/** The library's token for `iat`: its clock (Date.now, read by AccessToken and jsonwebtoken) set to that second. */
function sdkToken(iat, options, grants) {
  const realNow = Date.now;
  Date.now = () => iat * 1000;
  try {
    const token = new AccessToken(ACCOUNT, KEY, SECRET, options);
    for (const g of grants)
      token.addGrant(g);
    return token.toJwt();
  } finally {
    Date.now = realNow;
  }
}

test('Twilio: a Video token is byte for byte what AccessToken writes for the same second', () => {
  const minted = mint(['--identity', 'alice', '--room', 'standup']);
  const sdk = sdkToken(minted.claims.iat, { identity: 'alice' }, [new AccessToken.VideoGrant({ room: 'standup' })]);
  assert.equal(minted.token, sdk);
  assert.equal(minted.claims.exp - minted.claims.iat, 3600, 'the library\'s one hour');
  const decoded = jwt.verify(minted.token, SECRET, { algorithms: ['HS256'], complete: true });
  assert.equal(decoded.header.cty, 'twilio-fpa;v=1');
  assert.equal(decoded.payload.iss, KEY);
  assert.equal(decoded.payload.sub, ACCOUNT);
  assert.equal(decoded.payload.jti, `${KEY}-${minted.claims.iat}`);
});

test('Twilio: Video without a room, Chat, Sync and Voice grants and a TTL match the library byte for byte', () => {
  const chat = 'IS00000000000000000000000000000001';
  const sync = 'IS00000000000000000000000000000002';
  const app = 'AP00000000000000000000000000000003';
  const minted = mint(['--identity', 'bob', '--chat-service-sid', chat, '--sync-service-sid', sync,
    '--voice-app-sid', app, '--voice-incoming', '--ttl', '2h']);
  const sdk = sdkToken(minted.claims.iat, { identity: 'bob', ttl: 7200 }, [
    new AccessToken.VideoGrant(),
    new AccessToken.ChatGrant({ serviceSid: chat }),
    new AccessToken.SyncGrant({ serviceSid: sync }),
    new AccessToken.VoiceGrant({ incomingAllow: true, outgoingApplicationSid: app }),
  ]);
  assert.equal(minted.token, sdk);
});

test('Twilio: library tokens verify with tokendesk-cli, which tells the family and explains them', () => {
  const token = new AccessToken(ACCOUNT, KEY, SECRET, { identity: 'carol' });
  token.addGrant(new AccessToken.VideoGrant({ room: 'qa' }));
  const r = verify(token.toJwt(), ['--api-secret', SECRET, '--api-key', KEY, '--account-sid', ACCOUNT]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.result.provider, 'twilio');
  assert.equal(r.result.kind, 'twilio-access-token');
  assert.equal(r.result.signature, 'valid');
  assert.ok(r.result.permissions.some((p) => p.includes('"qa" only')), JSON.stringify(r.result.permissions));
  const otherAccount = verify(token.toJwt(), ['--api-secret', SECRET, '--account-sid',
    'ACffffffffffffffffffffffffffffffff']);
  assert.equal(otherAccount.code, 1);
  assert.ok(otherAccount.result.findings.some((f) => f.code === 'sub-mismatch'));
});

test('Twilio: findings for what Twilio refuses (over a day, no identity), and mint refuses them', () => {
  const long = new AccessToken(ACCOUNT, KEY, SECRET, { identity: 'dan', ttl: 90000 });
  long.addGrant(new AccessToken.VideoGrant());
  const r = verify(long.toJwt());
  assert.equal(r.code, 1);
  assert.ok(r.result.findings.some((f) => f.code === 'ttl-over-day'), JSON.stringify(r.result.findings));
  const tooLong = cli(['mint', 'twilio', '--account-sid', ACCOUNT, '--api-key', KEY, '--api-secret', SECRET,
    '--identity', 'dan', '--ttl', '25h']);
  assert.equal(tooLong.code, 2, tooLong.err);
  assert.match(tooLong.err, /24 hours/);
  const noIdentity = cli(['mint', 'twilio', '--account-sid', ACCOUNT, '--api-key', KEY, '--api-secret', SECRET]);
  assert.equal(noIdentity.code, 2, noIdentity.err);
  assert.match(noIdentity.err, /identity is missing/);
  const badSid = cli(['mint', 'twilio', '--account-sid', 'AC123', '--api-key', KEY, '--api-secret', SECRET,
    '--identity', 'x']);
  assert.equal(badSid.code, 2, badSid.err);
  assert.match(badSid.err, /not AC and 32/);
});

test('Twilio: both sides refuse a tampered payload and a wrong secret', () => {
  const { token } = mint(['--identity', 'erin', '--room', 'qa']);
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  payload.grants.video.room = 'board';
  const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
  assert.throws(() => jwt.verify(forged, SECRET, { algorithms: ['HS256'] }));
  assert.equal(verify(forged).code, 1);
  const wrong = verify(token, ['--api-secret', 'wrong-secret']);
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
  const fromEnv = cli(['mint', 'twilio', '--identity', 'a'],
    { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_API_KEY: KEY, TWILIO_API_SECRET: SECRET });
  assert.equal(fromEnv.code, 0, fromEnv.err);
  assert.doesNotThrow(() => jwt.verify(fromEnv.out.trim(), SECRET, { algorithms: ['HS256'] }));
});
