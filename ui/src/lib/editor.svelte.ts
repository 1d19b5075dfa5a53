// The editor's state: the form being edited and its saved baseline, its validation, and the
// actions that move between profiles (select, new, save, duplicate, delete, start/stop). Every
// action that would drop unsaved edits asks first (also the window-close guard). The list is
// profiles.svelte.ts's: this store asks it to refresh, never writes it.
import type { FieldIssue } from '../bindings/FieldIssue';
import type { FlowSchema } from '../bindings/FlowSchema';
import type { ProfileDraft } from '../bindings/ProfileDraft';
import type { ProfileField } from '../bindings/ProfileField';
import type { ProfileView } from '../bindings/ProfileView';
import { backend, toIpcError } from './backend';
import { askChangeSecret, askDelete, askGenerateSecret, askLeave, askRevert } from './editor-questions';
import { m } from '../paraglide/messages.js';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';
import { errorText } from './messages-from-rust';
import { draftFrom } from './profile-draft';
import { fieldFocus, firstInvalid } from './field-focus.svelte';
import { defaultServer, rememberServer } from './last-server';
import { servers } from './servers.svelte';
import { profiles } from './profiles.svelte';
import { serverPermissionBlock } from './permissions';
import { relogin } from './relogin.svelte';

class Editor {
  flows = $state<FlowSchema[]>([]);
  form = $state<ProfileDraft | null>(null);
  saved = $state<ProfileView | null>(null);
  issues = $state<FieldIssue[]>([]);
  busy = $state(false);
  #baseline = $state('');
  #visited = new Set<ProfileField>();
  #saveTried = false;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #checkRound = 0;

