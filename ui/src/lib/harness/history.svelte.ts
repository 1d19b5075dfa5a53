// The history section's search (chat id, text, status filter) and replays.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import { toasts } from '../toasts.svelte';
import { explain } from '../error-explained';
import { m } from '../../paraglide/messages.js';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

class HistoryState {
  chatId = $state('');
  text = $state('');
  status = $state('');
  entries = $state<HistoryEntry[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);

  /** Forgets the entries found (the search terms stay). */
  reset() {
    this.entries = [];
  }

  async search(profileId: string) {
    this.busy = true;
    this.error = null;
    try {
      this.entries = await harnessApi.searchHistory({
        profileId,
        chatId: this.chatId.trim() || null,
        text: this.text.trim() || null,
        status: this.status.trim() || null,
        channel: null,
        limit: 200,
      });
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  async replay(profileId: string, entry: HistoryEntry, resign: boolean) {
    try {
      const replayed = await harnessApi.replayHistory(entry.id, resign);
      const outcome = String(replayed.status ?? replayed.failure?.message ?? m.harness_no_answer());
      toasts.show(resign ? m.history_replayed_resigned({ id: entry.id, outcome }) : m.history_replayed({ id: entry.id, outcome }), replayed.status && replayed.status < 300 ? 'success' : 'warning');
      await this.search(profileId);
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  async clear(profileId: string) {
    try {
      const removed = await harnessApi.clearHistory(profileId);
      toasts.show(m.history_cleared({ count: removed }), 'info');
      await this.search(profileId);
    } catch (error) {
      toasts.showError(explain(error));
    }
  }
}

export const history = new HistoryState();
