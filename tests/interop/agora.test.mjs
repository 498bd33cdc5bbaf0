// SPDX-License-Identifier: MIT
// Interop against Agora's official token package, agora-token (pinned in package-lock.json): RtcTokenBuilder2,
// RtmTokenBuilder2, ChatTokenBuilder and AccessToken2. The package draws its salt from Math.random and its issue time
// from Date, so the byte-for-byte comparisons set both to what tokendesk-cli used (read back from its --json).
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli node --test agora.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { deflateSync, inflateSync } from 'node:zlib';
import agora from 'agora-token';
import accessToken2 from 'agora-token/src/AccessToken2.js';
import legacy006 from 'agora-token/src/AccessToken.js';
import { sandboxEnv } from './_sandbox.mjs';

const { RtcTokenBuilder, RtcRole, RtmTokenBuilder, ChatTokenBuilder } = agora;
const { AccessToken2, ServiceRtc, ServiceChat } = accessToken2;
const CLI = process.env.TOKENDESK_CLI;
assert.ok(CLI, 'set TOKENDESK_CLI');
const APP_ID = '970ca35de60c44645bbae8a215061b33';
const CERT = '5cfd2fd1755d40ecb72977518be15d3b';
const cleanEnv = sandboxEnv();

function cli(args, env = {}) {
  const r = spawnSync(CLI, args, { env: { ...cleanEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mint(args) {
  const r = cli(['mint', 'agora', '--app-id', APP_ID, '--app-certificate', CERT, ...args, '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verify(token, flags = ['--app-certificate', CERT]) {
  const r = cli(['verify', token, ...flags, '--json']);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}
/** Runs `build` with the package's clock at `issueTs` and its salt at `salt`. */
function withClockAndSalt(issueTs, salt, build) {
  const RealDate = Date;
  const realRandom = Math.random;
  globalThis.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [issueTs * 1000])); }
    static now() { return issueTs * 1000; }
  };
  Math.random = () => (salt - 1 + 0.5) / 99999999; // floor(x * 99999999) + 1 == salt
  try {
    return build();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}
/** The signed content of a 007 token (what the zlib stream holds). */
const content = (token) => inflateSync(Buffer.from(token.slice(3), 'base64'));

// Node releases bundle Chromium's zlib ("1.3.1-e00f703"), whose deflate writes other (equally valid) bytes than the
// zlib release TokenDesk links; a Node built on a zlib release compresses as TokenDesk does.
const STOCK_ZLIB = /^[0-9.]+$/.test(process.versions.zlib);

/** The signed content is byte for byte the SDK's; the whole token too when both compress with a zlib release. */
function assertSameToken(ours, sdk) {
  assert.deepEqual(content(ours), content(sdk));
  if (STOCK_ZLIB)
    assert.equal(ours, sdk);
  const parsed = new AccessToken2();
  assert.ok(parsed.from_string(ours) && parsed.verifySignature(CERT), 'the SDK reads and verifies our token');
}

test('Agora: an RTC publisher token with a uid signs byte for byte what RtcTokenBuilder2 signs', () => {
  const minted = mint(['--channel', 'standup', '--uid', '42', '--ttl', '1h', '--privilege-ttl', '30m']);
  const sdk = withClockAndSalt(minted.claims.issue_ts, minted.claims.salt, () =>
    RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'standup', 42, RtcRole.PUBLISHER, 3600, 1800));
  assertSameToken(minted.token, sdk);
  assert.equal(minted.claims.services[0].privileges.publish_video, 1800);
});

test('Agora: uid 0 and the account "123" are written as the SDK writes them', () => {
  const zero = mint(['--channel', 'lobby', '--uid', '0', '--role', 'subscriber']);
  const sdkZero = withClockAndSalt(zero.claims.issue_ts, zero.claims.salt, () =>
    RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'lobby', 0, RtcRole.SUBSCRIBER, 3600, 3600));
  assertSameToken(zero.token, sdkZero);
  assert.equal(zero.claims.services[0].uid, '');
  const account = mint(['--channel', 'lobby', '--account', '123']);
  const sdkUid = withClockAndSalt(account.claims.issue_ts, account.claims.salt, () =>
    RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'lobby', 123, RtcRole.PUBLISHER, 3600, 3600));
  assertSameToken(account.token, sdkUid);
});

test('Agora: RTC with RTM login, and a Chat user service, sign byte for byte what the SDK signs', () => {
  const minted = mint(['--channel', 'ops', '--account', 'alice', '--rtm-user-id', 'alice', '--ttl', '2h',
    '--privilege-ttl', '2h']);
  const sdk = withClockAndSalt(minted.claims.issue_ts, minted.claims.salt, () =>
    RtcTokenBuilder.buildTokenWithRtm(APP_ID, CERT, 'ops', 'alice', RtcRole.PUBLISHER, 7200, 7200));
  assertSameToken(minted.token, sdk);
  const chat = mint(['--channel', 'ops', '--uid', '7', '--chat-user-id', 'u7', '--role', 'subscriber']);
  const sdkChat = withClockAndSalt(chat.claims.issue_ts, chat.claims.salt, () => {
    const t = new AccessToken2(APP_ID, CERT, 0, 3600);
    const rtc = new ServiceRtc('ops', 7);
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 3600);
    t.add_service(rtc);
    const c = new ServiceChat('u7');
    c.add_privilege(ServiceChat.kPrivilegeUser, 3600);
    t.add_service(c);
    return t.build();
  });
  assertSameToken(chat.token, sdkChat);
});

