// How fresh a profile's sync state is, in the admin's language: "in sync · checked 2 min ago",
// "in sync · not checked: offline". Core records when each pushed profile was last read from its
// server and why a check could not read it (SyncFreshness); the relative time is
// Intl.RelativeTimeFormat in the chosen language.
import type { ErrorCode } from '../bindings/ErrorCode';
import type { SyncFreshness } from '../bindings/SyncFreshness';
import type { SyncState } from '../bindings/SyncState';
import { currentLocale } from './i18n.svelte';
import { syncHint, syncLabel } from './sync-labels';
import { m } from '../paraglide/messages.js';

/** The codes a check gets when the server cannot be reached at all. */
const OFFLINE: readonly ErrorCode[] = ['unreachable', 'timeout', 'tls'];
const RELOGIN: readonly ErrorCode[] = ['unauthorized', 'forbidden'];

export const isOffline = (freshness: SyncFreshness) => freshness.checkFailure !== null && OFFLINE.includes(freshness.checkFailure);

/** `at` relative to `now`, e.g. "2 min. ago", "now". */
export function ago(at: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto', style: 'short' });
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** "checked 2 min. ago", "not checked: offline", "not checked yet". */
export function freshnessText(freshness: SyncFreshness, now: number): string {
  const failure = freshness.checkFailure;
  if (failure !== null) {
    if (OFFLINE.includes(failure)) return m.sync_fresh_offline();
    return RELOGIN.includes(failure) ? m.sync_fresh_relogin() : m.sync_fresh_failed();
  }
  return freshness.checkedAt === null ? m.sync_fresh_never() : m.sync_fresh_checked({ when: ago(freshness.checkedAt, now) });
}

/** The sync badge's words: the state, then how fresh it is (a local-only profile has nothing to check). */
export function syncText(state: SyncState, freshness: SyncFreshness, now: number): string {
  return state === 'localOnly' ? syncLabel(state) : `${syncLabel(state)} \u00b7 ${freshnessText(freshness, now)}`;
}

/** The badge's tooltip: what the state means, and what the freshness means for it. */
export function syncTitle(state: SyncState, freshness: SyncFreshness, now: number): string {
  if (state === 'localOnly') return syncHint(state);
  const last = freshness.checkedAt === null ? null : ago(freshness.checkedAt, now);
  const note = freshness.checkFailure !== null
    ? last === null ? m.sync_fresh_failed_hint_never() : m.sync_fresh_failed_hint({ when: last })
    : last === null ? m.sync_fresh_never_hint() : m.sync_fresh_checked({ when: last });
  return `${syncHint(state)} (${note})`;
}
