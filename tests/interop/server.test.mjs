// SPDX-License-Identifier: MIT
// The token server as frontends and browsers see it: tokens served by `tokendesk-cli serve` verified with
// livekit-server-sdk and jose, and a headless Chromium fetching cross-origin from an allowed and a refused origin.
// Run: TOKENDESK_CLI=... TOKENDESK_TEST_DATA=... node --test server.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { jwtVerify } from 'jose';
import { sandboxEnv } from './_sandbox.mjs';

const CLI = process.env.TOKENDESK_CLI;
const DATA = process.env.TOKENDESK_TEST_DATA;
assert.ok(CLI && DATA, 'set TOKENDESK_CLI and TOKENDESK_TEST_DATA');
const cliEnv = sandboxEnv();
const KEY = 'APIserve';
const SECRET = 'serve-secret-0123456789abcdef0123456789';
const JAAS_APP = 'vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe';
const publicKey = createPublicKey(readFileSync(`${DATA}/pem/rsa2048-spki.pem`, 'utf8'));

const work = mkdtempSync(join(tmpdir(), 'tokendesk-serve-'));
let server;
let base;
let serverErr = '';
let serverConfig;
const pages = [];

function staticPage(html) {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(html);
    });
    s.listen(0, '127.0.0.1', () => { pages.push(s); resolve(`http://127.0.0.1:${s.address().port}`); });
  });
}

let allowedOrigin;
let refusedOrigin;
const pageHtml = (tokenUrl) => `<!doctype html><html><body><pre id="out">PENDING</pre><script>
fetch(${JSON.stringify(tokenUrl)}).then(r => r.text().then(t => 'RESULT:' + r.status + ':' + t))
  .catch(e => 'RESULT:BLOCKED:' + e.name).then(s => { document.getElementById('out').textContent = s; });
</script></body></html>`;

before(async () => {
  // The pages' origins must be known before the server's allow-list is written.
  const placeholder = await staticPage('');
  allowedOrigin = placeholder;
  refusedOrigin = await staticPage('');
  const config = {
    bind: '127.0.0.1', port: 0,
    allowedOrigins: [allowedOrigin],
    endpoints: [
      { path: '/getToken', type: 'livekit-get', credentials: 'env', policy: { room: 'demo-[a-z0-9]+', maxTtl: '1h' } },
      { path: '/api/connection-details', type: 'livekit-standard', credentials: 'env' },
      { path: '/api/jitsi-token', type: 'jitsi-get', credentials: 'env', policy: { allowModerator: true, features: { recording: false } } },
      { path: '/zego', type: 'zego-get', credentials: 'env' },
      { path: '/healthz', type: 'healthz' },
    ],
  };
  serverConfig = config;
  writeFileSync(join(work, 'server.json'), JSON.stringify(config));
  const env = Object.assign({ ...cliEnv }, {
    LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET, LIVEKIT_URL: 'wss://demo.livekit.cloud',
    ZEGO_APP_ID: '1234567890', ZEGO_SERVER_SECRET: '0123456789abcdef0123456789abcdef',
    JAAS_APP_ID: JAAS_APP, JAAS_KEY_ID: 'k1', JAAS_PRIVATE_KEY: readFileSync(`${DATA}/pem/rsa2048-pkcs8.pem`, 'utf8'),
  });
  server = spawn(CLI, ['serve', '--config', join(work, 'server.json')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      serverErr += d;
      const m = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  // Now give each page its content (they fetch from the server whose address we only know now).
  pages[0].removeAllListeners('request');
  pages[0].on('request', (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(pageHtml(`${base}/getToken?room=demo-1&identity=browser`)); });
  pages[1].removeAllListeners('request');
  pages[1].on('request', (req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(pageHtml(`${base}/getToken?room=demo-1&identity=browser`)); });
});

after(() => {
  server?.kill('SIGTERM');
  for (const p of pages) p.close();
  rmSync(work, { recursive: true, force: true });
});

test('livekit-get tokens verify with livekit-server-sdk', async () => {
  const r = await fetch(`${base}/getToken?room=demo-1&identity=ann&name=Ann`);
  assert.equal(r.status, 200);
  const claims = await new TokenVerifier(KEY, SECRET).verify(await r.text());
  assert.equal(claims.sub, 'ann');
  assert.equal(claims.video.room, 'demo-1');
  assert.equal(claims.video.roomJoin, true);
  const refused = await fetch(`${base}/getToken?room=other&identity=ann`);
  assert.equal(refused.status, 403);
  assert.ok((await refused.json()).error.includes('not allowed'));
});

test('livekit-standard answers 201 {server_url, participant_token}', async () => {
  const r = await fetch(`${base}/api/connection-details`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ room_name: 'r1', participant_identity: 'p1', participant_name: 'P', participant_attributes: { a: 'b' } }),
  });
  assert.equal(r.status, 201);
  const body = await r.json();
  assert.equal(body.server_url, 'wss://demo.livekit.cloud');
  const claims = await new TokenVerifier(KEY, SECRET).verify(body.participant_token);
  assert.deepEqual(claims.attributes, { a: 'b' });
});

