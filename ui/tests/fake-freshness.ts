// The fake's side of the background check (browser tests only): what core's check_sync answers
// for the servers' state the tests set up (offline servers, edits made on a server behind the
// app's back, gateways deleted there), written only into the profiles' sync state and freshness.
import type { IpcError } from '../src/bindings/IpcError';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { ServerCheck } from '../src/bindings/ServerCheck';
import type { ServerView } from '../src/bindings/ServerView';

/** What the "servers" hold that this computer does not know yet. */
export interface ServerWorld {
  offline: Set<string>;
  serverEdits: Map<string, unknown>;
  goneOnServer: Set<string>;
}

/** Core's error for a server that cannot be reached. */
export function unreachable(baseUrl: string): IpcError {
  let host = baseUrl;
  try {
    host = new URL(baseUrl).host;
  } catch {
    // not a URL: say it as it is
  }
  return { code: 'unreachable', message: `Could not reach ${host}: check the address and your connection`, params: { host, detail: 'connection refused' }, field: null, fields: [] };
}

/** As core's check_sync: one profile (`id`) or every pushed one, server by server. */
export function checkSync(servers: Map<string, ServerView>, profiles: Map<string, ProfileView>, world: ServerWorld, id: string | null): ServerCheck[] {
  const pushed = [...profiles.values()].filter((p) => p.serverId !== null && p.remoteId !== null && (id === null || p.id === id));
  const checks: ServerCheck[] = [];
  for (const server of servers.values()) {
    const here = pushed.filter((p) => p.serverId === server.id);
    if (here.length === 0) continue;
    const check: ServerCheck = { serverId: server.id, serverName: server.name, checked: 0, changedOnServer: [], gone: [], failure: null };
    if (world.offline.has(server.id)) {
      const { code, message } = unreachable(server.baseUrl);
      check.failure = { code, message };
      for (const p of here) p.freshness = { ...p.freshness, checkFailure: 'unreachable' };
    } else {
      for (const p of here) {
        check.checked++;
        p.freshness = { checkedAt: Date.now(), checkFailure: null };
        if (world.goneOnServer.has(p.id)) {
          if (p.syncState !== 'gone') check.gone.push(p.name);
          p.syncState = 'gone';
        } else if (world.serverEdits.has(p.id) && (p.syncState === 'inSync' || p.syncState === 'changedHere')) {
          check.changedOnServer.push(p.name);
          p.syncState = p.syncState === 'inSync' ? 'changedOnServer' : 'conflict';
        }
      }
    }
    checks.push(check);
  }
  return checks;
}
