// The fake backend's pages of the history (browser tests only), as core's `history_page`: the
// matches newest first by id, a keyset cursor (`before`), the total for the same filter, and
// the round trips among the page's sent entries: a receive of the same body and X-Webitel-Sign
// while the request was under way, one to one, the closest in time first.
import type { HistoryEntry } from '../src/bindings/HistoryEntry';
import type { HistoryPage } from '../src/bindings/HistoryPage';
import type { HistoryPair } from '../src/bindings/HistoryPair';
import type { HistoryQuery } from '../src/bindings/HistoryQuery';

/** As core's PAIR_SLACK_MILLIS. */
const SLACK = 2000;

const sign = (entry: HistoryEntry) => entry.requestHeaders.find(([name]) => name.toLowerCase() === 'x-webitel-sign')?.[1] ?? null;

function sameRequest(sent: HistoryEntry, received: HistoryEntry): boolean {
  const took = Math.floor((sent.elapsedMicros ?? 0) / 1000);
  return sent.channel !== 'receive' && received.channel === 'receive' && sent.body === received.body && sign(sent) === sign(received)
    && received.time >= sent.time - took - SLACK && received.time <= sent.time + SLACK;
}

export function pairs(sent: HistoryEntry[], arrivals: HistoryEntry[]): HistoryPair[] {
  const candidates: [number, number, number, number][] = [];
  sent.forEach((s, i) => arrivals.forEach((a, j) => {
    if (sameRequest(s, a)) candidates.push([Math.abs(a.time - s.time), Math.abs(a.id - s.id), i, j]);
  }));
  candidates.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
  const sentTaken = new Set<number>();
  const arrivalTaken = new Set<number>();
  const chosen: [number, number][] = [];
  for (const [, , i, j] of candidates) {
    if (sentTaken.has(i) || arrivalTaken.has(j)) continue;
    sentTaken.add(i);
    arrivalTaken.add(j);
    chosen.push([i, j]);
  }
  return chosen.sort((x, y) => x[0] - y[0]).map(([i, j]) => ({ sent: sent[i].id, received: structuredClone(arrivals[j]) }));
}

/** `matching` is every entry the query's filter keeps (cursor and limit aside), any order. */
export function historyPage(all: HistoryEntry[], matching: HistoryEntry[], query: HistoryQuery): HistoryPage {
  const limit = Math.min(Math.max(query.limit ?? 200, 1), 5000);
  const newest = [...matching].sort((a, b) => b.id - a.id);
  const older = query.before == null ? newest : newest.filter((e) => e.id < query.before!);
  const entries = older.slice(0, limit).map((e) => structuredClone(e));
  const sent = entries.filter((e) => e.channel !== 'receive');
  return {
    entries,
    total: matching.length,
    nextBefore: older.length > limit ? entries.at(-1)!.id : null,
    pairs: pairs(sent, all.filter((e) => e.channel === 'receive')),
  };
}

/** `count` sent messages in chat `seed`, one second apart, for tests of long histories; answers
 * the last id. */
export function seedSent(history: HistoryEntry[], profileId: string, count: number): number {
  let id = Math.max(0, ...history.map((e) => e.id));
  const start = Date.now() - count * 1000;
  for (let i = 1; i <= count; i++) {
    const body = JSON.stringify({ message: { chatId: 'seed', text: `seeded ${i}` } });
    history.push({
      id: ++id, time: start + i * 1000, profileId, channel: 'send', replayOf: null, method: 'POST', url: 'https://demo.example.com/chat/seed',
      requestHeaders: [['Content-Type', 'application/json']], body, status: 200, responseHeaders: [], response: '{"success":true}',
      elapsedMicros: 20_000, signing: 'correct', verdict: null, failure: null, chatId: 'seed', text: `seeded ${i}`,
    });
  }
  return id;
}
