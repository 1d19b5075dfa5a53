// The history section's search (chat id, text, status, direction), its pages ("Showing 200 of
// 205 · Load more", a keyset cursor from core) and replays. Round trips (a sent request the
// local receiver got) are paired by core; here the received half is folded under its sent row.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { HistoryQuery } from '../../bindings/HistoryQuery';
import type { Direction } from '../../bindings/Direction';
import { toasts } from '../toasts.svelte';
import { explain } from '../error-explained';
import { m } from '../../paraglide/messages.js';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

/** The direction filter: both ways, or one. */
export type DirectionChoice = 'all' | Direction;

/** How many entries one page holds. */
export const PAGE_SIZE = 200;

class HistoryState {
  chatId = $state('');
  text = $state('');
  status = $state('');
  direction = $state<DirectionChoice>('all');
  entries = $state<HistoryEntry[]>([]);
  /** How many entries match the last search in all. */
  total = $state(0);
  /** The cursor of the next page, or null when every match is loaded. */
  nextBefore = $state<number | null>(null);
  /** The receiver's entry of each sent entry it got, by the sent entry's id. */
  received = $state<Map<number, HistoryEntry>>(new Map());
  busy = $state(false);
  loadingMore = $state(false);
  error = $state<string | null>(null);
  #query: HistoryQuery | null = null;
  /** Counts searches, so an answer that comes after a newer search's is dropped. */
  #searches = 0;

  /** The rows to show: every entry but a received one already folded under its sent row. */
  readonly rows = $derived.by(() => {
    const folded = new Set([...this.received.values()].map((entry) => entry.id));
    return this.entries.filter((entry) => !folded.has(entry.id));
  });

  /** The query of the last search (the filters shown), for an export of all its matches. */
  lastQuery(profileId: string): HistoryQuery {
    return this.#query ?? { profileId, chatId: null, text: null, status: null, channel: null, limit: null };
  }

  /** Forgets the entries found (the search terms stay). */
  reset() {
    this.entries = [];
    this.total = 0;
    this.nextBefore = null;
    this.received = new Map();
    this.#query = null;
  }

  async search(profileId: string) {
    this.busy = true;
    this.error = null;
    const query: HistoryQuery = {
      profileId,
      chatId: this.chatId.trim() || null,
      text: this.text.trim() || null,
      status: this.status.trim() || null,
      channel: null,
      limit: PAGE_SIZE,
      ...(this.direction === 'all' ? {} : { direction: this.direction }),
    };
    const search = ++this.#searches;
    try {
      const page = await harnessApi.historyPage(query);
      if (search !== this.#searches) return;
      this.#query = query;
      this.entries = page.entries;
      this.total = page.total;
      this.nextBefore = page.nextBefore;
      this.received = new Map(page.pairs.map((pair) => [pair.sent, pair.received]));
    } catch (error) {
      if (search === this.#searches) this.error = errorText(error);
    } finally {
      if (search === this.#searches) this.busy = false;
    }
  }

  /** The next page of the last search, after the entries shown. */
  async more() {
    const query = this.#query;
    const before = this.nextBefore;
    if (!query || before === null || this.loadingMore) return;
    this.loadingMore = true;
    this.error = null;
    try {
      const page = await harnessApi.historyPage({ ...query, before });
      const known = new Set(this.entries.map((entry) => entry.id));
      this.entries = [...this.entries, ...page.entries.filter((entry) => !known.has(entry.id))];
      this.total = page.total;
      this.nextBefore = page.nextBefore;
      this.received = new Map([...this.received, ...page.pairs.map((pair) => [pair.sent, pair.received] as const)]);
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.loadingMore = false;
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
