// SPDX-License-Identifier: MIT
// Interop against 100ms's official server SDK, @100mslive/server-sdk (pinned in package-lock.json): its AuthService
// (getAuthToken, getManagementToken) and the jsonwebtoken it signs with. The SDK's jti is a random UUID, so the
// comparisons put the SDK's jti into ours and then compare header and payload byte for byte.
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli node --test hms.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import AuthService from '@100mslive/server-sdk/dist/cjs/services/AuthService.js';
import jwt from 'jsonwebtoken';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
assert.ok(CLI, 'set TOKENDESK_CLI');
const ACCESS_KEY = '6421a1b2c3d4e5f6a7b8c9d0';
const SECRET = 'hms-interop-secret-0123456789abcdefghijklmnopqrstuvwxyz0123456789';
const ROOM = '6421a1b2c3d4e5f6a7b8c9ff';
const auth = new (AuthService.default ?? AuthService)(ACCESS_KEY, SECRET);
const cleanEnv = sandboxEnv();

function cli(args, env = {}) {
  const r = spawnSync(CLI, args, { env: { ...cleanEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mint(args) {
  const r = cli(['mint', '100ms', '--access-key', ACCESS_KEY, '--secret', SECRET, ...args, '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verify(token, flags = ['--secret', SECRET]) {
  const r = cli(['verify', token, ...flags, '--json']);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}
const segment = (token, i) => Buffer.from(token.split('.')[i], 'base64url').toString();
/** Our header and payload equal the SDK's byte for byte once the SDK's random jti stands in for ours. */
function assertSameButJti(ours, sdk) {
  assert.equal(segment(ours, 0), segment(sdk, 0));
  const sdkJti = JSON.parse(segment(sdk, 1)).jti;
  const ourJti = JSON.parse(segment(ours, 1)).jti;
  assert.match(ourJti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a version-4 UUID');
  assert.equal(segment(ours, 1).replace(ourJti, sdkJti), segment(sdk, 1));
}

test('100ms: an auth token matches getAuthToken byte for byte but for the random jti', async () => {
  const minted = mint(['--room-id', ROOM, '--user-id', 'alice', '--role', 'host']);
  const { token } = await auth.getAuthToken({ roomId: ROOM, role: 'host', userId: 'alice',
    issuedAt: minted.claims.iat });
  assertSameButJti(minted.token, token);
  const now = Math.floor(Date.now() / 1000);
  assert.ok(minted.claims.iat <= now - 10 && minted.claims.iat >= now - 12, 'iat ten seconds back, as the SDK');
  assert.equal(minted.claims.nbf, minted.claims.iat);
  assert.equal(minted.claims.exp - minted.claims.nbf, 86400, 'the SDK\'s day');
  assert.doesNotThrow(() => jwt.verify(minted.token, SECRET, { algorithms: ['HS256'] }));
});

test('100ms: a management token with a TTL matches getManagementToken but for the jti', async () => {
  const minted = mint(['--management', '--ttl', '30m']);
  const { token } = await auth.getManagementToken({ forceNew: true, issuedAt: minted.claims.iat,
    validForSeconds: 1800 });
  assertSameButJti(minted.token, token);
});

test('100ms: SDK tokens verify with tokendesk-cli, which tells the family and explains them', async () => {
  const { token } = await auth.getAuthToken({ roomId: ROOM, role: 'guest', userId: 'carol' });
  const r = verify(token, ['--secret', SECRET, '--access-key', ACCESS_KEY]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.result.provider, '100ms');
  assert.equal(r.result.kind, '100ms-auth-token');
  assert.equal(r.result.signature, 'valid');
  assert.ok(r.result.permissions.some((p) => p.includes('"guest"')), JSON.stringify(r.result.permissions));
  const management = verify((await auth.getManagementToken({ forceNew: true })).token);
  assert.equal(management.code, 0, management.err);
  assert.equal(management.result.kind, '100ms-management-token');
  const otherKey = verify(token, ['--secret', SECRET, '--access-key', 'someone-else']);
  assert.equal(otherKey.code, 1);
  assert.ok(otherKey.result.findings.some((f) => f.code === 'access-key-mismatch'));
});

test('100ms: both sides refuse a tampered payload and a wrong secret; mint refuses a missing role', () => {
  const { token } = mint(['--room-id', ROOM, '--user-id', 'erin', '--role', 'guest']);
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  payload.role = 'host';
  const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
  assert.throws(() => jwt.verify(forged, SECRET, { algorithms: ['HS256'] }));
  assert.equal(verify(forged).code, 1);
  const wrong = verify(token, ['--secret', 'wrong-secret']);
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
  const noRole = cli(['mint', '100ms', '--access-key', ACCESS_KEY, '--secret', SECRET, '--room-id', ROOM,
    '--user-id', 'x']);
  assert.equal(noRole.code, 2, noRole.err);
  assert.match(noRole.err, /role is missing/);
  const fromEnv = cli(['mint', '100ms', '--management'], { HMS_ACCESS_KEY: ACCESS_KEY, HMS_SECRET: SECRET });
  assert.equal(fromEnv.code, 0, fromEnv.err);
  assert.equal(jwt.verify(fromEnv.out.trim(), SECRET, { algorithms: ['HS256'] }).type, 'management');
});