test('Agora: SDK tokens verify with tokendesk-cli, which reads every service and explains it', () => {
  const rtc = verify(RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'qa', 'bob', RtcRole.SUBSCRIBER,
    600, 600), ['--app-certificate', CERT, '--app-id', APP_ID]);
  assert.equal(rtc.code, 0, rtc.err);
  assert.equal(rtc.result.provider, 'agora');
  assert.equal(rtc.result.kind, 'agora-accesstoken2');
  assert.equal(rtc.result.signature, 'valid');
  assert.deepEqual(Object.keys(rtc.result.claims.services[0].privileges), ['join_channel']);
  assert.ok(rtc.result.permissions.some((p) => p.includes('"bob" joins the channel "qa"')),
    JSON.stringify(rtc.result.permissions));
  const rtm = verify(RtmTokenBuilder.buildToken(APP_ID, CERT, 'carol', 900));
  assert.equal(rtm.code, 0, rtm.err);
  assert.equal(rtm.result.claims.services[0].service, 'rtm');
  const chat = verify(ChatTokenBuilder.buildAppToken(APP_ID, CERT, 900));
  assert.equal(chat.code, 0, chat.err);
  assert.ok(chat.result.permissions.some((p) => p.includes('app token')), JSON.stringify(chat.result.permissions));
});

test('Agora: findings for the classic mistakes', () => {
  // The SDK's default privilege expiry (0), uid 0, and a token for another app ID.
  const token = RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'room', 0, RtcRole.PUBLISHER, 3600);
  const r = verify(token, ['--app-certificate', CERT, '--app-id', 'ffffffffffffffffffffffffffffffff']);
  const codes = r.result.findings.map((f) => f.code);
  assert.ok(codes.includes('privilege-zero'), codes.join());
  assert.ok(codes.includes('uid-zero'), codes.join());
  assert.ok(codes.includes('app-id-mismatch'), codes.join());
  assert.equal(r.code, 1);
  const longer = verify(RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'room', 5, RtcRole.PUBLISHER, 600, 3600));
  assert.ok(longer.result.findings.some((f) => f.code === 'privilege-after-token'));
  const badChannel = cli(['mint', 'agora', '--app-id', APP_ID, '--app-certificate', CERT, '--channel', 'a/b',
    '--uid', '1']);
  assert.equal(badChannel.code, 2, badChannel.err);
  assert.match(badChannel.err, /character Agora does not allow/);
  const longChannel = cli(['mint', 'agora', '--app-id', APP_ID, '--app-certificate', CERT, '--channel',
    'x'.repeat(64), '--uid', '1']);
  assert.equal(longChannel.code, 2);
  assert.match(longChannel.err, /64/);
  const badCert = cli(['mint', 'agora', '--app-id', APP_ID, '--app-certificate', 'short', '--channel', 'a',
    '--uid', '1']);
  assert.equal(badCert.code, 2);
  assert.match(badCert.err, /32 hex/);
});

test('Agora: a wrong certificate and a changed token are refused; the SDK refuses ours changed too', () => {
  const { token } = mint(['--channel', 'vault', '--uid', '9']);
  const parsed = new AccessToken2();
  assert.ok(parsed.from_string(token));
  assert.ok(parsed.verifySignature(CERT), 'the SDK verifies our token');
  assert.ok(!parsed.verifySignature('00000000000000000000000000000000'));
  const wrong = verify(token, ['--app-certificate', '00000000000000000000000000000000']);
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
  // Change the channel inside the signed content and re-pack: both sides refuse it.
  const bytes = content(token);
  const at = bytes.indexOf(Buffer.from('vault'));
  bytes.write('vaulT', at);
  const forged = '007' + deflateSync(bytes).toString('base64');
  const sdkForged = new AccessToken2();
  assert.ok(sdkForged.from_string(forged));
  assert.ok(!sdkForged.verifySignature(CERT));
  assert.equal(verify(forged).code, 1);
});

test('Agora: a legacy 006 token is decoded and called legacy', () => {
  // The package still ships the 006 AccessToken; it writes the privileges as Unix times.
  const { AccessToken: Legacy, priviledges } = legacy006;
  const key = new Legacy(APP_ID, CERT, 'old-room', 77);
  const expires = Math.floor(Date.now() / 1000) + 3600;
  key.addPriviledge(priviledges.kJoinChannel, expires);
  const r = verify(key.build());
  assert.equal(r.result.provider, 'agora');
  assert.equal(r.result.kind, 'agora-accesstoken-006');
  assert.ok(r.result.findings.some((f) => f.code === 'legacy-006'));
  assert.equal(r.result.claims.privileges.join_channel, expires);
});
