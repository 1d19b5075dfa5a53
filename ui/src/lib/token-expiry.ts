// When a server's token expires, as its row says it: "Token expires in 5 days", "Token expired",
// a warning within three days. The date comes from the server's userinfo (`exp`, ms).
import { formatRelative } from './i18n.svelte';
import { m } from '../paraglide/messages.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A token this close to its end is warned about. */
export const WARN_WITHIN_MS = 3 * DAY;

export type ExpiryTone = 'ok' | 'warning' | 'expired';

/** The row's words and tone, or null when the server did not say. */
export function tokenExpiry(expiresAt: number | null, now = Date.now()): { text: string; tone: ExpiryTone } | null {
  if (expiresAt === null) return null;
  const left = expiresAt - now;
  if (left <= 0) return { text: m.servers_token_expired(), tone: 'expired' };
  // Rounded to the nearest unit: a token made for five days says "in 5 days" a moment later.
  const when =
    left >= DAY - HOUR / 2 ? formatRelative(Math.round(left / DAY), 'day')
    : left >= HOUR - 30_000 ? formatRelative(Math.round(left / HOUR), 'hour')
    : formatRelative(Math.max(1, Math.round(left / 60_000)), 'minute');
  return { text: m.servers_token_expires({ when }), tone: left <= WARN_WITHIN_MS ? 'warning' : 'ok' };
}
