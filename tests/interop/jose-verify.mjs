// SPDX-License-Identifier: MIT
// Verify a JWT with jose's jwtVerify, accepting exactly one algorithm.
// Usage: node jose-verify.mjs --token T (--spki-file F | --secret S) --alg RS256|HS256
//          [--issuer X] [--audience Y] [--expect-kid-prefix-sub]
// --expect-kid-prefix-sub: also require header.kid.split('/')[0] === payload.sub.
// Prints {"header": ..., "payload": ...}; on failure {"error": ...} and exit 1.
import { readFileSync } from 'node:fs';
import { jwtVerify, importSPKI } from 'jose';
import { main, parse, need, UsageError } from './_cli.mjs';

await main(async () => {
  const a = parse({
    token: { type: 'string' },
    'spki-file': { type: 'string' },
    secret: { type: 'string' },
    alg: { type: 'string' },
    issuer: { type: 'string' },
    audience: { type: 'string' },
    'expect-kid-prefix-sub': { type: 'boolean', default: false },
  });
  need(a, 'token', 'alg');

  let key;
  if (a.alg === 'RS256') {
    if (a['spki-file'] === undefined || a.secret !== undefined) throw new UsageError('RS256 needs --spki-file (and no --secret)');
    key = await importSPKI(readFileSync(a['spki-file'], 'utf8'), 'RS256');
  } else if (a.alg === 'HS256') {
    if (a.secret === undefined || a['spki-file'] !== undefined) throw new UsageError('HS256 needs --secret (and no --spki-file)');
    key = new TextEncoder().encode(a.secret);
  } else {
    throw new UsageError('--alg must be RS256 or HS256');
  }

  const options = { algorithms: [a.alg] };
  if (a.issuer !== undefined) options.issuer = a.issuer;
  if (a.audience !== undefined) options.audience = a.audience;
  const { protectedHeader: header, payload } = await jwtVerify(a.token, key, options);

  if (a['expect-kid-prefix-sub']) {
    if (typeof header.kid !== 'string') throw new Error('header has no kid');
    const prefix = header.kid.split('/')[0];
    if (prefix !== payload.sub) {
      throw new Error(`kid prefix ${JSON.stringify(prefix)} does not match sub ${JSON.stringify(payload.sub)}`);
    }
  }
  return { header, payload };
});
