// The server a new gateway starts on: the last one the admin put a gateway on (remembered
// between sessions), else the only one connected; local only when neither says which.
import type { ServerView } from '../bindings/ServerView';

const KEY = 'textgate.lastServerId';

/** The admin put a gateway on `serverId` (picked it, or saved a gateway there). */
export function rememberServer(serverId: string | null) {
  if (!serverId) return;
  try {
    localStorage.setItem(KEY, serverId);
  } catch {
    // Not remembered: New falls back to the only server.
  }
}

export function defaultServer(list: readonly ServerView[]): string | null {
  let last: string | null = null;
  try {
    last = localStorage.getItem(KEY);
  } catch {
    last = null;
  }
  if (last && list.some((server) => server.id === last)) return last;
  return list.length === 1 ? list[0].id : null;
}
