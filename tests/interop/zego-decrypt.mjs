// SPDX-License-Identifier: MIT
// An independent ZEGOCLOUD Token04 / Kit Token decoder, written from the format description (spec sections 2.3,
// 2.4 and 2.8) with node:crypto only, so TokenDesk's minter is checked against code that shares nothing with it.
// Usage: node zego-decrypt.mjs --token T --secret S [--app-id N] [--now SECONDS]
// Prints {"layout", "expire", "plaintext", "claims", "privilege", "kit"?}; on failure {"error": ...} and exit 1.
//   plaintext: the decrypted JSON text exactly as the generator wrote it;
//   privilege: the payload read as room privileges {room_id, login, publish, stream_id_list}, or null;
//   kit: for a Kit Token, the '#' suffix {userID, roomID, userName (percent-decoded), userNameRaw, appID}.
import { createDecipheriv } from 'node:crypto';
import { main, parse, need } from './_cli.mjs';

const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function strictBase64(text, what) {
  if (!STD_BASE64.test(text)) throw new Error(`${what} is not standard base64 with padding`);
  return Buffer.from(text, 'base64');
}

// Reads the binary envelope with a bounds check before every field.
function envelope(buf) {
  if (buf.length < 12) throw new Error(`the binary part has ${buf.length} bytes, at least 12 are needed`);
  let at = 0;
  const take = (n, what) => {
    if (at + n > buf.length) throw new Error(`${what} runs past the end of the token`);
    const part = buf.subarray(at, at + n);
    at += n;
    return part;
  };
  const expire = take(8, 'expire').readBigInt64BE(0);
  const ivLen = take(2, 'the IV length').readUInt16BE(0);
  const iv = take(ivLen, 'the IV');
  const ctLen = take(2, 'the ciphertext length').readUInt16BE(0);
  const ct = take(ctLen, 'the ciphertext');
  const rest = buf.subarray(at);
  let layout;
  if (rest.length === 0) {
    layout = 'cbc';
    if (ivLen !== 16) throw new Error(`a CBC token needs a 16-byte IV, this one has ${ivLen}`);
    if (ctLen === 0 || ctLen % 16 !== 0) throw new Error(`CBC ciphertext of ${ctLen} bytes is not whole blocks`);
  } else if (rest.length === 1 && rest[0] === 1) {
    layout = 'gcm';
    if (ivLen !== 12) throw new Error(`a GCM token needs a 12-byte nonce, this one has ${ivLen}`);
    if (ctLen < 16) throw new Error('GCM ciphertext shorter than its 16-byte tag');
  } else {
    throw new Error(`${rest.length} unexpected bytes after the ciphertext`);
  }
  return { layout, expire: Number(expire), iv, ct };
}

function decrypt({ layout, iv, ct }, key) {
  try {
    if (layout === 'cbc') {
      const d = createDecipheriv('aes-256-cbc', key, iv); // PKCS#7 padding is checked by final()
      return Buffer.concat([d.update(ct), d.final()]);
    }
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
  } catch (e) {
    throw new Error(`decryption failed (${layout}): wrong secret or damaged token`);
  }
}

function checkClaims(claims, env, options) {
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw new Error('plaintext is not a JSON object');
  for (const [name, type] of [['app_id', 'number'], ['user_id', 'string'], ['nonce', 'number'], ['ctime', 'number'], ['expire', 'number']]) {
    if (typeof claims[name] !== type) throw new Error(`${name} must be a ${type}`);
  }
  if ('payload' in claims && typeof claims.payload !== 'string') throw new Error('payload must be a string');
  if (claims.expire !== env.expire) throw new Error(`clear expire ${env.expire} differs from the encrypted ${claims.expire}`);
  if (options.appId !== undefined && claims.app_id !== options.appId) {
    throw new Error(`app_id ${claims.app_id} is not the expected ${options.appId}`);
  }
  if (!(options.now < claims.expire)) throw new Error(`expired at ${claims.expire} (now ${options.now})`);
}

function privilegeOf(payload) {
  if (typeof payload !== 'string' || payload === '') return null;
  let p;
  try {
    p = JSON.parse(payload);
  } catch {
    return null; // free text
  }
  if (p === null || typeof p !== 'object' || !('room_id' in p || 'privilege' in p)) return null;
  const flag = (key) => {
    const v = p.privilege?.[key];
    if (v === undefined) return true;
    if (v !== 0 && v !== 1) throw new Error(`privilege "${key}" must be 0 or 1`);
    return v === 1;
  };
  const list = p.stream_id_list;
  if (!(list === undefined || list === null || (Array.isArray(list) && list.every((s) => typeof s === 'string')))) {
    throw new Error('stream_id_list must be an array of strings or null');
  }
  return { room_id: p.room_id ?? '', login: flag('1'), publish: flag('2'), stream_id_list: list ?? null };
}

// The UIKit's parser: atob (bytes as Latin-1 characters), JSON, decodeURIComponent of userName, appID * 1.
function kitSuffix(text) {
  const json = strictBase64(text, 'the Kit Token suffix').toString('latin1');
  const o = JSON.parse(json);
  for (const name of ['userID', 'roomID', 'userName']) {
    if (typeof o[name] !== 'string') throw new Error(`Kit Token ${name} must be a string`);
  }
  const appID = o.appID * 1;
  if (!Number.isFinite(appID)) throw new Error('Kit Token appID is not a number');
  return { userID: o.userID, roomID: o.roomID, userName: decodeURIComponent(o.userName), userNameRaw: o.userName, appID };
}

await main(async () => {
  const a = parse({
    token: { type: 'string' },
    secret: { type: 'string' },
    'app-id': { type: 'string' },
    now: { type: 'string' },
  });
  need(a, 'token', 'secret');
  const options = {
    appId: a['app-id'] === undefined ? undefined : Number(a['app-id']),
    now: a.now === undefined ? Math.floor(Date.now() / 1000) : Number(a.now),
  };
  const key = Buffer.from(a.secret, 'utf8');
  if (key.length !== 32) throw new Error(`the secret must be 32 bytes, it has ${key.length}`);

  const hash = a.token.indexOf('#');
  const token04 = hash < 0 ? a.token : a.token.slice(0, hash);
  if (!token04.startsWith('04')) throw new Error('a Token04 starts with "04"');
  const env = envelope(strictBase64(token04.slice(2), 'the token body'));
  const plaintext = decrypt(env, key).toString('utf8');
  const claims = JSON.parse(plaintext);
  checkClaims(claims, env, options);

  const out = { layout: env.layout, expire: env.expire, plaintext, claims, privilege: privilegeOf(claims.payload) };
  if (hash >= 0) {
    out.kit = kitSuffix(a.token.slice(hash + 1));
    if (out.kit.appID !== claims.app_id || out.kit.userID !== claims.user_id) {
      throw new Error('the Kit Token suffix names another app or user than its Token04');
    }
  }
  return out;
});
