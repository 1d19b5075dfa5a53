// The gateway list the sidebar shows and the app's status (data folder, keychain, storage).
// Loaded at start and reloaded (refresh) after anything that changes the list; the profile
// being edited is the editor's (editor.svelte.ts), which asks this store to refresh.
import type { AppStatus } from '../bindings/AppStatus';
import type { ProfileSummary } from '../bindings/ProfileSummary';
import { backend } from './backend';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';

class Profiles {
  status = $state<AppStatus | null>(null);
  list = $state<ProfileSummary[]>([]);

  /** Loads the status and, when storage works, the list; returns the first profile's id. */
  async start(): Promise<string | null> {
    this.reset();
    try {
      this.status = await backend.appStatus();
      if (this.status.storageError) return null;
      await this.refresh();
      return this.first();
    } catch (error) {
      toasts.showError(explain(error));
      return null;
    }
  }

  /** Reloads the list (a failure is the caller's to report). */
  async refresh() {
    this.list = await backend.listProfiles();
  }

  /** The first profile's id, or null when the list is empty. */
  first(): string | null {
    return this.list[0]?.id ?? null;
  }

  /** Back to nothing loaded. */
  reset() {
    this.status = null;
    this.list = [];
  }
}

export const profiles = new Profiles();
