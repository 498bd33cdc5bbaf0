// SPDX-License-Identifier: MIT
// Interop against independent implementations: livekit-server-sdk and jose (pinned in package-lock.json).
// Run: TOKENDESK_CLI=/path/to/tokendesk-cli TOKENDESK_TEST_DATA=/path/to/tests/data node --test interop.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AccessToken, TokenVerifier, RoomConfiguration, RoomAgentDispatch, TrackSource } from 'livekit-server-sdk';
import { SignJWT, jwtVerify, decodeProtectedHeader } from 'jose';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
const DATA = process.env.TOKENDESK_TEST_DATA;
assert.ok(CLI && DATA, 'set TOKENDESK_CLI and TOKENDESK_TEST_DATA');

const KEY = 'APIinteropKey';
const SECRET = 'interop-secret-with-enough-entropy-0123';
const JAAS_APP = 'vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe';
const pemPath = (f) => `${DATA}/pem/${f}`;
const privatePem = readFileSync(pemPath('rsa2048-pkcs8.pem'), 'utf8');
const spkiPem = readFileSync(pemPath('rsa2048-spki.pem'), 'utf8');
const privateKey = createPrivateKey(privatePem);
const publicKey = createPublicKey(spkiPem);
const cleanEnv = sandboxEnv();

