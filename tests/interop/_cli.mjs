// SPDX-License-Identifier: MIT
// Tiny shared helpers for the interop scripts: argument parsing and JSON output.
// Exit codes: 0 success, 1 operation failed (e.g. verification), 2 usage error.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export function parse(options) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(e.message);
  }
}

export function need(values, ...names) {
  for (const n of names) {
    if (values[n] === undefined) throw new UsageError(`missing required option --${n}`);
  }
}

export function parseJson(name, text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--${name}: invalid JSON: ${e.message}`);
  }
}

export function parseObject(name, text) {
  const v = parseJson(name, text);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new UsageError(`--${name}: expected a JSON object`);
  }
  return v;
}

function print(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

export async function main(fn) {
  try {
    print(await fn());
    process.exitCode = 0;
  } catch (e) {
    const out = { error: String(e?.message ?? e) };
    if (typeof e?.code === 'string') out.code = e.code;
    print(out);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}
