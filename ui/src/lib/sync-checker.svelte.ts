// The quiet background re-read of the servers: at start, when a pushed profile is opened (that
// one profile) and every few minutes while the window is visible, core checks what the servers
// hold now (check_sync: one listing per server, never a profile's content) and the list and the
// open profile's badge show the answer. Runs never overlap; a failure is never a toast (a server
// that cannot be reached shows as "not checked: offline" on its profiles). `now` ticks so
// "checked 2 min ago" stays true while nothing else changes.
import { untrack } from 'svelte';
import type { ProfileView } from '../bindings/ProfileView';
import { backend } from './backend';
import { editor } from './editor.svelte';
import { profiles } from './profiles.svelte';

/** How often every server is checked while the window is visible. */
export const CHECK_INTERVAL_MS = 3 * 60_000;
const TICK_MS = 30_000;

class SyncChecker {
  /** The time the relative texts are measured from. */
  now = $state(Date.now());
  /** A check is running. */
  running = $state(false);
  /** The open profile when it is on a server (a derived id: a re-read of the same one is no change). */
  #openPushed = $derived(editor.saved?.remoteId != null ? editor.saved.id : null);
  #lastAll = 0;
  #queued: (string | null)[] = [];
  #started = false;

  /** Starts the checks: now, on every opened pushed profile, and on the interval. */
  start() {
    if (this.#started) return;
    this.#started = true;
    void this.check(null);
    setInterval(() => {
      this.now = Date.now();
      if (document.visibilityState === 'visible' && Date.now() - this.#lastAll >= CHECK_INTERVAL_MS) void this.check(null);
    }, TICK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - this.#lastAll >= CHECK_INTERVAL_MS) void this.check(null);
    });
    $effect.root(() => {
      $effect(() => {
        const id = this.#openPushed;
        // Only the opened profile is this effect's to follow, not the check's own state.
        if (id) untrack(() => void this.check(id));
      });
    });
  }

  /** Checks one profile (`id`) or every server (`null`); one run at a time, the rest wait. */
  async check(id: string | null) {
    if (this.running) {
      if (!this.#queued.includes(id)) this.#queued.push(id);
      return;
    }
    this.running = true;
    try {
      if (id === null) this.#lastAll = Date.now();
      await backend.checkSync(id);
      await this.#show();
    } catch {
      // Quiet by design: the next run tries again, and the badges say what is known.
    } finally {
      this.running = false;
      this.now = Date.now();
      const next = this.#queued.shift();
      if (next !== undefined) void this.check(next);
    }
  }

  /** The list again, and the open profile's sync state (never its form: edits stay). */
  async #show() {
    await profiles.refresh();
    const open = editor.saved;
    if (!open) return;
    const view: ProfileView = await backend.getProfile(open.id);
    if (editor.saved?.id === view.id) editor.saved = { ...editor.saved, syncState: view.syncState, freshness: view.freshness };
  }
}

export const syncChecker = new SyncChecker();