function cli(args) {
  const r = spawnSync(CLI, args, { env: cleanEnv, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function mintJson(args) {
  const r = cli([...args, '--json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
function verifyJson(args) {
  const r = cli(['verify', ...args, '--json']);
  return { code: r.code, result: r.out ? JSON.parse(r.out) : null, err: r.err };
}
function tamper(token) {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  payload.video = { ...(payload.video ?? {}), roomAdmin: true };
  payload.sub = 'mallory';
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}
const now = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------- LiveKit

test('LiveKit: every grant we mint round-trips through TokenVerifier', async () => {
  const minted = mintJson(['mint', 'livekit', '--api-key', KEY, '--api-secret', SECRET, '--identity', 'alice',
    '--name', 'Alice', '--room', 'demo', '--join', '--create', '--list', '--record', '--admin', '--ingress-admin',
    '--hidden', '--recorder', '--agent', '--update-metadata', '--can-publish', 'true', '--can-subscribe', 'false',
    '--can-publish-data', 'false', '--sources', 'camera,microphone,screen_share,screen_share_audio',
    '--can-subscribe-metrics', 'true', '--can-manage-agent-session', 'true', '--destination-room', 'next',
    '--metadata', '{"role":"host"}', '--attribute', 'team=blue', '--attribute', 'level=3', '--kind', 'agent',
    '--kind-detail', 'cloud_agent', '--sip-admin', '--sip-call', '--agent-admin', '--agent-simulation-admin',
    '--inference', '--observability', '--room-preset', 'p1', '--sha256', 'abc=',
    '--room-config', '{"max_participants":7,"empty_timeout":30}', '--dispatch-agent', 'helper',
    '--grant', '{"canPublishData":true}']);
  const claims = await new TokenVerifier(KEY, SECRET).verify(minted.token);
  assert.deepEqual(claims, minted.claims);
  assert.equal(claims.video.canPublishData, true, '--grant overrides the flags');
  assert.equal(claims.video.canSubscribe, false);
  assert.deepEqual(claims.roomConfig, { maxParticipants: 7, emptyTimeout: 30, agents: [{ agentName: 'helper' }] });
  assert.equal(claims.sub, 'alice');
  assert.equal(claims.aud, undefined);
  assert.equal(decodeProtectedHeader(minted.token).alg, 'HS256');
});

test('LiveKit: a token minted by livekit-server-sdk verifies with tokendesk-cli', async () => {
  const at = new AccessToken(KEY, SECRET, {
    identity: 'bob', name: 'Bob', metadata: 'm', attributes: { a: 'b' }, ttl: '10m',
  });
  at.addGrant({ roomJoin: true, room: 'demo', canSubscribe: false, canPublishSources: [TrackSource.MICROPHONE], hidden: true });
  at.roomConfig = new RoomConfiguration({ name: 'demo', agents: [new RoomAgentDispatch({ agentName: 'a1' })] });
  const token = await at.toJwt();
  const { code, result } = verifyJson([token, '--api-key', KEY, '--api-secret', SECRET]);
  assert.equal(code, 0, JSON.stringify(result?.findings));
  assert.equal(result.provider, 'livekit');
  assert.equal(result.signature, 'valid');
  assert.equal(result.claims.sub, 'bob');
  assert.equal(result.claims.video.canSubscribe, false);
  assert.ok(result.permissions.includes('cannot subscribe'));
  assert.ok(result.permissions.includes('can publish microphone'));
  assert.ok(result.permissions.includes('cannot publish camera'));
});

test('LiveKit: both sides refuse a tampered payload and a wrong secret', async () => {
  const { token } = mintJson(['mint', 'livekit', '--api-key', KEY, '--api-secret', SECRET, '--identity', 'a', '--room', 'r', '--join']);
  const forged = tamper(token);
  await assert.rejects(new TokenVerifier(KEY, SECRET).verify(forged));
  assert.equal(verifyJson([forged, '--api-key', KEY, '--api-secret', SECRET]).code, 1);
  await assert.rejects(new TokenVerifier(KEY, 'wrong-secret').verify(token));
  const wrong = verifyJson([token, '--api-key', KEY, '--api-secret', 'wrong-secret']);
  assert.equal(wrong.code, 1);
  assert.ok(wrong.result.findings.some((f) => f.code === 'bad-signature'));
});

test('LiveKit: both sides refuse an expired token', async () => {
  const token = await new SignJWT({ video: { roomJoin: true, room: 'r' } })
    .setProtectedHeader({ alg: 'HS256' }).setIssuer(KEY).setSubject('old')
    .setNotBefore(now() - 7200).setExpirationTime(now() - 3600)
    .sign(new TextEncoder().encode(SECRET));
  await assert.rejects(new TokenVerifier(KEY, SECRET).verify(token));
  const r = verifyJson([token, '--api-key', KEY, '--api-secret', SECRET]);
  assert.equal(r.code, 1);
  assert.equal(r.result.signature, 'valid');
  assert.ok(r.result.findings.some((f) => f.code === 'expired'));
});

test('LiveKit: alg none is refused by both', async () => {
  const body = Buffer.from(JSON.stringify({ iss: KEY, sub: 'x', exp: now() + 600, video: { roomJoin: true, room: 'r' } })).toString('base64url');
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
  await assert.rejects(new TokenVerifier(KEY, SECRET).verify(unsigned));
  const r = verifyJson([unsigned, '--api-key', KEY, '--api-secret', SECRET]);
  assert.equal(r.code, 1);
  assert.ok(r.result.findings.some((f) => f.code === 'alg-none'));
});

// ---------------------------------------------------------------- JaaS

test('JaaS: our RS256 token verifies with jose (aud, iss, kid prefix = sub)', async () => {
  const minted = mintJson(['mint', 'jaas', '--app-id', JAAS_APP, '--key-id', '4f4910', '--private-key',
    pemPath('rsa2048-pkcs1.pem'), '--room', 'daily', '--user-id', 'u1', '--user-name', 'Ann', '--user-email',
    'ann@example.com', '--moderator', 'true', '--feature', 'recording=true', '--feature', 'livestreaming=false']);
  const { payload, protectedHeader } = await jwtVerify(minted.token, publicKey,
    { algorithms: ['RS256'], issuer: 'chat', audience: 'jitsi' });
  assert.equal(protectedHeader.kid, `${JAAS_APP}/4f4910`);
  assert.equal(protectedHeader.kid.split('/')[0], payload.sub);
  assert.equal(protectedHeader.typ, 'JWT');
  assert.equal(payload.context.user.moderator, 'true');
  assert.deepEqual(payload.context.features, { recording: 'true', livestreaming: 'false' });
  assert.ok(payload.nbf <= now() - 9);
});

test('JaaS: a jose-minted token verifies with tokendesk-cli; tampering and wrong keys fail', async () => {
  const token = await new SignJWT({ room: '*', context: { user: { id: 'x', name: 'X', moderator: 'false' }, features: {} } })
    .setProtectedHeader({ alg: 'RS256', kid: `${JAAS_APP}/k9`, typ: 'JWT' })
    .setAudience('jitsi').setIssuer('chat').setSubject(JAAS_APP)
    .setNotBefore(now() - 10).setExpirationTime(now() + 3600).sign(privateKey);
  const ok = verifyJson([token, '--public-key', pemPath('rsa2048-spki.pem')]);
  assert.equal(ok.code, 0, JSON.stringify(ok.result?.findings));
  assert.equal(ok.result.provider, 'jaas');
  assert.equal(verifyJson([tamper(token), '--public-key', pemPath('rsa2048-spki.pem')]).code, 1);
  await assert.rejects(jwtVerify(tamper(token), publicKey, { algorithms: ['RS256'] }));
});

test('Algorithm confusion: an HS256 token keyed with the RSA public key is refused by both', async () => {
  const forged = await new SignJWT({ room: '*', context: { user: { moderator: 'true' }, features: {} } })
    .setProtectedHeader({ alg: 'HS256', kid: `${JAAS_APP}/k9`, typ: 'JWT' })
    .setAudience('jitsi').setIssuer('chat').setSubject(JAAS_APP)
    .setNotBefore(now() - 10).setExpirationTime(now() + 3600).sign(new TextEncoder().encode(spkiPem));
  await assert.rejects(jwtVerify(forged, publicKey, { algorithms: ['RS256'] }));
  const r = verifyJson([forged, '--public-key', pemPath('rsa2048-spki.pem')]);
  assert.equal(r.code, 1);
  assert.equal(r.result.signature, 'invalid');
  // Passing the PEM as a shared secret is refused outright.
  const asSecret = cli(['verify', forged, '--app-secret', spkiPem, '--json']);
  assert.equal(asSecret.code, 1);
  assert.ok(JSON.parse(asSecret.out).findings.some((f) => f.code === 'algorithm-confusion'));
});

// ---------------------------------------------------------------- self-hosted Jitsi

test('Jitsi self-hosted HS256: ours verifies with jose, jose\'s with ours', async () => {
  const secret = 'prosody-app-secret';
  const minted = mintJson(['mint', 'jitsi', '--app-id', 'my_app', '--app-secret', secret, '--subject',
    'meet.example.com', '--room', 'standup', '--user-name', 'Ann', '--affiliation', 'owner', '--group', 'g1']);
  const { payload, protectedHeader } = await jwtVerify(minted.token, new TextEncoder().encode(secret),
    { algorithms: ['HS256'], issuer: 'my_app', audience: 'jitsi' });
  assert.equal(protectedHeader.typ, 'JWT');
  assert.equal(payload.sub, 'meet.example.com');
  assert.equal(payload.context.user.affiliation, 'owner');
  assert.equal(payload.context.group, 'g1');

  const theirs = await new SignJWT({ room: 'standup', context: { user: { name: 'Bo' } } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('my_app').setAudience('jitsi')
    .setSubject('meet.example.com').setNotBefore(now() - 5).setExpirationTime(now() + 600)
    .sign(new TextEncoder().encode(secret));
  const ok = verifyJson([theirs, '--app-id', 'my_app', '--app-secret', secret]);
  assert.equal(ok.code, 0, JSON.stringify(ok.result?.findings));
  assert.equal(ok.result.kind, 'jitsi-hs256');
  assert.equal(verifyJson([theirs, '--app-id', 'my_app', '--app-secret', 'nope']).code, 1);
  assert.equal(verifyJson([theirs, '--app-id', 'other_app', '--app-secret', secret]).code, 1);
});

test('Jitsi self-hosted RS256 with a key id verifies with jose', async () => {
  const minted = mintJson(['mint', 'jitsi', '--app-id', 'my_app', '--private-key', pemPath('rsa2048-pkcs8.pem'),
    '--key-id', 'jitsi/default', '--room', '*']);
  const { protectedHeader } = await jwtVerify(minted.token, publicKey,
    { algorithms: ['RS256'], issuer: 'my_app', audience: 'jitsi' });
  assert.equal(protectedHeader.kid, 'jitsi/default');
  assert.equal(verifyJson([minted.token, '--public-key', pemPath('rsa2048-spki.pem')]).code, 0);
});

// ---------------------------------------------------------------- Batch and permission matrix

test('Batch: every row\'s LiveKit token verifies with TokenVerifier and carries the row', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/td-batch-`);
  writeFileSync(`${dir}/in.csv`, [
    'identity,name,room,preset,grants,ttl',
    'ann,Ann,stage,speaker,,10m',
    'bob,"Bob, Jr.",stage,viewer,,',
    'cy,Cy,green,,"canPublish=true;canPublishSources=camera+microphone;hidden",1h',
  ].join('\n'));
  const env = { ...cleanEnv, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET };
  const r = spawnSync(CLI, ['batch', '--provider', 'livekit', '--input', `${dir}/in.csv`, '--output', `${dir}/out.json`],
    { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(readFileSync(`${dir}/out.json`, 'utf8'));
  assert.equal(rows.length, 3);
  const verifier = new TokenVerifier(KEY, SECRET);
  const ann = await verifier.verify(rows[0].token);
  assert.equal(ann.sub, 'ann');
  assert.equal(ann.exp - ann.nbf, 600);
  assert.deepEqual(ann.video.canPublishSources, ['camera', 'microphone', 'screen_share', 'screen_share_audio']);
  assert.equal(new Date(rows[0].expiresAt).getTime() / 1000, ann.exp);
  const bob = await verifier.verify(rows[1].token);
  assert.equal(bob.name, 'Bob, Jr.');
  assert.equal(bob.video.canPublish, false);
  const cy = await verifier.verify(rows[2].token);
  assert.equal(cy.video.room, 'green');
  assert.equal(cy.video.hidden, true);
  assert.deepEqual(cy.video.canPublishSources, ['camera', 'microphone']);
});

test('Matrix: JaaS combinations verify with jose and carry the moderator and feature values', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/td-matrix-`);
  const env = { ...cleanEnv, JAAS_APP_ID: JAAS_APP, JAAS_KEY_ID: `${JAAS_APP}/4f4910`, JAAS_PRIVATE_KEY: privatePem };
  const r = spawnSync(CLI, ['matrix', '--provider', 'jaas', '--room', 'qa-room', '--feature', 'recording',
    '--feature', 'transcription', '--output', `${dir}/m.csv`], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(`${dir}/m.csv`, 'utf8').trim().split('\r\n');
  assert.equal(lines.length, 1 + 8);
  const header = lines[0].split(',');
  const tokenCol = header.indexOf('token');
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const moderator = cells[2] === 'yes';
    const token = cells.find((c) => c.startsWith('eyJ'));
    assert.ok(tokenCol > 0 && token);
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], issuer: 'chat', audience: 'jitsi' });
    assert.equal(payload.room, 'qa-room');
    assert.equal(payload.context.user.moderator, moderator ? 'true' : 'false');
    assert.equal(payload.context.features.recording, cells[3] === 'on' ? 'true' : 'false');
  }
});

// ---------------------------------------------------------------- Jitsi rooms (issue 13)

// The Jitsi Meet client's rule for the room it joins, written here from its documented steps: decode percent-escapes
// when the whole text decodes, NFKC, toLowerCase, encodeURIComponent, escapes in lower case.
function backendSafeRoom(room) {
  let r = room;
  try { r = decodeURIComponent(r); } catch { /* not encoded: keep the text */ }
  return encodeURIComponent(r.normalize('NFKC').toLowerCase()).toLowerCase();
}
// What the client does to a URL path segment before that rule: characters it cannot use are dropped.
const clientPathRoom = (segment) => backendSafeRoom(segment.replace(/[:?#[\]@!$&'()*+,;=></"]/g, ''));

// Deterministic generator (mulberry32) so a failure names a reproducible input.
function rng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6D2B79F5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
function roomNames(count, seed) {
  const rand = rng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const range = (lo, hi) => String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
  const pieces = [
    () => pick(['Team', 'standup', 'QA', 'Daily', 'Room', 'x']),
    () => pick([' ', '  ', '-', '_', '.', '~', '!', "'", '(', ')', '*', '/', '+', '?', '#', '&', '=', ',', ';', ':', '@']),
    () => pick(['%20', '%2F', '%C3%A9', '%e4%b8%ad', '%', '%G1', '%C3', '%25', '%F0%9F%98%80', '100%']),
    () => pick(['Café', 'CAFÉ', 'e\u0301', 'Straße', 'ẞ', 'İstanbul', 'ΟΔΟΣ', 'Σ', 'ΣΑΣ', 'Ǆ', 'ﬁ', 'Ⅻ', '①', '㍿']),
    () => pick(['會議室', '会议', 'ＴｅａｍＡ', 'ｈｅｌｌｏ', 'ﾊﾝｶｸ', 'カタカナ', '한국어', 'Привет', 'ДОМ']),
    () => pick(['😀', '🎉', '👩‍💻', '🇹🇼', '✔️']),
    () => range(0x00A0, 0x024F), // Latin-1 supplement and extended Latin
    () => range(0x0370, 0x03FF), // Greek
    () => range(0x0400, 0x04FF), // Cyrillic
    () => range(0x3040, 0x30FF), // kana
    () => range(0x4E00, 0x9FA5), // CJK
    () => range(0xAC00, 0xD7A3), // Hangul syllables
    () => range(0xFF01, 0xFF5E), // full-width ASCII
    () => range(0x1F300, 0x1F5FF), // pictographs
  ];
  const names = new Set();
  while (names.size < count) {
    let name = pick(['Team', 'room', 'Café', '會議', 'Σ', 'ｘ', 'qa']);
    const n = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) name += pick(pieces)();
    name += pick(['A', 'z', '7', 'Σ', 'é', '室']); // no leading or trailing space: a batch cell is trimmed
    names.add(name);
  }
  return [...names];
}

test('Jitsi rooms: TokenDesk writes the room the Jitsi Meet client joins, for 200 generated names', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/td-rooms-`);
  const names = roomNames(200, 13);
  writeFileSync(`${dir}/in.json`, JSON.stringify(names.map((room, i) => ({ identity: `u${i}`, room }))));
  const env = { ...cleanEnv, JAAS_APP_ID: JAAS_APP, JAAS_KEY_ID: `${JAAS_APP}/4f4910`, JAAS_PRIVATE_KEY: privatePem };
  const r = spawnSync(CLI, ['batch', '--provider', 'jaas', '--input', `${dir}/in.json`, '--output', `${dir}/out.json`],
    { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(readFileSync(`${dir}/out.json`, 'utf8'));
  assert.equal(rows.length, names.length);
  const mismatches = [];
  for (let i = 0; i < rows.length; i++) {
    const { payload } = await jwtVerify(rows[i].token, publicKey, { algorithms: ['RS256'] });
    const expected = backendSafeRoom(names[i]);
    if (payload.room !== expected) mismatches.push({ name: names[i], ours: payload.room, client: expected });
    // The join link's last segment leads the client to the same room.
    const segment = new URL(rows[i].joinLink).pathname.split('/').pop();
    const joined = clientPathRoom(segment);
    if (joined !== payload.room) mismatches.push({ name: names[i], link: segment, joined, claim: payload.room });
  }
  assert.deepEqual(mismatches, []);
});

test('Jitsi rooms: mint prints the note, --room-raw keeps the text, decode reads the room back', () => {
  const base = ['mint', 'jitsi', '--app-id', 'app', '--app-secret', 'interop-secret', '--subject', 'meet.example.org'];
  const m = cli([...base, '--room', 'Team Standup', '--json']);
  assert.equal(m.code, 0, m.err);
  assert.match(m.err, /room claim written as team%20standup/);
  const minted = JSON.parse(m.out);
  assert.equal(minted.claims.room, 'team%20standup');
  assert.equal(minted.claims.room, backendSafeRoom('Team Standup'));
  const raw = JSON.parse(cli([...base, '--room', 'Team Standup', '--room-raw', '--json']).out);
  assert.equal(raw.claims.room, 'Team Standup');
  const decoded = JSON.parse(cli(['decode', minted.token, '--json']).out);
  assert.ok(decoded.permissions.some((p) => p.includes('"team standup"') && p.includes('team%20standup')),
    JSON.stringify(decoded.permissions));
  const rawDecoded = JSON.parse(cli(['decode', raw.token, '--json']).out);
  assert.ok(rawDecoded.findings.some((f) => f.code === 'room-unjoinable' && f.message.includes('team%20standup')));
});
