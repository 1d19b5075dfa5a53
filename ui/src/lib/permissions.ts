// What a server's token may not do with gateways (from its userinfo, see ServerView.permissions):
// the editor disables Push and "delete on the server too" with the reason instead of letting
// the server refuse. Unknown permissions (null) hold nothing back.
import { servers } from './servers.svelte';
import { m } from '../paraglide/messages.js';

export type ServerAction = 'create' | 'update' | 'delete';

/** Why the token on `serverId` may not do `action` (translated), or null when it may. */
export function serverPermissionBlock(serverId: string | null, action: ServerAction): string | null {
  const server = servers.list.find((candidate) => candidate.id === serverId);
  if (!server?.permissions || server.permissions[action]) return null;
  const values = { server: server.name };
  switch (action) {
    case 'create': return m.permission_blocked_create(values);
    case 'update': return m.permission_blocked_update(values);
    case 'delete': return m.permission_blocked_delete(values);
  }
}
