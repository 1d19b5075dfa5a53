// The server and sync half of the fake backend (browser tests only): servers, flow schemas,
// push, pull and conflicts, answering with the generated payload types.
import { EMPTY_PROFILE_DRAFT } from '../src/bindings/profileFields';
import type { ConflictView } from '../src/bindings/ConflictView';
import type { FieldIssue } from '../src/bindings/FieldIssue';
import type { FlowSchema } from '../src/bindings/FlowSchema';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { KeepVersion } from '../src/bindings/KeepVersion';
import type { FieldChoice } from '../src/bindings/FieldChoice';
import type { ProfileField } from '../src/bindings/ProfileField';
import type { ConnectOutcome } from '../src/bindings/ConnectOutcome';
import type { GatewayPermissions } from '../src/bindings/GatewayPermissions';
import type { NewServer } from '../src/bindings/NewServer';
import type { ServerAuth } from '../src/bindings/ServerAuth';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { PullReport } from '../src/bindings/PullReport';
import type { ServerEdit } from '../src/bindings/ServerEdit';
import type { ServerView } from '../src/bindings/ServerView';
import type { SyncContent } from '../src/bindings/SyncContent';
import type { GatewayPull } from '../src/bindings/GatewayPull';
import type { RefreshOutcome } from '../src/bindings/RefreshOutcome';
import type { ServerGateway } from '../src/bindings/ServerGateway';
import type { ServerGateways } from '../src/bindings/ServerGateways';
import type { ServerCheck } from '../src/bindings/ServerCheck';
import type { FakeCommands } from './fake-ipc';
import { checkSync, unreachable } from './fake-freshness';
import { counted, editServer, refuseDuplicate } from './fake-server-edit';

// As core: the code, the English sentence and the data it is made of (IpcError.params).
const fail = (code: ErrorCode, message: string, params: IpcError['params'] = {}, field: IpcError['field'] = null): IpcError => ({
  code,
  message,
  params,
  field,
  fields: [],
});

/** Go's `template: join:1:2: …` as core's params: the template, the line and the 1-based column (go_position.rs). */
export function templatePosition(go: string): IpcError['params'] {
  const at = /template: ([^:\s]+):(\d+)(?::(\d+))?: /.exec(go);
  if (!at) return {};
  return { template: at[1], line: Number(at[2]), ...(at[3] !== undefined ? { column: Number(at[3]) + 1 } : {}) };
}

/** A refused pasted token as core says it (the credential names what to do next). */
const tokenRefused = (host: string, credential: 'token' | 'login' | 'password') =>
  fail('unauthorized', `${host} refused the access token (HTTP 401): log in again`, { host, status: 401, credential, detail: '' });

export const demoFlows: FlowSchema[] = [
  { id: 7, name: 'Support bot', type: 'chat' },
  { id: 9, name: 'Sales routing', type: 'default' },
];

export class FakeServers {
  servers = new Map<string, ServerView>();
  /** The template refusal core would answer a push with, by profile id (real Rust's words). */
  refusals = new Map<string, FieldIssue>();
  flows = new Map<string, FlowSchema[]>();
  /** Servers whose stored token the "server" refuses (401) until logged in again. */
  expired = new Set<string>();
  /** The gateways "on" each server (by server id), as core lists them (no link yet). */
  remote = new Map<string, Omit<ServerGateway, 'profile'>[]>();
  /** Gateway ids whose pull fails, with core's error for it. */
  pullFailures = new Map<number, { code: ErrorCode; message: string }>();
  /** What the server's side of a conflict has (over the local content); by default the name
   * edited there and the enabled state flipped. */
  remoteEdit: Partial<SyncContent> | null = null;
  /** Who the server says changed its side last (`null`: it does not say). */
  remoteChangedBy: string | null = 'Ann Admin';
  /** Servers that cannot be reached (a check marks their profiles "not checked: offline"). */
  offline = new Set<string>();
  /** Edits made on the server behind the app's back, by profile id (a check, push or refresh finds them). */
  serverEdits = new Map<string, Partial<Pick<ProfileView, 'name' | 'callback' | 'enabled'>>>();
  /** Gateways deleted on the server, by profile id. */
  goneOnServer = new Set<string>();
  #nextServer = 1;
  #nextRemote = 100;

