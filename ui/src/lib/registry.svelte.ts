// The registry table's view of the profile list: search, filters, sort and the multi-selection.
// Everything runs in memory over the summaries profiles.svelte.ts loads, and is shaped for
// 10,000 rows: each row's search texts are lowercased once per list load, the sorted order is
// kept until the list or the sort changes, and a keystroke only filters that order.
import { SvelteSet } from 'svelte/reactivity';
import type { ProfileSummary } from '../bindings/ProfileSummary';
import type { SyncState } from '../bindings/SyncState';
import { profiles } from './profiles.svelte';
import { searchPattern } from './search-pattern';
import { servers } from './servers.svelte';
import { syncLabel } from './sync-labels';
import { problemsOf } from './problems';

export type SortColumn = 'name' | 'uri' | 'flow' | 'server' | 'state' | 'sync' | 'problems';
export interface Sort {
  column: SortColumn;
  descending: boolean;
}
/** `local` = on no server. */
export type ServerFilter = 'all' | 'local' | string;
export type StateFilter = 'all' | 'enabled' | 'disabled';
export type ProblemFilter = 'all' | 'any' | 'incomplete' | 'templateError' | 'none';

const SORT_KEY = 'textgate.registry.sort';
const COLUMNS: readonly SortColumn[] = ['name', 'uri', 'flow', 'server', 'state', 'sync', 'problems'];

function savedSort(): Sort {
  try {
    const saved = JSON.parse(localStorage.getItem(SORT_KEY) ?? 'null') as Partial<Sort> | null;
    if (saved && COLUMNS.includes(saved.column as SortColumn)) return { column: saved.column as SortColumn, descending: saved.descending === true };
  } catch {
    // An unreadable choice falls back to the default order.
  }
  return { column: 'name', descending: false };
}

/** How many problems a row has: no flow or secret, a template the server would refuse. */
export const problemCount = (p: ProfileSummary) => problemsOf(p, null).length;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

class Registry {
  query = $state('');
  server = $state<ServerFilter>('all');
  state = $state<StateFilter>('all');
  sync = $state<SyncState | 'all'>('all');
  problems = $state<ProblemFilter>('all');
  sort = $state<Sort>(savedSort());
  /** Ids of the checked rows (kept across searches; only matches are acted on). */
  selected = new SvelteSet<string>();
  /** Where a Shift-click range starts. */
  anchor = $state<string | null>(null);
  /** The keyboard's row (the focused row of the table). */
  cursor = $state<string | null>(null);

  /** Each row's lowercased texts the search reads, made once per list load. */
  #searchTexts = $derived(new Map(profiles.list.map((p) => [p.id, [p.name, p.uri, p.callback, p.notes].map((t) => t.toLowerCase())] as const)));

  /** The whole list in the chosen order (recomputed on a list load or a sort, not a keystroke). */
  sorted = $derived.by(() => {
    const { column, descending } = this.sort;
    const key = sortKey(column);
    // Each key once per row, not once per comparison.
    const rows = profiles.list.map((p) => ({ p, key: key(p) }));
    rows.sort((a, b) => {
      const order = compare(a.key, b.key) || collator.compare(a.p.name, b.p.name) || a.p.id.localeCompare(b.p.id);
      return descending ? -order : order;
    });
    return rows.map((row) => row.p);
  });

  /** The rows that match the search and every filter, in order. */
  visible = $derived.by(() => {
    const test = searchPattern(this.query, true);
    const texts = this.#searchTexts;
    const { server, state, sync, problems } = this;
    return this.sorted.filter((p) => {
      if (server === 'local' ? p.serverId !== null : server !== 'all' && p.serverId !== server) return false;
      if (state !== 'all' && p.enabled !== (state === 'enabled')) return false;
      if (sync !== 'all' && p.syncState !== sync) return false;
      if (!matchesProblems(p, problems)) return false;
      return (texts.get(p.id) ?? []).some(test);
    });
  });

  /** Checked rows among the matches (what a bulk action acts on). */
  selectedVisible = $derived(this.visible.filter((p) => this.selected.has(p.id)));

  /** Any search or filter narrows the list. */
  narrowed = $derived(
    this.query.trim() !== '' || this.server !== 'all' || this.state !== 'all' || this.sync !== 'all' || this.problems !== 'all',
  );

  /** Click on a column header: sort by it, again for the reverse order; remembered. */
  sortBy(column: SortColumn) {
    this.sort = { column, descending: this.sort.column === column ? !this.sort.descending : false };
    try {
      localStorage.setItem(SORT_KEY, JSON.stringify(this.sort));
    } catch {
      // Not remembering the order is no reason to refuse it.
    }
  }

  clearFilters() {
    this.query = '';
    this.server = 'all';
    this.state = 'all';
    this.sync = 'all';
    this.problems = 'all';
  }

  /** A checkbox or Space: toggles one row; with `range`, everything from the anchor to it. */
  toggle(id: string, range = false) {
    if (range && this.anchor) {
      const ids = this.visible.map((p) => p.id);
      const from = ids.indexOf(this.anchor);
      const to = ids.indexOf(id);
      if (from >= 0 && to >= 0) {
        const check = !this.selected.has(id) || this.selected.has(this.anchor);
        for (const rowId of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) {
          if (check) this.selected.add(rowId);
          else this.selected.delete(rowId);
        }
        return;
      }
    }
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    this.anchor = id;
  }

  /** Ctrl/Cmd+A: every match (or none, when they all are already). */
  toggleAll() {
    const all = this.visible.length > 0 && this.visible.every((p) => this.selected.has(p.id));
    if (all) this.clearSelection();
    else for (const p of this.visible) this.selected.add(p.id);
  }

  clearSelection() {
    this.selected.clear();
    this.anchor = null;
  }

  /** Drops checked ids no longer in the list (after a delete or a reload). */
  forgetGone() {
    const ids = new Set(profiles.list.map((p) => p.id));
    for (const id of [...this.selected]) if (!ids.has(id)) this.selected.delete(id);
  }
}

function matchesProblems(p: ProfileSummary, filter: ProblemFilter): boolean {
  switch (filter) {
    case 'all': return true;
    case 'any': return problemCount(p) > 0;
    case 'none': return problemCount(p) === 0;
    case 'incomplete': return p.incomplete;
    case 'templateError': return p.templatesRefused;
  }
}

type Key = string | number;
const compare = (a: Key, b: Key) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));

/** What a column sorts by: the text it shows (server names, sync words in the UI's language). */
function sortKey(column: SortColumn): (p: ProfileSummary) => Key {
  switch (column) {
    case 'name': return (p) => p.name;
    case 'uri': return (p) => p.uri;
    case 'flow': return (p) => p.flowName ?? '\uffff';
    case 'server': return (p) => servers.name(p.serverId) ?? '\uffff';
    case 'state': return (p) => (p.enabled ? 0 : 1);
    case 'sync': return (p) => syncLabel(p.syncState);
    case 'problems': return (p) => -problemCount(p);
  }
}

export const registry = new Registry();
