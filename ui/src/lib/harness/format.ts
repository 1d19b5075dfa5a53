// Small display helpers shared by the harness panels: status classes, timings, JSON.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import { m } from '../../paraglide/messages.js';
import { formatDateTime, formatNumber } from '../i18n.svelte';

/** `ok` (2xx), `warn` (3xx), `bad` (4xx/5xx) or `failed` (no answer). */
export function statusClass(status: number | null | undefined): 'ok' | 'warn' | 'bad' | 'failed' {
  if (status === null || status === undefined) return 'failed';
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'warn';
  return 'bad';
}

/** What the status badge says: the code, or why nothing answered. */
export function statusText(entry: Pick<HistoryEntry, 'status' | 'failure'>): string {
  if (entry.status !== null) return String(entry.status);
  // The local receiver's plan dropped or hung it: say so, not "failed".
  if (entry.failure?.kind === 'dropped') return m.faults_dropped();
  if (entry.failure?.kind === 'hung') return m.faults_hung();
  return entry.failure ? m.status_failed({ kind: entry.failure.kind }) : m.harness_no_answer();
}

export function millis(micros: number | null | undefined): string {
  if (micros === null || micros === undefined) return '';
  const ms = micros / 1000;
  const digits = ms < 10 ? 1 : 0;
  return m.unit_millis({ value: formatNumber(ms, { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}

export function clock(time: number): string {
  return formatDateTime(time, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

/** The body pretty-printed when it is JSON, else `null`. */
export function prettyJson(body: string): string | null {
  if (!body.trim()) return null;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return null;
  }
}

/** Makes invisible bytes visible in a raw body view: a trailing newline shows as ⏎. */
export function rawView(body: string): string {
  return body.endsWith('\n') ? `${body.slice(0, -1)}\u23ce` : body;
}

/** A Webitel -> client delivery answered non-2xx: since release 26.4 Webitel counts it as not
 *  delivered, and it sent it once (no retry). `null` for anything else. */
export function notDelivered(entry: Pick<HistoryEntry, 'channel' | 'status'>): string | null {
  if (entry.channel !== 'emulate' || entry.status === null || statusClass(entry.status) === 'ok') return null;
  return m.faults_not_delivered({ status: entry.status });
}
