// Push a profile to its server, re-read it from there (Refresh), and settle conflicts. Unsaved
// edits are saved first, so what is pushed is what the user sees; a failed push leaves every
// local edit in place. A conflict found by a push shows on the badge at once and stays there
// when the comparison is closed ("Decide later").
import type { ConflictView } from '../bindings/ConflictView';
import type { FieldChoice } from '../bindings/FieldChoice';
import { backend, toIpcError } from './backend';
import { editor } from './editor.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';
import { explain } from './error-explained';
import { fieldIssueOf } from './field-errors';
import { relogin } from './relogin.svelte';
import { changedFields } from './changed-fields';

class Sync {
  busy = $state(false);
  conflict = $state<{ profileId: string; view: ConflictView } | null>(null);

  async push() {
    if (!editor.form || this.busy) return;
    if (editor.dirty && !(await editor.save())) return;
    const id = editor.form?.id;
    if (!id) return;
    this.busy = true;
    try {
      const action = await relogin.run(editor.saved?.serverId, () => backend.pushProfile(id));
      const server = editor.saved?.serverName ?? m.push_the_server();
      toasts.show(
        action === 'created' ? m.push_created({ server }) : action === 'updated' ? m.push_updated({ server }) : m.push_up_to_date({ server }),
      );
      await editor.refresh();
    } catch (error) {
      const failure = toIpcError(error);
      if (failure.code === 'conflict') {
        // Core noted the server's newer version: the badge says "conflict" from now on.
        await editor.refresh();
        await this.openConflict();
      } else {
        await editor.refresh();
        // At its field when it has one (a refused template: the Templates tab opens on it);
        // a toast, which stays until dismissed, only for an error about no field.
        const explained = explain(failure);
        if (failure.field) editor.showServerIssues([fieldIssueOf(explained, failure.field, failure.message)]);
        else toasts.showError(explained);
      }
    } finally {
      this.busy = false;
    }
  }

  async openConflict() {
    const id = editor.form?.id;
    if (!id) return;
    try {
      this.conflict = { profileId: id, view: await backend.compareWithServer(id) };
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  /** Decide later: the comparison closes, nothing changes (the badge stays "conflict"). */
  dismissConflict() {
    this.conflict = null;
    void editor.refresh();
  }

  /** Re-reads the open profile from its server and says what that changed here. */
  async refresh() {
    if (!editor.form || this.busy) return;
    if (editor.dirty && !(await editor.save())) return;
    const before = editor.saved;
    if (!before || before.remoteId === null) return;
    this.busy = true;
    try {
      const outcome = await relogin.run(before.serverId, () => backend.refreshProfile(before.id));
      await editor.refresh();
      const after = editor.saved ?? before;
      const name = after.name;
      const server = before.serverName ?? m.push_the_server();
      if (outcome === 'updated') toasts.show(m.sync_fresh_refresh_updated({ name, server, fields: changedFields(before, after) }));
      else if (outcome === 'unchanged') toasts.show(m.sync_fresh_refresh_unchanged({ name, server }));
      else if (outcome === 'conflict') toasts.show(m.sync_fresh_refresh_conflict({ name, server }), 'warning');
      else toasts.show(m.sync_fresh_refresh_missing({ name, server }), 'warning');
    } catch (error) {
      toasts.showError(explain(error));
    } finally {
      this.busy = false;
    }
  }

  /** Settles the conflict field by field: the fields taken from the server become the local
   * values; pushed over the server's version when any field keeps this computer's. */
  async resolveFields(choices: FieldChoice[]) {
    const current = this.conflict;
    if (!current) return;
    this.busy = true;
    try {
      await backend.resolveConflictFields(current.profileId, choices);
      this.conflict = null;
      const server = editor.saved?.serverName ?? m.push_the_server();
      toasts.show(choices.some((choice) => choice.keep === 'local') ? m.conflict_field_merged({ server }) : m.conflict_kept_server());
      await editor.refresh();
    } catch (error) {
      toasts.showError(explain(error));
    } finally {
      this.busy = false;
    }
  }
}

export const sync = new Sync();
