// The About dialog's state: whether it is open, the diagnostics it shows, and its two actions
// (copy the diagnostics text, open the log folder). Errors are kept here to be shown in place.
import type { Diagnostics } from '../bindings/Diagnostics';
import { backend, toIpcError } from './backend';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

class About {
  dialogOpen = $state(false);
  facts = $state<Diagnostics | null>(null);
  loadError = $state('');
  /** Why "Open log folder" failed: a sentence in the UI's language and the system's own detail. */
  openError = $state<{ text: string; detail: string } | null>(null);
  busy = $state(false);

  async open() {
    this.openError = null;
    this.dialogOpen = true;
    try {
      this.facts = await backend.diagnostics();
      this.loadError = '';
    } catch (error) {
      this.loadError = m.about_load_failed({ detail: toIpcError(error).message });
    }
  }

  close() {
    this.dialogOpen = false;
  }

  /** Puts the exact text the Rust side writes for a bug report on the clipboard. */
  async copy() {
    try {
      await backend.copyText(await backend.diagnosticsText());
      toasts.show(m.about_copied());
    } catch (error) {
      toasts.show(m.about_copy_failed({ detail: toIpcError(error).message }), 'error');
    }
  }

  async openLogFolder() {
    this.busy = true;
    this.openError = null;
    try {
      await backend.openLogFolder();
    } catch (error) {
      const failure = toIpcError(error);
      this.openError =
        failure.code === 'no_log_folder'
          ? { text: m.about_no_log_folder(), detail: '' }
          : { text: m.about_open_failed(), detail: failure.message };
    } finally {
      this.busy = false;
    }
  }
}

export const about = new About();