test('jitsi-get JaaS tokens verify with jose', async () => {
  const r = await fetch(`${base}/api/jitsi-token?room=standup&user_id=u1&user_name=Ann&user_moderator=true`);
  assert.equal(r.status, 200);
  const { token } = await r.json();
  const { payload, protectedHeader } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], issuer: 'chat', audience: 'jitsi' });
  assert.equal(protectedHeader.kid, `${JAAS_APP}/k1`);
  assert.equal(payload.context.user.moderator, 'true');
  assert.equal(payload.context.features.recording, 'false');
});

test('zego-get tokens decrypt with the ServerSecret', async () => {
  const r = await fetch(`${base}/zego?userID=u1&roomID=r1&userName=Ann`);
  const { token, kitToken } = await r.json();
  assert.ok(kitToken.startsWith(`${token}#`));
  const v = spawnSync(CLI, ['verify', token, '--app-id', '1234567890', '--server-secret', '0123456789abcdef0123456789abcdef', '--json'], { env: cliEnv, encoding: 'utf8' });
  assert.equal(v.status, 0, v.stdout);
  assert.equal(JSON.parse(v.stdout).claims.user_id, 'u1');
});

// The binary itself: Debian's /usr/bin/chromium wrapper script trips over this machine's memory size.
test('SIGHUP reloads the config without dropping the listener; a broken config is refused', async () => {
  const waitFor = async (pred) => {
    for (let i = 0; i < 50 && !(await pred()); i++) await new Promise((r) => setTimeout(r, 100));
    return pred();
  };
  const extra = { ...serverConfig, endpoints: [...serverConfig.endpoints, { path: '/healthz2', type: 'healthz' }] };
  writeFileSync(join(work, 'server.json'), JSON.stringify(extra));
  server.kill('SIGHUP');
  assert.ok(await waitFor(async () => (await fetch(`${base}/healthz2`)).status === 200));
  writeFileSync(join(work, 'server.json'), '{"endpoints": [{"path": "/x", "type": "teams"}]}');
  server.kill('SIGHUP');
  assert.ok(await waitFor(async () => serverErr.includes('reload failed')));
  assert.ok(serverErr.includes('endpoints[0].type'));
  assert.equal((await fetch(`${base}/healthz2`)).status, 200);
});

const chromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browserSkip = chromium ? false
  : (process.env.TOKENDESK_REQUIRE_BROWSER ? false : 'Debian chromium is not installed (the test command installs it)');

// Asynchronous on purpose: the pages are served by this very process, which must keep running meanwhile.
async function loadInBrowser(url) {
  const profile = mkdtempSync(join(tmpdir(), 'tokendesk-chromium-'));
  const r = await run(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
    '--virtual-time-budget=10000', '--dump-dom', url]);
  rmSync(profile, { recursive: true, force: true });
  const m = /RESULT:[^<]*/.exec(r.stdout ?? '');
  return m ? m[0] : `NO RESULT (${r.status}) ${(r.stdout ?? '').slice(0, 300)}`;
}

function run(program, args) {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

test('a real browser: the allowed origin gets a token, the refused one is blocked', { skip: browserSkip }, async () => {
  assert.ok(chromium, 'chromium is required (TOKENDESK_REQUIRE_BROWSER is set)');
  const allowed = await loadInBrowser(allowedOrigin);
  assert.match(allowed, /^RESULT:200:eyJ/);
  const refused = await loadInBrowser(refusedOrigin);
  assert.equal(refused, 'RESULT:BLOCKED:TypeError');
});
