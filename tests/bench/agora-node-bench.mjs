// SPDX-License-Identifier: MIT
// Benchmark: mint Agora AccessToken2 RTC publisher tokens sequentially with agora-token's RtcTokenBuilder2, the same
// tokens tokendesk-cli bench --provider agora mints (channel bench-room, uid i+1, one hour).
// Usage: node agora-node-bench.mjs [--count N]   (default 20000)
// Needs `npm ci` in ../interop (the only package.json); the package is loaded from there.
// Prints {"impl","version","count","seconds","tokensPerSecond"}.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' } }, strict: true });
const count = Number(values.count);
if (!Number.isInteger(count) || count <= 0) {
  console.log(JSON.stringify({ error: '--count must be a positive integer' }));
  process.exit(2);
}
const require = createRequire(new URL('../interop/package.json', import.meta.url));
let agora;
let version;
try {
  agora = require('agora-token');
  version = JSON.parse(readFileSync(require.resolve('agora-token/package.json'), 'utf8')).version;
} catch {
  console.log(JSON.stringify({ error: 'agora-token not installed: run `npm ci` in tests/interop' }));
  process.exit(2);
}
const { RtcTokenBuilder, RtcRole } = agora;
const APP_ID = '0123456789abcdef0123456789abcdef';
const CERT = 'fedcba9876543210fedcba9876543210';
const mint = (i) => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'bench-room', i + 1, RtcRole.PUBLISHER, 3600, 3600);

for (let i = 0; i < Math.min(2000, Math.max(100, Math.floor(count / 10))); i++) mint(i);
let sink = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) sink += mint(i).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (sink === 0) throw new Error('no tokens minted');
console.log(JSON.stringify({ impl: 'agora-token', version, count, seconds: Number(seconds.toFixed(4)),
  tokensPerSecond: Math.round(count / seconds) }));
