// "Edit server" and "one address is one server" for the fake backend (browser tests only), as
// core does them: the same codes, English sentences and params, so the UI is tested on what
// Rust sends. A token named `bad-token` is refused as the emulator refuses a wrong one.
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { ServerEdit } from '../src/bindings/ServerEdit';
import type { ServerView } from '../src/bindings/ServerView';

const fail = (code: ErrorCode, message: string, params: IpcError['params'] = {}): IpcError => ({
  code, message, params, field: null, fields: [],
});

/** As core's address_key: scheme, host (lower case), port without the default, path without trailing slashes. */
export function addressKey(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** Refuses `baseUrl` when a server other than `except` has that address (core's duplicate_server). */
export function refuseDuplicate(servers: Iterable<ServerView>, baseUrl: string, except?: string) {
  const key = addressKey(baseUrl);
  for (const other of servers) {
    if (key && other.id !== except && addressKey(other.baseUrl) === key)
      throw fail('duplicate_server', `${other.name} already uses ${other.baseUrl}; edit it instead`, { name: other.name, baseUrl: other.baseUrl });
  }
}

/** The server with how many profiles are on it and how many were pushed, as core lists it. */
export function counted(server: ServerView, profiles: Map<string, ProfileView>): ServerView {
  const on = [...profiles.values()].filter((p) => p.serverId === server.id);
  return { ...server, profiles: on.length, pushed: on.filter((p) => p.remoteId !== null).length };
}

/** As core's servers().edit: everything checked, then stored, or nothing. */
export function editServer(servers: Map<string, ServerView>, profiles: Map<string, ProfileView>, id: string, edit: ServerEdit): ServerView {
  const server = servers.get(id);
  if (!server) throw fail('server_not_found', `No server named or with id ${id}`, { name: id });
  const next = { ...server };
  if (edit.name !== null) {
    next.name = edit.name.trim();
    const taken = [...servers.values()].find((other) => other.id !== id && other.name.toLowerCase() === next.name.toLowerCase());
    if (taken) throw fail('server_exists', `A server named ${next.name} already exists`, { name: next.name });
  }
  if (edit.baseUrl !== null && addressKey(edit.baseUrl) !== addressKey(server.baseUrl)) {
    const pushed = counted(server, profiles).pushed;
    if (pushed > 0)
      throw fail('server_url_locked', `${server.name}'s address cannot change: ${pushed} of its gateways were pushed to ${server.baseUrl}. Add the new address as another server instead`,
        { name: server.name, baseUrl: server.baseUrl, count: pushed });
    refuseDuplicate(servers.values(), edit.baseUrl, id);
    next.baseUrl = edit.baseUrl.trim().replace(/\/+$/, '');
  }
  if (edit.token === 'bad-token') {
    const host = new URL(next.baseUrl).host;
    throw fail('unauthorized', `${host} refused the access token (HTTP 401): log in again`, { host, status: 401 });
  }
  if (edit.token !== null) Object.assign(next, { hasToken: true, tokenExpiresAt: Date.now() + 30 * 24 * 3_600_000 });
  if (edit.ca.kind === 'replace') {
    if (!edit.ca.pem.includes('-----BEGIN CERTIFICATE-----'))
      throw fail('invalid_certificate', 'The CA certificate is not valid PEM: no certificate found', { detail: 'no certificate found' });
    next.hasCustomCa = true;
  }
  if (edit.ca.kind === 'remove') next.hasCustomCa = false;
  servers.set(id, next);
  // Core names a profile's server when it is read: renamed at once everywhere.
  for (const profile of profiles.values()) if (profile.serverId === id) profile.serverName = next.name;
  return counted(next, profiles);
}