  isNew = $derived(this.form !== null && this.form.id === undefined);
  dirty = $derived(this.form !== null && (this.isNew || JSON.stringify(this.form) !== this.#baseline));
  secretChanged = $derived(
    this.saved !== null && this.saved.secret !== null && this.form !== null && this.form.secret !== this.saved.secret,
  );

  /** Loads the list and opens its first profile. */
  async start() {
    const first = await profiles.start();
    if (first) await this.#open(first);
  }

  /** Nothing open: no form, no issues, no check pending. */
  reset() {
    clearTimeout(this.#checkTimer);
    this.#checkRound++;
    this.form = null;
    this.saved = null;
    this.flows = [];
    this.issues = [];
    this.serverIssues = [];
    this.#baseline = '';
    this.#visited.clear();
    this.#saveTried = false;
  }

  /** What the server said about a field on the last push (kept until the field is edited). */
  serverIssues = $state<FieldIssue[]>([]);

  /** A push was refused at these fields: shown there until each is edited. */
  showServerIssues(issues: FieldIssue[]) {
    this.serverIssues = issues;
  }

  /** The message to show at a field: errors before warnings, the server's before ours. */
  issueFor(field: ProfileField): FieldIssue | undefined {
    const all = [...this.serverIssues, ...this.issues].filter((issue) => issue.field === field);
    return all.find((issue) => issue.severity === 'error') ?? all[0];
  }

  /** The user edited `field`: re-check the form shortly (rules live in Rust). */
  touch(field: ProfileField) {
    this.#visited.add(field);
    this.serverIssues = this.serverIssues.filter((issue) => issue.field !== field);
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => this.#check(), 200);
  }

  async #check() {
    if (!this.form) return;
    const round = ++this.#checkRound;
    try {
      const issues = await backend.checkProfile($state.snapshot(this.form));
      if (round !== this.#checkRound || this.busy) return;
      // Errors show once a field was edited (or Save was tried); warnings always.
      this.issues = issues.filter(
        (issue) => issue.severity === 'warning' || this.#saveTried || this.#visited.has(issue.field),
      );
    } catch {
      // Live checking is a convenience; Save reports problems for real.
    }
  }

  async select(id: string) {
    if (this.form?.id === id) return;
    if (await this.#mayLeave()) await this.#open(id);
  }

  async newProfile() {
    if (!(await this.#mayLeave())) return;
    try {
      // Core makes the new draft (generated URI and app secret): the UI never builds one. It
      // starts on the server the admin last used (or the only one), with that server's flows.
      const draft = await backend.newProfileDraft();
      this.#load(null, { ...draft, serverId: draft.serverId ?? defaultServer(servers.list) });
      fieldFocus.ask('name');
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  /** A new app secret in the field. On a pushed profile it is asked first: the integration
   * breaks once the new one reaches the server and until the bot has it too. */
  async generateSecret() {
    if (!this.form) return;
    if (this.saved?.remoteId != null && !(await askGenerateSecret(this.saved.serverName ?? m.push_the_server()))) return;
    const secret = await backend.generateSecret();
    if (!this.form) return;
    this.form.secret = secret;
    this.touch('secret');
  }

  /** Saves the form; returns whether it was saved. */
  async save(): Promise<boolean> {
    if (!this.form || this.busy) return false;
    if (this.secretChanged && !(await askChangeSecret())) {
      // "Keep the old secret": the field holds the saved one again; the other edits still save.
      if (this.form && this.saved?.secret != null) {
        this.form.secret = this.saved.secret;
        this.touch('secret');
      }
      if (!this.dirty) return true;
    }
    this.busy = true;
    this.#checkRound++; // a check still in flight must not overwrite what Save reports
    try {
      const outcome = await backend.saveProfile($state.snapshot(this.form));
      // Saved: a check of the old form (due from the last keystroke, or started while saving)
      // must not replace the warnings Save reports (e.g. the keychain took no secret).
      clearTimeout(this.#checkTimer);
      this.#checkRound++;
      const typedSecret = this.form.secret;
      rememberServer(outcome.profile.serverId);
      this.#load(outcome.profile, draftFrom(outcome.profile));
      this.issues = outcome.warnings;
      await this.#refreshList();
      const secretLost = outcome.warnings.some((w) => w.field === 'secret');
      if (secretLost && this.form) {
        // Keep what the user typed on screen: it was not stored anywhere.
        this.form.secret = typedSecret;
        toasts.show(m.toast_saved_without_secret(), 'warning');
      } else {
        toasts.show(m.toast_saved({ name: outcome.profile.name }));
      }
      return true;
    } catch (error) {
      const failure = toIpcError(error);
      this.#saveTried = true;
      this.issues = failure.fields;
      const invalid = firstInvalid(failure.fields);
      if (invalid) fieldFocus.ask(invalid);
      toasts.show(failure.code === 'invalid' ? m.toast_check_fields() : errorText(failure), 'error');
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Start/Stop: immediate for a saved profile, part of the form for a new one. Answers whether
   * it was switched; says so in a toast unless `notify` is false (the caller says it). A live
   * gateway's switch asks first: see `live-toggle.svelte.ts`. */
  async setEnabled(enabled: boolean, notify = true): Promise<boolean> {
    if (!this.form) return false;
    if (enabled && !this.form.flow) {
      this.issues = [...this.issues, { field: 'enabled', severity: 'error', code: 'flow_required', message: m.issue_enable_needs_flow() }];
      return false;
    }
    if (!this.form.id || !this.saved?.flow) {
      this.form.enabled = enabled;
      return true;
    }
    try {
      const id = this.form.id;
      // Pushed: Start/Stop is on the server, which may ask to log in again.
      const view = await relogin.run(this.saved.remoteId != null ? this.saved.serverId : null, () => backend.setProfileEnabled(id, enabled));
      this.saved = view;
      this.form.enabled = view.enabled;
      const baseline = JSON.parse(this.#baseline) as ProfileDraft;
      this.#baseline = JSON.stringify({ ...baseline, enabled: view.enabled });
      await this.#refreshList();
      if (notify) toasts.show(view.enabled ? m.toast_gateway_started() : m.toast_gateway_stopped());
      return view.enabled === enabled;
    } catch (error) {
      toasts.showError(explain(error));
      return false;
    }
  }

  async duplicate() {
    const id = this.saved?.id;
    if (!id || !(await this.#mayLeave())) return;
    try {
      const outcome = await backend.duplicateProfile(id);
      await this.#refreshList();
      this.#load(outcome.profile, draftFrom(outcome.profile));
      toasts.show(m.toast_duplicated());
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  async remove() {
    if (!this.form) return;
    const name = this.form.name.trim() || this.saved?.name || m.delete_this_gateway();
    const server = this.saved?.remoteId != null ? this.saved.serverName : null;
    const answer = await askDelete(name, server, this.isNew, server ? serverPermissionBlock(this.saved?.serverId ?? null, 'delete') : null);
    if (answer === null) return;
    try {
      const id = this.form.id;
      if (id) {
        const remote = answer === 'remote';
        await (remote ? relogin.run(this.saved?.serverId, () => backend.deleteProfile(id, true)) : backend.deleteProfile(id, false));
      }
      this.reset();
      await this.#refreshList();
      const first = profiles.first();
      if (first) await this.#open(first);
      toasts.show(answer === 'remote' ? m.toast_deleted_remote({ name, server: server ?? '' }) : m.toast_deleted({ name }));
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  /** Drops the unsaved edits of a saved profile: the form is the saved profile again (asked first). */
  async revert() {
    if (!this.form || !this.saved || this.isNew || !this.dirty) return;
    const name = this.saved.name;
    if (!(await askRevert(name))) return;
    this.#load(this.saved, draftFrom(this.saved));
    toasts.show(m.layout_reverted({ name }));
  }

  /** Reloads the list, and the open profile unless it has unsaved edits. */
  async refresh() {
    await this.#refreshList();
    await this.reloadOpen();
  }

  /** Reads the open profile again unless it has unsaved edits; closes it when it is gone. */
  async reloadOpen() {
    const id = this.form?.id;
    if (!id || this.dirty) return;
    if (!profiles.list.some((p) => p.id === id)) this.reset();
    else await this.#open(id);
  }

  /** Closes the card (asking about unsaved edits first): the registry takes the whole window. */
  async close() {
    if (await this.#mayLeave()) this.reset();
  }

  /** The flow schemas of the form's server (none for a local-only profile). */
  async loadFlows() {
    const serverId = this.form?.serverId ?? null;
    try {
      this.flows = serverId ? await backend.listFlowSchemas(serverId) : [];
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  /** Moves the (not yet pushed) profile to another server; its flow belongs to the old one. */
  setServer(serverId: string | null) {
    if (!this.form || this.form.serverId === serverId) return;
    this.form.serverId = serverId;
    this.form.flow = null;
    this.form.enabled = false;
    rememberServer(serverId);
    this.touch('server');
    this.loadFlows();
  }

  #load(view: ProfileView | null, draft: ProfileDraft) {
    this.saved = view;
    this.form = draft;
    this.#baseline = JSON.stringify(draft);
    this.issues = [];
    this.serverIssues = [];
    this.#visited.clear();
    this.#saveTried = false;
    this.loadFlows();
  }

  async #open(id: string) {
    try {
      const view = await backend.getProfile(id);
      this.#load(view, draftFrom(view));
      if (view.secretState === 'unavailable') {
        toasts.show(m.toast_secret_unavailable(), 'warning');
      }
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  async #refreshList() {
    await profiles.refresh();
  }

  /** For the window-close guard: same question as leaving a profile. */
  mayClose(): Promise<boolean> {
    return this.#mayLeave();
  }

  /** True when there is nothing unsaved, or the user chose to save or discard it. */
  async #mayLeave(): Promise<boolean> {
    if (!this.dirty || !this.form) return true;
    const name = this.form.name.trim() || this.saved?.name || m.leave_the_new_gateway();
    const answer = await askLeave(name);
    if (answer === 'save') return this.save();
    return answer === 'discard';
  }
}

export const editor = new Editor();
