// SPDX-License-Identifier: MIT
// Benchmark: mint LiveKit access tokens sequentially with livekit-server-sdk's AccessToken.
// Usage: node livekit-node-bench.mjs [--count N]   (default 20000)
// Needs `npm ci` in ../interop (the only package.json); the SDK is loaded from there.
// Prints {"impl","version","count","seconds","tokensPerSecond","peakRssBytes"}.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' } }, strict: true });
const count = Number(values.count);
if (!Number.isInteger(count) || count <= 0) {
  console.log(JSON.stringify({ error: '--count must be a positive integer' }));
  process.exit(2);
}

// Resolve the SDK from tests/interop/node_modules via its own package.json ("exports" import entry).
const pkgDir = new URL('../interop/node_modules/livekit-server-sdk/', import.meta.url);
let pkg;
try {
  pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
} catch {
  console.log(JSON.stringify({ error: 'livekit-server-sdk not installed: run `npm ci` in tests/interop' }));
  process.exit(2);
}
const { AccessToken } = await import(new URL(pkg.exports['.'].import.default, pkgDir).href);

const KEY = 'bench-key';
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const grant = { roomJoin: true, room: 'bench-room', canPublish: true, canSubscribe: true };

async function mint(i) {
  const at = new AccessToken(KEY, SECRET, { identity: `user-${i}`, name: `User ${i}`, ttl: '6h' });
  at.addGrant(grant);
  return at.toJwt();
}

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};

const warmup = Math.min(2000, Math.max(100, Math.floor(count / 10)));
for (let i = 0; i < warmup; i++) await mint(i);
sampleRss();

let sink = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  sink += (await mint(i)).length;
  if ((i & 255) === 0) sampleRss();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
sampleRss();
if (sink === 0) throw new Error('no tokens minted');

console.log(JSON.stringify({
  impl: 'livekit-server-sdk',
  version: pkg.version,
  count,
  seconds: Number(seconds.toFixed(4)),
  tokensPerSecond: Math.round(count / seconds),
  peakRssBytes: peakRss,
}));
