// SPDX-License-Identifier: MIT
// Interop against Stream's official server SDK, @stream-io/node-sdk (pinned in package-lock.json): its
// generateUserToken / generateCallToken and the jsonwebtoken it signs with.
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli node --test stream.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { StreamClient } from '@stream-io/node-sdk';
import jwt from 'jsonwebtoken';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
assert.ok(CLI, 'set TOKENDESK_CLI');
const KEY = 'interopstreamkey';
const SECRET = 'stream-interop-secret-0123456789abcdefghijklmnopqrstuv';
const client = new StreamClient(KEY, SECRET);
const cleanEnv = sandboxEnv();

function cli(args, env = {}) {
  const r = spawnSync(CLI, args, { env: { ...cleanEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mint(args) {
  const r = cli(['mint', 'stream', '--api-key', KEY, '--api-secret', SECRET, ...args, '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verify(token, secret = SECRET) {
  const r = cli(['verify', token, '--api-secret', secret, '--json']);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}

test('Stream: a user token is byte for byte what generateUserToken writes for the same iat', () => {
  const minted = mint(['--user-id', 'alice']);
  const sdk = client.generateUserToken({ user_id: 'alice', iat: minted.claims.iat });
  assert.equal(minted.token, sdk);
  assert.equal(minted.claims.exp - minted.claims.iat, 3600, 'the SDK\'s one hour');
  const now = Math.floor(Date.now() / 1000);
  assert.ok(minted.claims.iat <= now - 1 && minted.claims.iat >= now - 3, 'iat one second back, as the SDK');
});

test('Stream: a call token with calls, role and TTL is byte for byte generateCallToken\'s', () => {
  const minted = mint(['--user-id', 'bob', '--call-cid', 'default:standup', '--call-cid', 'livestream:launch',
    '--role', 'host', '--ttl', '15m']);
  const sdk = client.generateCallToken({
    user_id: 'bob', call_cids: ['default:standup', 'livestream:launch'], role: 'host', validity_in_seconds: 900,
    iat: minted.claims.iat,
  });
  assert.equal(minted.token, sdk);
  const claims = jwt.verify(minted.token, SECRET, { algorithms: ['HS256'] });
  assert.deepEqual(claims.call_cids, ['default:standup', 'livestream:launch']);
  assert.equal(claims.exp - claims.iat, 900);
});

test('Stream: SDK tokens verify with tokendesk-cli, which tells the family and explains them', () => {
  const user = verify(client.generateUserToken({ user_id: 'carol' }));
  assert.equal(user.code, 0, user.err);
  assert.equal(user.result.provider, 'stream');
  assert.equal(user.result.signature, 'valid');
  assert.equal(user.result.kind, 'stream-user-token');
  const call = verify(client.generateCallToken({ user_id: 'dan', call_cids: ['default:qa'], role: 'call_member',
    validity_in_seconds: 120 }));
  assert.equal(call.code, 0, call.err);
  assert.equal(call.result.kind, 'stream-call-token');
  assert.equal(call.result.claims.role, 'call_member');
  assert.ok(call.result.permissions.some((p) => p.includes('default:qa')), JSON.stringify(call.result.permissions));
});

test('Stream: both sides refuse a tampered payload and a wrong secret', () => {
  const { token } = mint(['--user-id', 'erin', '--call-cid', 'default:qa']);
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  payload.user_id = 'mallory';
  const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
  assert.throws(() => jwt.verify(forged, SECRET, { algorithms: ['HS256'] }));
  assert.equal(verify(forged).code, 1);
  assert.throws(() => jwt.verify(token, 'wrong-secret', { algorithms: ['HS256'] }));
  const wrong = verify(token, 'wrong-secret');
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
});

test('Stream: mint refuses what Stream cannot use', () => {
  const noUser = cli(['mint', 'stream', '--api-key', KEY, '--api-secret', SECRET]);
  assert.equal(noUser.code, 2, noUser.err);
  assert.match(noUser.err, /user ID is missing/);
  const badCid = cli(['mint', 'stream', '--api-key', KEY, '--api-secret', SECRET, '--user-id', 'a', '--call-cid', 'standup']);
  assert.equal(badCid.code, 2, badCid.err);
  assert.match(badCid.err, /not a call cid/);
  const fromEnv = cli(['mint', 'stream', '--user-id', 'a'], { STREAM_API_KEY: KEY, STREAM_API_SECRET: SECRET });
  assert.equal(fromEnv.code, 0, fromEnv.err);
  assert.doesNotThrow(() => jwt.verify(fromEnv.out.trim(), SECRET, { algorithms: ['HS256'] }));
});
