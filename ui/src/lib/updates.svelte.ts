// The update flow as the UI walks it: check → (latest | a version offered) → download with
// progress → restart into it. The Rust side (src-tauri/updater.rs) verifies the signature and
// installs; errors come back as stable codes, each shown in the UI's language.
import { Channel } from '@tauri-apps/api/core';
import type { AvailableUpdate } from '../bindings/AvailableUpdate';
import type { IpcError } from '../bindings/IpcError';
import type { UpdateProgress } from '../bindings/UpdateProgress';
import { backend, toIpcError } from './backend';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

export type UpdatePhase = 'idle' | 'checking' | 'latest' | 'available' | 'downloading' | 'downloaded' | 'installing';

class Updates {
  phase = $state<UpdatePhase>('idle');
  offered = $state<AvailableUpdate | null>(null);
  progress = $state<UpdateProgress | null>(null);
  /** The last failure, kept as its code so it is rendered in the language of the moment. */
  error = $state<IpcError | null>(null);
  #startChecked = false;

  busy = $derived(this.phase === 'checking' || this.phase === 'downloading' || this.phase === 'installing');

  #fail(failure: unknown) {
    this.error = toIpcError(failure);
  }

  /** "Check for updates": asks the feed now. */
  async check() {
    this.phase = 'checking';
    this.error = null;
    try {
      this.#offer(await backend.checkForUpdate());
    } catch (failure) {
      this.#fail(failure);
      this.phase = 'idle';
    }
  }

  #offer(update: AvailableUpdate | null) {
    this.offered = update;
    this.progress = null;
    this.phase = update ? 'available' : 'latest';
  }

  /** The check at start, once per window: the Rust side asks nothing when the setting is off. A
   * version offered is a toast whose action opens Settings; a failure stays quiet (it is not
   * what the admin is doing now) but is kept for the Updates section. */
  async startupCheck(openSettings: () => void) {
    if (this.#startChecked) return;
    this.#startChecked = true;
    try {
      const update = await backend.startupUpdateCheck();
      if (!update || this.phase !== 'idle') return;
      this.#offer(update);
      toasts.show(m.update_toast({ version: update.version }), 'info', 20_000, { label: m.update_toast_action(), run: openSettings });
    } catch (failure) {
      this.#fail(failure);
    }
  }

  async download() {
    this.phase = 'downloading';
    this.error = null;
    this.progress = { downloaded: 0, total: null };
    try {
      await backend.downloadUpdate(new Channel<UpdateProgress>((progress) => (this.progress = progress)));
      this.phase = 'downloaded';
    } catch (failure) {
      this.#fail(failure);
      this.phase = 'available';
    }
  }

  /** Installs the downloaded update; the Rust side restarts the app into it. */
  async install() {
    this.phase = 'installing';
    this.error = null;
    try {
      await backend.installUpdate();
    } catch (failure) {
      this.#fail(failure);
      this.phase = 'downloaded';
    }
  }
}

export const updates = new Updates();
