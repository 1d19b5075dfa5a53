// An in-memory stand-in for the Rust commands, used only by the browser tests. It answers with
// the generated payload types; its few validation rules exist to drive the UI's error display,
// the real rules are tested in Rust.
import { FakeAbout, type AboutOptions } from './fake-about';
import { FakeBulk } from './fake-bulk';
import { FakeHarness } from './fake-harness';
import { FakeScenarios } from './fake-scenarios';
import { dispatch, type FakeCommands } from './fake-ipc';
import { FakeServers } from './fake-servers';
import { FakeSettings } from './fake-settings';
import { FakeTransfer } from './fake-transfer';
import type { AppStatus } from '../src/bindings/AppStatus';
import type { FieldIssue } from '../src/bindings/FieldIssue';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { Issue } from '../src/bindings/Issue';
import type { ProfileDraft } from '../src/bindings/ProfileDraft';
import type { ProfileSummary } from '../src/bindings/ProfileSummary';
import type { ProfileView } from '../src/bindings/ProfileView';
import { EMPTY_PROFILE_DRAFT } from '../src/bindings/profileFields';
import type { SaveOutcome } from '../src/bindings/SaveOutcome';
import type { SampleAccount } from '../src/bindings/SampleAccount';
import type { TemplatePreview } from '../src/bindings/TemplatePreview';
import type { Templates } from '../src/bindings/Templates';

export interface FakeOptions {
  keychainError?: string | null;
  storageError?: string | null;
  logFolder?: AboutOptions['logFolder'];
  longPaths?: boolean;
}

const letters = (alphabet: string, n: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => alphabet[b % alphabet.length]).join('');

export class FakeBackend {
  calls: { cmd: string; args: unknown }[] = [];
  profiles = new Map<string, ProfileView>();
  servers: FakeServers;
  harness: FakeHarness;
  settings = new FakeSettings();
  about: FakeAbout;
  transfer: FakeTransfer;
  /** Every command, each part's own (typed by the generated `Commands`). */
  readonly commands: FakeCommands;
  /** What the next save/open dialog answers: the path the "admin" picks (null: cancelled). A
   * test sets it before clicking, e.g. `fakeBackend.dialogPath = '/tmp/history.har'`. */
  dialogPath: string | null = null;
  #nextId = 1;

  constructor(private options: FakeOptions = {}) {
    this.servers = new FakeServers(this.profiles, (draft) => this.#save(draft));
    this.harness = new FakeHarness(this.profiles);
    this.about = new FakeAbout(options);
    const bulk = new FakeBulk(this.profiles, () => this.commands);
    this.transfer = new FakeTransfer(this.profiles, () => `p${this.#nextId++}`);
    const scenarios = new FakeScenarios(this.profiles, () => this.commands);
    this.commands = {
      ...this.#profileCommands, ...this.servers.commands, ...this.settings.commands, ...this.harness.commands, ...this.about.commands, ...bulk.commands, ...scenarios.commands,
      ...this.transfer.commands,
    };
  }

  /** What `invoke(cmd, args)` answers (tests/harness.ts routes mockIPC here). */
  handle(cmd: string, args: Record<string, unknown>): unknown {
    this.calls.push({ cmd, args: structuredClone(args) });
    if (cmd === 'plugin:clipboard-manager|write_text') return null;
    if (cmd === 'plugin:dialog|save' || cmd === 'plugin:dialog|open') return this.dialogPath;
    const routed = dispatch(this.commands, cmd, args);
    if (!routed) throw fail('unexpected', `The fake backend has no command ${cmd}`);
    return routed.answer;
  }

  readonly #profileCommands = {
    appStatus: (): AppStatus => ({
      dataDir: '/tmp/textgate',
      storageError: this.options.storageError ? fail('storage', this.options.storageError) : null,
      keychainError: this.options.keychainError ?? null,
    }),
    listProfiles: () => [...this.profiles.values()].sort((a, b) => a.name.localeCompare(b.name)).map(summary),
    getProfile: (id: string) => this.#get(id),
    checkProfile: (draft: ProfileDraft) => this.#checkWithTemplates(draft),
    saveProfile: (draft: ProfileDraft) => this.#saveWithTemplates(draft),
    previewTemplates: (templates: Templates, sample: SampleAccount) => viaRust<TemplatePreview[]>({ kind: 'preview', templates, sample }),
    defaultSampleAccount: () => viaRust<SampleAccount>({ kind: 'defaultSample' }),
    deleteProfile: (id: string) => {
      this.#get(id);
      this.profiles.delete(id);
      return null;
    },
    setProfileEnabled: (id: string, enabled: boolean) => {
      const view = this.#get(id);
      if (enabled && !view.flow) throw fail('flow_required', 'Pick a flow schema before enabling the gateway');
      view.enabled = enabled;
      this.profiles.set(view.id, view);
      return structuredClone(view);
    },
    duplicateProfile: (id: string) => {
      const view = this.#get(id);
      return this.#save({ ...view, id: undefined, name: `${view.name} (copy)`, uri: this.generateUri(), secret: this.generateSecret(), enabled: false });
    },
    newProfileDraft: (): ProfileDraft => ({ ...structuredClone(EMPTY_PROFILE_DRAFT), uri: this.generateUri(), secret: this.generateSecret() }),
    generateUri: () => this.generateUri(),
    generateSecret: () => this.generateSecret(),
  } satisfies Partial<FakeCommands>;