  constructor(private profiles: Map<string, ProfileView>, private save: (draft: any) => { profile: ProfileView }) {}

  addDemo(
    name = 'Demo',
    flows = demoFlows,
    baseUrl = `https://${name.toLowerCase()}.example.com`,
    token: { tokenExpiresAt?: number | null; permissions?: GatewayPermissions | null } = {},
  ): ServerView {
    const id = `s${this.#nextServer++}`;
    // As core's plain_http_warning: plain http off this computer.
    const warning = /^http:\/\/(?!localhost|127\.|\[::1\])/.test(baseUrl)
      ? "Plain http: the access token, a login password and every gateway's app secret travel to this server unencrypted. Use https outside local testing."
      : null;
    const server: ServerView = {
      id, name, baseUrl, hasCustomCa: false, username: null, hasToken: true, warning,
      tokenExpiresAt: token.tokenExpiresAt ?? null, permissions: token.permissions ?? null, profiles: 0, pushed: 0,
    };
    this.servers.set(id, server);
    this.flows.set(id, flows);
    return server;
  }

  readonly commands = {
    listServers: () => [...this.servers.values()].map((server) => counted(server, this.profiles)),
    addServer: (form: NewServer): ConnectOutcome => {
      if (form.auth.kind === 'token' && form.auth.token === 'bad-token') throw tokenRefused(hostOf(form.baseUrl), 'token');
      if (form.auth.kind === 'login' && form.auth.password === 'wrong') throw tokenRefused(hostOf(form.baseUrl), 'password');
      if (!/^https?:\/\/[^/]+/.test(form.baseUrl))
        throw fail('invalid_server_url', `Server address is not valid: ${form.baseUrl}`, { detail: form.baseUrl });
      // A name no DNS knows, as reqwest says it (core: reason `dns`).
      if (hostOf(form.baseUrl).endsWith('.invalid')) {
        const host = hostOf(form.baseUrl);
        const detail = 'error sending request: client error (Connect): dns error: failed to lookup address information: Name or service not known';
        throw fail('unreachable', `Cannot reach ${host}: ${detail}`, { host, detail, reason: 'dns' }, null);
      }
      refuseDuplicate(this.servers.values(), form.baseUrl);
      const login = this.#login(form.auth, form.baseUrl);
      if (login) return login;
      const server = this.addDemo(form.name, [{ id: 21, name: `${form.name} chat flow`, type: 'chat' }], form.baseUrl, {
        tokenExpiresAt: Date.now() + 30 * DAY,
        permissions: { create: true, read: true, update: true, delete: true },
      });
      server.username = form.auth.kind === 'token' ? null : form.auth.username;
      return { kind: 'connected', server };
    },
    reconnectServer: (id: string, auth: ServerAuth): ConnectOutcome => {
      const server = this.servers.get(id);
      if (!server) throw fail('server_not_found', `No server named or with id ${id}`, { name: id });
      if (auth.kind === 'token' && auth.token === 'bad-token') throw tokenRefused(hostOf(server.baseUrl), 'token');
      const login = this.#login(auth, server.baseUrl);
      if (login) return login;
      this.expired.delete(id);
      Object.assign(server, { hasToken: true, tokenExpiresAt: Date.now() + 30 * DAY });
      if (auth.kind !== 'token') server.username = auth.username;
      return { kind: 'connected', server };
    },
    testServer: (id: string) => ({
      ok: true, code: 'ok', message: `Connected to ${this.servers.get(id)?.name} as Emulator admin`, user: 'Emulator admin',
      tokenExpiresAt: this.servers.get(id)?.tokenExpiresAt ?? null, permissions: this.servers.get(id)?.permissions ?? null,
    }),
    editServer: (id: string, edit: ServerEdit) => editServer(this.servers, this.profiles, id, edit),
    removeServer: (id: string) => {
      this.servers.delete(id);
      return null;
    },
    listFlowSchemas: (serverId: string | null) => (serverId ? (this.flows.get(serverId) ?? []) : [...this.flows.values()].flat()),
    refreshFlowSchemas: (serverId: string) => this.flows.get(serverId) ?? [],
    pushProfile: (id: string) => this.#push(id),
    pullServer: (serverId: string) => this.#pull(serverId),
    compareWithServer: (id: string) => this.#compare(id),
    resolveConflict: (id: string, keep: KeepVersion) => this.#resolve(id, keep),
    resolveConflictFields: (id: string, choices: FieldChoice[]) => this.#resolveFields(id, choices),
    serverGateways: (serverId: string) => this.#serverGateways(serverId),
    pullGateways: (serverId: string, remoteIds: number[]) => remoteIds.map((id) => this.#pullOne(serverId, id)),
    refreshProfile: (id: string): RefreshOutcome => {
      const view = this.#profile(id);
      if (view.remoteId === null || !view.serverId) throw fail('not_pushed', `\u201c${view.name}\u201d is not on its server yet: push it first`, { profile: view.name });
      if (this.offline.has(view.serverId)) throw this.#unreachable(view.serverId);
      view.freshness = { checkedAt: Date.now(), checkFailure: null };
      if (this.goneOnServer.has(id)) {
        view.syncState = 'gone';
        return 'missing';
      }
      const edits = this.serverEdits.get(id);
      if (edits) {
        // As core's pull rule: taken unless it changed here too.
        if (view.syncState === 'changedHere' || view.syncState === 'conflict') {
          view.syncState = 'conflict';
          return 'conflict';
        }
        Object.assign(view, edits, { syncState: 'inSync' });
        this.serverEdits.delete(id);
        return 'updated';
      }
      const listed = this.remote.get(view.serverId);
      return !listed || listed.some((g) => g.id === view.remoteId) ? 'unchanged' : 'missing';
    },
    checkSync: (id: string | null): ServerCheck[] => this.#check(id),
  } satisfies Partial<FakeCommands>;

  #unreachable(serverId: string): IpcError {
    return unreachable(this.servers.get(serverId)?.baseUrl ?? '');
  }

