// SPDX-License-Identifier: MIT
// Sign a JWT with jose's SignJWT, using the payload exactly as given.
// Usage: node jose-mint.mjs (--pkcs8-file F --kid KID | --secret S) --alg RS256|HS256
//          --payload JSON [--typ JWT]
// (--kid is also accepted with --secret.) Protected header: {alg, kid?, typ?}.
// Prints {"token": "..."}.
import { readFileSync } from 'node:fs';
import { SignJWT, importPKCS8 } from 'jose';
import { main, parse, need, parseObject, UsageError } from './_cli.mjs';

await main(async () => {
  const a = parse({
    'pkcs8-file': { type: 'string' },
    kid: { type: 'string' },
    secret: { type: 'string' },
    alg: { type: 'string' },
    payload: { type: 'string' },
    typ: { type: 'string' },
  });
  need(a, 'alg', 'payload');

  let key;
  if (a.alg === 'RS256') {
    if (a['pkcs8-file'] === undefined || a.secret !== undefined) throw new UsageError('RS256 needs --pkcs8-file (and no --secret)');
    key = await importPKCS8(readFileSync(a['pkcs8-file'], 'utf8'), 'RS256');
  } else if (a.alg === 'HS256') {
    if (a.secret === undefined || a['pkcs8-file'] !== undefined) throw new UsageError('HS256 needs --secret (and no --pkcs8-file)');
    key = new TextEncoder().encode(a.secret);
  } else {
    throw new UsageError('--alg must be RS256 or HS256');
  }

  const header = { alg: a.alg };
  if (a.kid !== undefined) header.kid = a.kid;
  if (a.typ !== undefined) header.typ = a.typ;
  const payload = parseObject('payload', a.payload);
  return { token: await new SignJWT(payload).setProtectedHeader(header).sign(key) };
});