  generateUri() {
    return '/' + letters('abcdefghijklmnopqrstuvwxyz', 31);
  }

  generateSecret() {
    return letters('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32);
  }

  #get(id: string): ProfileView {
    const view = this.profiles.get(id);
    if (!view) throw fail('not_found', `No gateway profile with id ${id}`);
    return structuredClone(view);
  }

  /** The form rules here, the template rules from the real engine when it is loaded. */
  async #checkWithTemplates(draft: ProfileDraft): Promise<FieldIssue[]> {
    const templates = await templateCheck(draft);
    return [...this.#issues(draft), ...templates.issues];
  }

  async #saveWithTemplates(draft: ProfileDraft): Promise<SaveOutcome> {
    const templates = await templateCheck(draft);
    const outcome = this.#save(draft);
    const view = this.profiles.get(outcome.profile.id)!;
    view.templatesRefused = templates.refused;
    if (templates.refusal) this.servers.refusals.set(view.id, templates.refusal);
    else this.servers.refusals.delete(view.id);
    return { profile: structuredClone(view), warnings: [...outcome.warnings, ...templates.issues] };
  }

  #issues(draft: ProfileDraft): FieldIssue[] {
    const issues: FieldIssue[] = [];
    // As core: a code and params, with the English sentence Rust renders from them.
    const error = (field: FieldIssue['field'], issue: Issue, message: string) => issues.push(fieldIssue(field, 'error', issue, message));
    if (!draft.name.trim()) error('name', { code: 'name_required' }, 'Name is required');
    else if (draft.name.trim().length > 100)
      error('name', { code: 'name_too_long', params: { chars: draft.name.trim().length, max: 100 } }, `Name is too long: ${draft.name.trim().length} characters (at most 100)`);
    if (!draft.uri.startsWith('/')) error('uri', { code: 'uri_no_slash' }, 'URI must start with /');
    if (!draft.callback.trim()) error('callback', { code: 'callback_required' }, 'Callback URL is required');
    else if (!/^https?:\/\/[^/]+/.test(draft.callback.trim()))
      error('callback', { code: 'callback_not_absolute' }, 'Callback must be an absolute URL, like https://bot.example.com/webitel');
    else if (/^http:\/\/(?!localhost|127\.)/.test(draft.callback.trim()))
      issues.push(fieldIssue('callback', 'warning', { code: 'callback_plain_http' }, 'Plain http: Webitel will send chat messages to this host unencrypted. Use https outside local testing.'));
    if (!draft.secret) error('secret', { code: 'secret_required' }, 'App secret is required: type one or press Generate');
    return issues;
  }

  #save(draft: ProfileDraft): SaveOutcome {
    const issues = this.#issues(draft).filter((issue) => issue.severity === 'error');
    if (issues.length > 0) {
      throw { code: 'invalid', message: issues[0].message, params: {}, field: issues[0].field, fields: issues } satisfies IpcError;
    }
    const id = draft.id ?? `p${this.#nextId++}`;
    const previous = this.profiles.get(id);
    const pushed = previous?.remoteId ?? null;
    const view: ProfileView = {
      // Every draft field as the draft has it (a new field needs nothing here), then what core derives.
      ...(JSON.parse(JSON.stringify(draft)) as ProfileDraft),
      id,
      name: draft.name.trim(),
      uri: draft.uri.trim(),
      callback: draft.callback.trim(),
      secret: this.options.keychainError ? null : draft.secret,
      secretState: this.options.keychainError ? 'unavailable' : 'stored',
      flow: draft.flow,
      enabled: draft.enabled,
      templates: draft.templates,
      serverId: draft.serverId,
      serverName: draft.serverId ? (this.servers.servers.get(draft.serverId)?.name ?? null) : null,
      remoteId: pushed,
      syncState: pushed === null ? 'localOnly' : previous?.syncState === 'conflict' || previous?.syncState === 'gone' ? previous.syncState : 'changedHere',
      freshness: previous?.freshness ?? { checkedAt: null, checkFailure: null },
      // As core: the full webhook address when the profile has a server, else just the URI.
      webhookUrl: draft.serverId
        ? `${this.servers.servers.get(draft.serverId)?.baseUrl ?? ''}/chat/${draft.uri.trim().replace(/^\//, '')}`
        : draft.uri.trim(),
      incomplete: draft.flow === null,
      uriEditable: pushed === null,
      templatesRefused: previous?.templatesRefused ?? false,
      createdAt: previous?.createdAt ?? Date.now(),
      updatedAt: Date.now(),
    };
    this.profiles.set(id, view);
    const warnings: FieldIssue[] = this.options.keychainError
      ? [fieldIssue('secret', 'warning', { code: 'secret_not_saved', params: { unavailable: true, detail: this.options.keychainError } },
          `The OS keychain is not available: ${this.options.keychainError}. The profile was saved, but its app secret was not stored anywhere: save again once the keychain is available.`)]
      : [];
    return { profile: structuredClone(view), warnings };
  }
}