  #check(id: string | null): ServerCheck[] {
    return checkSync(this.servers, this.profiles, this, id);
  }

  /** As the emulator's two-factor user `ann` (code 123456): the login asks for the code first. */
  #login(auth: ServerAuth, baseUrl: string): ConnectOutcome | null {
    if (auth.kind === 'login' && auth.username === 'ann') return { kind: 'codeRequired', session: 'fake-2fa-session' };
    if (auth.kind === 'twoFactor' && (auth.session !== 'fake-2fa-session' || auth.code !== '123456'))
      throw fail('two_factor_invalid', `${hostOf(baseUrl)} refused the two-factor code: check the code in your authenticator app and try again`, { host: hostOf(baseUrl) });
    return null;
  }

  /** What a token the server refuses gets (HTTP 401). */
  #refuseExpired(serverId: string | null) {
    if (serverId && this.expired.has(serverId)) {
      const server = this.servers.get(serverId);
      throw tokenRefused(hostOf(server?.baseUrl ?? ''), server?.username ? 'login' : 'token');
    }
  }

  /** As core's gateways_on_server: each custom gateway linked to the profile that tracks it. */
  #serverGateways(serverId: string): ServerGateways {
    const server = this.servers.get(serverId);
    if (!server) throw fail('server_not_found', `No server \u201c${serverId}\u201d`, { server: serverId });
    const here = [...this.profiles.values()].filter((p) => p.serverId === serverId && p.remoteId !== null);
    const remote = this.remote.get(serverId) ?? [];
    const gateways = remote.map((g) => {
      const linked = g.custom ? here.find((p) => p.remoteId === g.id) : undefined;
      return { ...g, profile: linked ? { id: linked.id, name: linked.name } : null };
    });
    const missing = here
      .filter((p) => !remote.some((g) => g.id === p.remoteId))
      .map((p) => ({ profileId: p.id, name: p.name, uri: p.uri, remoteId: p.remoteId! }));
    return { serverId, serverName: server.name, gateways, missing };
  }

  #pullOne(serverId: string, remoteId: number): GatewayPull {
    const gateway = (this.remote.get(serverId) ?? []).find((g) => g.id === remoteId);
    const result = (outcome: GatewayPull['outcome'], profileId: string | null = null, error: GatewayPull['error'] = null): GatewayPull =>
      ({ remoteId, name: gateway?.name ?? null, profileId, outcome, error });
    if (!gateway) return result('missing');
    if (!gateway.custom) return result('notCustom');
    const failure = this.pullFailures.get(remoteId);
    if (failure) return result('failed', null, failure);
    const linked = [...this.profiles.values()].find((p) => p.serverId === serverId && p.remoteId === remoteId);
    if (linked) return result('unchanged', linked.id);
    const { profile } = this.save({
      ...structuredClone(EMPTY_PROFILE_DRAFT),
      name: gateway.name,
      uri: gateway.uri,
      callback: 'https://pulled.example.com/hook',
      secret: 'PulledSecretPulledSecret00000000',
      flow: gateway.flow,
      enabled: gateway.enabled,
      serverId,
    });
    Object.assign(profile, { remoteId, syncState: 'inSync', uriEditable: false, serverName: this.servers.get(serverId)?.name ?? null });
    this.profiles.set(profile.id, profile);
    return result('created', profile.id);
  }

  #profile(id: string): ProfileView {
    const view = this.profiles.get(id);
    if (!view) throw fail('not_found', `No gateway profile with id ${id}`, { id });
    return view;
  }

  #push(id: string) {
    const view = this.#profile(id);
    this.#refuseExpired(view.serverId);
    if (!view.serverId) throw fail('no_server', `\u201c${view.name}\u201d has no server: pick one before pushing`, { profile: view.name });
    if (view.serverId && this.offline.has(view.serverId)) throw this.#unreachable(view.serverId);
    // As core: the server's newer version is noted (the badge says so) and the push refused.
    if (this.serverEdits.has(id)) view.freshness = { checkedAt: Date.now(), checkFailure: null };
    if (this.serverEdits.has(id) && view.syncState !== 'conflict') {
      if (view.syncState === 'changedHere') view.syncState = 'conflict';
      else {
        view.syncState = 'changedOnServer';
        throw fail('remote_changed', `\u201c${view.name}\u201d was changed on the server since the last sync: pull it first`, { profile: view.name });
      }
    }
    if (view.syncState === 'conflict')
      throw fail('conflict', `Both this computer and the server changed \u201c${view.name}\u201d since the last sync: compare the two versions and keep one`, { profile: view.name });
    const refusal = this.refusals.get(id);
    if (refusal) {
      const go = refusal.message;
      throw { code: 'template_invalid', message: go, params: { go, ...templatePosition(go) }, field: refusal.field, fields: [refusal] } satisfies IpcError;
    }
    if (!view.callback.startsWith('https://'))
      throw fail('server_error', 'custom: webhook required', { status: 400, id: 'chat.bot.custom.webhook.invalid', detail: 'custom: webhook required' }, 'callback');
    const created = view.remoteId === null;
    view.remoteId ??= this.#nextRemote++;
    view.syncState = 'inSync';
    view.freshness = { checkedAt: Date.now(), checkFailure: null };
    view.uriEditable = false;
    view.serverName = this.servers.get(view.serverId)?.name ?? null;
    return created ? 'created' : 'updated';
  }

  #pull(serverId: string): PullReport {
    const { profile } = this.save({
      ...structuredClone(EMPTY_PROFILE_DRAFT),
      name: 'Pulled gateway',
      uri: '/pulledgatewayaaaaaaaaaaaaaaaaaaa',
      callback: 'https://pulled.example.com/hook',
      secret: 'PulledSecretPulledSecret00000000',
      flow: demoFlows[0],
      enabled: true,
      serverId,
    });
    Object.assign(profile, { remoteId: this.#nextRemote++, syncState: 'inSync', uriEditable: false });
    this.profiles.set(profile.id, profile);
    return { created: ['Pulled gateway'], updated: [], unchanged: [], conflicts: [], missing: [] };
  }

  #content(view: ProfileView): SyncContent {
    return { name: view.name, uri: view.uri, callback: view.callback, flow: view.flow, enabled: view.enabled, templates: view.templates };
  }

  #compare(id: string): ConflictView {
    const local = this.#content(this.#profile(id));
    const remote: SyncContent = { ...local, ...(this.remoteEdit ?? { name: `${local.name} (edited on server)`, enabled: !local.enabled }) };
    // As core's conflict_merge::differing (flows by id).
    const same: Record<Exclude<ProfileField, 'secret' | 'server' | 'notes'>, (c: SyncContent) => unknown> = {
      name: (c) => c.name, uri: (c) => c.uri, callback: (c) => c.callback, flow: (c) => c.flow?.id ?? null, enabled: (c) => c.enabled,
      templateTitle: (c) => c.templates.title, templateClose: (c) => c.templates.close, templateJoin: (c) => c.templates.join,
      templateLeft: (c) => c.templates.left, templateFilePolicyFail: (c) => c.templates.filePolicyFail,
    };
    const differing = (Object.keys(same) as (keyof typeof same)[]).filter((field) => same[field](local) !== same[field](remote));
    return { local, remote, secretsDiffer: false, differing, remoteUpdatedAt: Date.UTC(2026, 10, 30, 9, 15), remoteUpdatedBy: this.remoteChangedBy };
  }

  /** As core's resolve_fields: every differing field needs a side; the taken ones become local. */
  #resolveFields(id: string, choices: FieldChoice[]): ProfileView {
    const view = this.#profile(id);
    const compared = this.#compare(id);
    const missing = compared.differing.filter((field) => !choices.some((c) => c.field === field));
    if (missing.length > 0) throw fail('conflict_choice', `Choose a version for every field that differs: ${missing.join(', ')} (keep local or take the server's)`);
    for (const { field, keep } of choices) {
      if (keep !== 'remote') continue;
      const template = { templateTitle: 'title', templateClose: 'close', templateJoin: 'join', templateLeft: 'left', templateFilePolicyFail: 'filePolicyFail' } as const;
      if (field in template) view.templates = { ...view.templates, [template[field as keyof typeof template]]: compared.remote.templates[template[field as keyof typeof template]] };
      else if (field === 'name' || field === 'uri' || field === 'callback') view[field] = compared.remote[field];
      else if (field === 'flow') view.flow = compared.remote.flow;
      else if (field === 'enabled') view.enabled = compared.remote.enabled;
    }
    view.syncState = 'inSync';
    this.remoteEdit = null;
    return structuredClone(view);
  }

  #resolve(id: string, keep: 'local' | 'remote'): ProfileView {
    const view = this.#profile(id);
    if (keep === 'remote') Object.assign(view, this.#compare(id).remote);
    view.syncState = 'inSync';
    this.serverEdits.delete(id);
    return structuredClone(view);
  }
}

const DAY = 24 * 3_600_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
