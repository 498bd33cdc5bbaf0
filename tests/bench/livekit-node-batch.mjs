// SPDX-License-Identifier: MIT
// Batch benchmark reference: what a QA engineer's script does today with the official SDK. Streams a CSV of
// participants (identity,name,room,preset,ttl), mints each with livekit-server-sdk's AccessToken, and streams a CSV
// with token, joinLink, expiresAt and a grants summary, the same work `tokendesk-cli batch` does.
// Usage: node livekit-node-batch.mjs --input in.csv --output out.csv
// Credentials: LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_URL. Prints {"rows","seconds","rowsPerSecond","peakRssBytes"}.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { input: { type: 'string' }, output: { type: 'string' } }, strict: true });
const pkgDir = new URL('../interop/node_modules/livekit-server-sdk/', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
const { AccessToken } = await import(new URL(pkg.exports['.'].import.default, pkgDir).href);

const KEY = process.env.LIVEKIT_API_KEY;
const SECRET = process.env.LIVEKIT_API_SECRET;
const URL_ = process.env.LIVEKIT_URL ?? '';

const presets = {
  viewer: { canPublish: false, canSubscribe: true, canPublishData: true },
  speaker: { canPublish: true, canSubscribe: true, canPublishData: true,
             canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] },
  moderator: { roomAdmin: true, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: true },
};

// RFC 4180 fields of one record; `line` may end inside quotes, then the caller appends the next line.
function parseRecord(text) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
const cell = (s) => {
  s = String(s);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function summary(g) {
  const parts = ['join'];
  if (g.roomAdmin) parts.push('admin');
  if (g.canPublish === false) parts.push('no publish');
  else parts.push(g.canPublishSources ? `publish ${g.canPublishSources.join('+')}` : 'publish');
  parts.push(g.canSubscribe === false ? 'no subscribe' : 'subscribe');
  return parts.join(', ');
}

const out = createWriteStream(values.output);
const write = async (s) => { if (!out.write(s)) await once(out, 'drain'); };
let peakRss = process.memoryUsage().rss;
const start = process.hrtime.bigint();
let header = null;
let pending = '';
let rows = 0;
for await (const line of createInterface({ input: createReadStream(values.input), crlfDelay: Infinity })) {
  const record = parseRecord(pending + line);
  if (record === null) { pending += line + '\n'; continue; }
  pending = '';
  if (!header) {
    header = record;
    await write([...header, 'token', 'joinLink', 'expiresAt', 'summary', 'error'].map(cell).join(',') + '\r\n');
    continue;
  }
  const row = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
  let token = '', link = '', expires = '', sum = '', error = '';
  try {
    const at = new AccessToken(KEY, SECRET, { identity: row.identity, name: row.name, ttl: row.ttl || '6h' });
    const grant = { roomJoin: true, room: row.room, ...(presets[row.preset] ?? {}) };
    at.addGrant(grant);
    token = await at.toJwt();
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).exp;
    expires = new Date(exp * 1000).toISOString().replace('.000Z', 'Z');
    link = URL_ ? `https://meet.livekit.io/custom?liveKitUrl=${encodeURIComponent(URL_)}&token=${token}` : '';
    sum = summary(grant);
  } catch (e) {
    error = String(e.message ?? e);
  }
  await write([...record, token, link, expires, sum, error].map(cell).join(',') + '\r\n');
  if (++rows % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
out.end();
await once(out, 'finish');
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(JSON.stringify({ rows, seconds, rowsPerSecond: rows / seconds, peakRssBytes: peakRss }));