function summary(view: ProfileView): ProfileSummary {
  return {
    id: view.id,
    name: view.name,
    uri: view.uri,
    callback: view.callback,
    flowName: view.flow?.name ?? null,
    enabled: view.enabled,
    pushed: view.remoteId !== null,
    incomplete: view.flow === null,
    templatesRefused: view.templatesRefused,
    serverId: view.serverId,
    notes: view.notes,
    syncState: view.syncState,
    freshness: view.freshness,
    updatedAt: view.updatedAt,
  };
}

type RustAnswer = { ok?: unknown; error?: string };
const rustPipe = () => (window as unknown as { __textgateRust?: (body: unknown) => Promise<RustAnswer> }).__textgateRust;

/** Asks the real Rust engine (tests/rust-pipe.ts); tests without it get a clear failure. */
async function viaRust<T>(body: unknown): Promise<T> {
  const pipe = rustPipe();
  if (!pipe) throw fail('unexpected', 'This test did not load the Rust template engine');
  const answer = await pipe(body);
  if (answer.error !== undefined) throw fail('invalid', answer.error);
  return answer.ok as T;
}

async function templateCheck(draft: ProfileDraft): Promise<{ issues: FieldIssue[]; refused: boolean; refusal?: FieldIssue | null }> {
  if (!rustPipe()) return { issues: [], refused: false };
  return viaRust({ kind: 'issues', templates: draft.templates });
}

function fail(code: ErrorCode, message: string): IpcError {
  return { code, message, params: {}, field: null, fields: [] };
}

/** A FieldIssue as core sends it: the issue's code and params flattened beside the field. */
function fieldIssue(field: FieldIssue['field'], severity: FieldIssue['severity'], issue: Issue, message: string): FieldIssue {
  return { field, severity, ...issue, message } as FieldIssue;
}
