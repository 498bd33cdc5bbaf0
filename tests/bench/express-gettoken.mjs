// SPDX-License-Identifier: MIT
// The typical Express + livekit-server-sdk token endpoint, as the LiveKit docs and samples write it:
//   GET /getToken?room=&identity=&name=  ->  200, the JWT as text (res.send of a string).
// Used as the reference server by server-bench.sh.
// Usage: PORT=8081 LIVEKIT_API_KEY=... LIVEKIT_API_SECRET=... node tests/bench/express-gettoken.mjs
// Needs `npm ci` in ../interop (the only package.json); express and the SDK are loaded from there.
import { readFileSync } from 'node:fs';

// Load a package from tests/interop/node_modules by its ESM entry ("exports" import entry, else "main").
const modules = new URL('../interop/node_modules/', import.meta.url);
async function load(name) {
  const dir = new URL(`${name}/`, modules);
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  } catch {
    console.error(`express-gettoken: ${name} not installed: run \`npm ci\` in tests/interop`);
    process.exit(2);
  }
  const entry = pkg.exports?.['.']?.import?.default ?? pkg.main ?? 'index.js';
  return import(new URL(entry, dir).href);
}

const { default: express } = await load('express');
const { AccessToken } = await load('livekit-server-sdk');

const key = process.env.LIVEKIT_API_KEY;
const secret = process.env.LIVEKIT_API_SECRET;
const port = Number(process.env.PORT || 3000);
if (!key || !secret) {
  console.error('express-gettoken: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
  process.exit(2);
}

const app = express();

app.get('/getToken', async (req, res) => {
  const at = new AccessToken(key, secret, { identity: req.query.identity, name: req.query.name });
  at.addGrant({ roomJoin: true, room: req.query.room });
  res.send(await at.toJwt());
});

app.listen(port, '127.0.0.1', () => {
  console.error(`express-gettoken: serving on http://127.0.0.1:${port}`);
});
