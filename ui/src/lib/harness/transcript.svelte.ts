// A chat's transcript from the history: every entry for one chat id, oldest first, both
// directions. An emulated delivery that the local receiver also logged is one bubble with
// both the sender's status and the receiver's verdict.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { Verdict } from '../../bindings/Verdict';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

export interface Bubble {
  id: number;
  side: 'client' | 'webitel';
  time: number;
  text: string;
  /** The delivery: sent entries carry a status; received ones a verdict too. */
  entry: HistoryEntry;
  verdict: Verdict | null;
  received: HistoryEntry | null;
}

/** What a body says, for a bubble: the text, the file, or the event. */
export function describeBody(entry: HistoryEntry): string {
  if (entry.text) return entry.text;
  try {
    const event = JSON.parse(entry.body);
    if (event.close) return '\u2014 chat closed \u2014';
    if (event.message?.file) return `\ud83d\udcce ${event.message.file.name || event.message.file.url}`;
    if (event.broadcast) return `broadcast ${event.broadcast.eventId}`;
  } catch {
    /* not JSON: show the bytes */
  }
  return entry.body;
}

export function buildBubbles(entries: HistoryEntry[]): Bubble[] {
  const sorted = [...entries].sort((a, b) => a.time - b.time || a.id - b.id);
  const received = sorted.filter((e) => e.channel === 'receive');
  const used = new Set<number>();
  const bubbles: Bubble[] = [];
  for (const entry of sorted) {
    if (entry.channel === 'receive') continue;
    const twin = entry.channel === 'emulate'
      ? received.find((r) => !used.has(r.id) && r.body === entry.body && Math.abs(r.time - entry.time) < 10_000)
      : undefined;
    if (twin) used.add(twin.id);
    bubbles.push({
      id: entry.id, side: entry.channel === 'send' ? 'client' : 'webitel', time: entry.time,
      text: describeBody(entry), entry, verdict: twin?.verdict ?? null, received: twin ?? null,
    });
  }
  for (const entry of received) {
    if (used.has(entry.id)) continue;
    bubbles.push({ id: entry.id, side: 'webitel', time: entry.time, text: describeBody(entry), entry, verdict: entry.verdict, received: entry });
  }
  return bubbles.sort((a, b) => a.time - b.time || a.id - b.id);
}

class TranscriptState {
  chats = $state<string[]>([]);
  chatId = $state('');
  bubbles = $state<Bubble[]>([]);
  error = $state<string | null>(null);

  /** Forgets the chats and bubbles shown (the chat id typed stays). */
  reset() {
    this.bubbles = [];
    this.chats = [];
  }

  async load(profileId: string) {
    try {
      const all = await harnessApi.searchHistory({ profileId, chatId: null, text: null, status: null, channel: null, limit: 1000 });
      const seen: string[] = [];
      for (const entry of all) {
        if (entry.chatId && !entry.chatId.startsWith('broadcast:') && !seen.includes(entry.chatId)) seen.push(entry.chatId);
      }
      this.chats = seen;
      if (!this.chatId || !seen.includes(this.chatId)) this.chatId = seen[0] ?? '';
      await this.show(profileId);
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async show(profileId: string) {
    this.error = null;
    if (!this.chatId) {
      this.bubbles = [];
      return;
    }
    try {
      const entries = await harnessApi.searchHistory({ profileId, chatId: this.chatId, text: null, status: null, channel: null, limit: 1000 });
      this.bubbles = buildBubbles(entries);
    } catch (error) {
      this.error = errorText(error);
    }
  }
}

export const transcript = new TranscriptState();
