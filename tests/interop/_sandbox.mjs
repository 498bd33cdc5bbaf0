// SPDX-License-Identifier: MIT
// The environment tokendesk-cli runs with in the interop tests: the same cleaning as tests/support/Cli.h.
// From this process's environment, every LIVEKIT_*, ZEGO_*, JAAS_*, JITSI_*, STREAM_*, TWILIO_*, HMS_*, AGORA_*, VONAGE_*, OPENTOK_* and TOKENDESK_* variable and
// DBUS_SESSION_BUS_ADDRESS are removed; HOME and the XDG directories point into a temporary directory (removed at
// exit); profiles and secrets go to an encrypted vault in its cfg/. Tests add their credentials on top.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function sandboxEnv() {
  const dir = mkdtempSync(join(tmpdir(), 'tokendesk-cli-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const home = join(dir, 'home');
  mkdirSync(home);
  const env = Object.fromEntries(Object.entries(process.env).filter(
    ([k]) => !/^(LIVEKIT|ZEGO|JAAS|JITSI|STREAM|TWILIO|HMS|AGORA|VONAGE|OPENTOK|TOKENDESK)_/.test(k) && k !== 'DBUS_SESSION_BUS_ADDRESS'));
  return Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    TOKENDESK_CONFIG_DIR: join(dir, 'cfg'),
    TOKENDESK_SECRET_STORE: 'vault',
    TOKENDESK_VAULT_PASSPHRASE: 'vault pass',
  });
}
