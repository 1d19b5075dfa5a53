// How a badge looks, and which look each state gets: one typed table per enum, so a new
// enum value is a type error here instead of a badge without a style.
import type { SyncState } from '../bindings/SyncState';
import type { Verdict } from '../bindings/Verdict';
import type { statusClass } from './harness/format';

/** The looks a badge has (components/ui/Badge.svelte styles each). */
export type BadgeVariant = 'neutral' | 'success' | 'accent' | 'warning' | 'danger' | 'success-inverse';

/** A profile's sync state. */
export const syncBadge: Record<SyncState, BadgeVariant> = {
  localOnly: 'neutral',
  inSync: 'success',
  changedHere: 'accent',
  changedOnServer: 'accent',
  conflict: 'danger',
  gone: 'warning',
};

/** An HTTP status class (2xx, 3xx, 4xx/5xx, no answer). */
export const statusBadge: Record<ReturnType<typeof statusClass>, BadgeVariant> = {
  ok: 'success',
  warn: 'warning',
  bad: 'danger',
  failed: 'danger',
};

/** What the receiver found in a request's signature. */
export const verdictBadge: Record<Verdict['verdict'], BadgeVariant> = {
  valid: 'success',
  invalid: 'danger',
  missing: 'warning',
};
