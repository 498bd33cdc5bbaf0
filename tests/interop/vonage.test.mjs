// SPDX-License-Identifier: MIT
// Interop against Vonage's official server SDK, @vonage/video (generateClientToken, signed by @vonage/jwt), and
// OpenTok's, opentok (generateToken: the legacy T1 form and its JWT form), pinned in package-lock.json. The SDKs read
// the time from Date, OpenTok its nonce from Math.random, and Vonage's jti is a random UUID: the comparisons set the
// first two to what tokendesk-cli used and put the SDK's jti into ours.
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli TOKENDESK_TEST_DATA=tests/data node --test vonage.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Video } from '@vonage/video';
import OpenTok from 'opentok';
import jwt from 'jsonwebtoken';
import { createPublicKey } from 'node:crypto';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
assert.ok(CLI, 'set TOKENDESK_CLI');
const KEY_FILE = join(process.env.TOKENDESK_TEST_DATA ?? '../data', 'pem/rsa2048-pkcs8.pem');
const PEM = readFileSync(KEY_FILE, 'utf8');
const PUBLIC = createPublicKey(PEM).export({ type: 'spki', format: 'pem' });
const APP = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const API_KEY = '12345678';
const API_SECRET = 'opentok-interop-secret-0123456789abcdef';
// A session ID as the API makes them: "1_" and base64 of "1~<API key>~<location>~<time>~<random>~".
const sessionOf = (key) => '1_' + Buffer.from(`1~${key}~127.0.0.1~Fri Dec 04 00:00:00 PST 2026~0.42~`)
  .toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
const SESSION = sessionOf(API_KEY);
const video = new Video({ applicationId: APP, privateKey: PEM });
const ot = new OpenTok(API_KEY, API_SECRET);
const cleanEnv = sandboxEnv();

function cli(args, env = {}) {
  const r = spawnSync(CLI, args, { env: { ...cleanEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mint(provider, args) {
  const creds = provider === 'vonage' ? ['--application-id', APP, '--private-key', KEY_FILE]
    : ['--api-key', API_KEY, '--api-secret', API_SECRET];
  const r = cli(['mint', provider, ...creds, ...args, '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verify(token, flags, env = {}) {
  const r = cli(['verify', token, ...flags, '--json'], env);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}
/** Runs `build` with the SDK's clock at `seconds` and Math.random() returning `random`. */
function at(seconds, random, build) {
  const RealDate = Date;
  const realRandom = Math.random;
  globalThis.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [seconds * 1000])); }
    static now() { return seconds * 1000; }
  };
  if (random !== undefined)
    Math.random = () => random;
  try {
    return build();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}
const segment = (token, i) => Buffer.from(token.split('.')[i], 'base64url').toString();

test('Vonage: a client token is generateClientToken\'s byte for byte but for the random jti', () => {
  const minted = mint('vonage', ['--session-id', '2_MX4xMjM0NTY3OH5-demo', '--role', 'moderator', '--data',
    'name=alice', '--layout-class', 'focus', '--layout-class', 'full', '--ttl', '2h']);
  const iat = minted.claims.iat;
  const sdk = at(iat, undefined, () => video.generateClientToken('2_MX4xMjM0NTY3OH5-demo', {
    role: 'moderator', data: 'name=alice', initialLayoutClassList: ['focus', 'full'], expireTime: iat + 7200 }));
  assert.equal(segment(minted.token, 0), segment(sdk, 0));
  const sdkJti = JSON.parse(segment(sdk, 1)).jti;
  assert.equal(segment(minted.token, 1).replace(minted.claims.jti, sdkJti), segment(sdk, 1));
  assert.equal(jwt.verify(minted.token, PUBLIC, { algorithms: ['RS256'] }).role, 'moderator');
});

test('Vonage: SDK tokens verify with tokendesk-cli (the key from VONAGE_PRIVATE_KEY as a path), explained', () => {
  const token = video.generateClientToken('2_MX4xMjM0NTY3OH5-qa', { role: 'subscriber' });
  const r = verify(token, ['--application-id', APP], { VONAGE_PRIVATE_KEY: KEY_FILE });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.result.provider, 'vonage');
  assert.equal(r.result.kind, 'vonage-client-token');
  assert.equal(r.result.signature, 'valid');
  assert.ok(r.result.permissions.some((p) => p.startsWith('Subscriber')), JSON.stringify(r.result.permissions));
  // An exp that is not in the future: the SDK silently writes iat + 900 s instead, and decode says so.
  const past = video.generateClientToken('2_MX4xMjM0NTY3OH5-qa', { expireTime: 1000 });
  const fallback = verify(past, ['--public-key', KEY_FILE]);
  assert.ok(fallback.result.findings.some((f) => f.code === 'fallback-exp'), JSON.stringify(fallback.result.findings));
  const other = verify(token, ['--application-id', 'ffffffff-bbbb-cccc-dddd-0123456789ab', '--public-key', KEY_FILE]);
  assert.equal(other.code, 1);
  assert.ok(other.result.findings.some((f) => f.code === 'application-mismatch'));
});

test('OpenTok: a T1 token is generateToken(…, true)\'s byte for byte', () => {
  const minted = mint('opentok', ['--session-id', SESSION, '--role', 'subscriber', '--data', 'name=al ice&x=1',
    '--ttl', '1h']);
  const created = Number(minted.claims.create_time);
  const sdk = at(created, Number(minted.claims.nonce), () => ot.generateToken(SESSION, {
    role: 'subscriber', data: 'name=al ice&x=1', expireTime: created + 3600 }, true));
  assert.equal(minted.token, sdk);
  assert.ok(minted.token.startsWith('T1=='));
});

test('OpenTok: the JWT form (--format jwt) is generateToken\'s default byte for byte', () => {
  const minted = mint('opentok', ['--session-id', SESSION, '--format', 'jwt']);
  const sdk = at(minted.claims.iat, minted.claims.nonce, () => ot.generateToken(SESSION, {
    expireTime: minted.claims.iat + 86400 }));
  assert.equal(minted.token, sdk);
  assert.equal(jwt.verify(minted.token, API_SECRET, { algorithms: ['HS256'] }).ist, 'project');
});

test('OpenTok: SDK tokens of both forms verify with tokendesk-cli; wrong secrets and foreign sessions are caught', () => {
  const t1 = ot.generateToken(SESSION, { role: 'moderator' }, true);
  const r = verify(t1, ['--api-secret', API_SECRET, '--api-key', API_KEY]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.result.provider, 'opentok');
  assert.equal(r.result.kind, 'opentok-t1');
  assert.equal(r.result.signature, 'valid');
  assert.ok(r.result.permissions.some((p) => p.startsWith('Moderator')));
  const jwtForm = verify(ot.generateToken(SESSION), ['--api-secret', API_SECRET]);
  assert.equal(jwtForm.code, 0, jwtForm.err);
  assert.equal(jwtForm.result.kind, 'opentok-jwt');
  const wrong = verify(t1, ['--api-secret', 'wrong']);
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
  const foreign = cli(['mint', 'opentok', '--api-key', API_KEY, '--api-secret', API_SECRET, '--session-id',
    sessionOf('87654321')]);
  assert.equal(foreign.code, 2);
  assert.match(foreign.err, /belongs to API key "87654321"/);
  assert.throws(() => ot.generateToken(sessionOf('87654321')), /session belongs to the API Key/);
});
