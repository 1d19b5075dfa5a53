// Gateways to another machine from the registry: Export selected… writes the checked rows (or
// every row shown when none is checked) to a `textgate.profiles/1` file, with their secrets
// encrypted by a passphrase asked twice; Import… opens such a file, asks its passphrase when it
// holds secrets, shows what would be added, updated and in conflict, and applies it only on Apply.
// The files are read and written by Rust (`commands/transfer.rs`); this keeps the dialogs' state.
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ProfileField } from '../bindings/ProfileField';
import { FIELD_LABEL_KEYS } from '../bindings/profileFields';
import { backend, toIpcError } from './backend';
import { explain, type Explained } from './error-explained';
import { profiles } from './profiles.svelte';
import { registry } from './registry.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

const filters = () => [{ name: m.transfer_file_filter(), extensions: ['json'] }];

/** The labels of changed fields, in the admin's language. */
export const fieldLabels = (fields: ProfileField[]) => fields.map((field) => m[FIELD_LABEL_KEYS[field]]()).join(m.common_list_separator());

class Transfer {
  /** The export dialog is open, for these profile ids. */
  exportIds = $state<string[] | null>(null);
  withSecrets = $state(false);
  passphrase = $state('');
  repeat = $state('');
  /** The import dialog: the file, then (when it holds secrets) its passphrase, then the preview. */
  importPath = $state<string | null>(null);
  needsPassphrase = $state(false);
  preview = $state<ImportPreview | null>(null);
  busy = $state(false);
  error = $state<Explained | null>(null);

  /** What Export acts on: the checked rows shown, else every row shown. */
  get targets() {
    const checked = registry.selectedVisible;
    return checked.length > 0 ? { ids: checked.map((p) => p.id), checked: true } : { ids: registry.visible.map((p) => p.id), checked: false };
  }

  openExport() {
    this.exportIds = [...this.targets.ids];
    this.withSecrets = false;
    this.passphrase = this.repeat = '';
    this.error = null;
  }

  closeExport() {
    this.exportIds = null;
    this.passphrase = this.repeat = '';
  }

  /** The two passphrases differ (said at the second field). */
  get mismatch() {
    return this.withSecrets && this.repeat !== '' && this.passphrase !== this.repeat;
  }

  get mayExport() {
    return !this.busy && (!this.withSecrets || (this.passphrase !== '' && this.passphrase === this.repeat));
  }

  async export() {
    const ids = this.exportIds;
    if (!ids || !this.mayExport) return;
    const path = await backend.chooseSavePath(m.transfer_export_dialog_title(), 'textgate-profiles.json', filters());
    if (!path) return;
    this.busy = true;
    this.error = null;
    try {
      const outcome = await backend.exportProfiles($state.snapshot(ids), path, this.withSecrets ? this.passphrase : null);
      this.closeExport();
      toasts.show(m.transfer_exported({ count: outcome.count, path }));
      for (const name of outcome.secretsMissing) toasts.show(m.transfer_export_secret_missing({ name }), 'warning');
    } catch (error) {
      this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }

  /** Import…: the open dialog, then the preview (or the passphrase it needs first). */
  async openImport() {
    const path = await backend.chooseOpenPath(m.transfer_import_dialog_title(), filters());
    if (!path) return;
    this.importPath = path;
    this.needsPassphrase = false;
    this.passphrase = '';
    this.preview = null;
    this.error = null;
    await this.loadPreview();
  }

  async loadPreview() {
    const path = this.importPath;
    if (!path) return;
    this.busy = true;
    this.error = null;
    try {
      this.preview = await backend.previewImport(path, this.needsPassphrase ? this.passphrase : null);
    } catch (error) {
      if (toIpcError(error).code === 'transfer_passphrase_needed' && !this.needsPassphrase) this.needsPassphrase = true;
      else this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }

  async apply() {
    const path = this.importPath;
    if (!path || !this.preview || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const report = await backend.applyImport(path, this.needsPassphrase ? this.passphrase : null);
      const count = (action: string) => report.preview.items.filter((item) => item.action === action).length;
      this.closeImport();
      await profiles.refresh();
      toasts.show(m.transfer_imported({ added: count('add'), updated: count('update'), conflicts: count('conflict') }));
      for (const name of report.secretsNotSaved) toasts.show(m.transfer_import_secret_not_saved({ name }), 'warning');
    } catch (error) {
      this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }

  closeImport() {
    this.importPath = null;
    this.preview = null;
    this.passphrase = '';
    this.needsPassphrase = false;
    this.error = null;
  }
}

export const transfer = new Transfer();
