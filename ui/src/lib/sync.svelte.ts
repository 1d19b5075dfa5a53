// Push a profile to its server and settle conflicts. Unsaved edits are saved first, so what
// is pushed is what the user sees; a failed push leaves every local edit in place.
import type { ConflictView } from '../bindings/ConflictView';
import type { FieldChoice } from '../bindings/FieldChoice';
import { backend, toIpcError } from './backend';
import { editor } from './editor.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';
import { explain } from './error-explained';
import { fieldIssueOf } from './field-errors';
import { relogin } from './relogin.svelte';

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

  /** Decide later: the comparison closes, nothing changes. */
  dismissConflict() {
    this.conflict = null;
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
