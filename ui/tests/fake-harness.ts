// The harness half of the fake backend (browser tests only): a fake gateway that checks
// X-Webitel-Sign with the profile's secret (403 on a mismatch, 500 on bad JSON), a fake local
// receiver whose requests arrive over the real Tauri channel mechanism, emulated agent actions
// rendered from the profile's templates, history search/replay, a burst and the signature lab.
import type { Channel } from '@tauri-apps/api/core';
import type { AgentAction } from '../src/bindings/AgentAction';
import type { AnswerSpec } from '../src/bindings/AnswerSpec';
import type { BurstProgress } from '../src/bindings/BurstProgress';
import type { HistoryEntry } from '../src/bindings/HistoryEntry';
import type { HistoryQuery } from '../src/bindings/HistoryQuery';
import type { InboundDraft } from '../src/bindings/InboundDraft';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { LabRequest } from '../src/bindings/LabRequest';
import type { LabResult } from '../src/bindings/LabResult';
import type { LiveBatch } from '../src/bindings/LiveBatch';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { Signing } from '../src/bindings/Signing';
import type { Verdict } from '../src/bindings/Verdict';
import type { FakeCommands } from './fake-ipc';
import { sha1Sign, spoil, standardSign, webitelSign, webitelVerify, whsecKey } from './fake-crypto';
import { historyPage, seedSent } from './fake-history-page';
import { checkPlan, FakePlanner, senderFailure } from './fake-receiver-plan';
import { curlCommands } from './fake-curl';
import { exportHistory, proveSecret, type FakeExport } from './fake-export-rotate';
import type { ExportFormat } from '../src/bindings/ExportFormat';

// As core: the code, the English sentence and the data it is made of (IpcError.params).
/** The port another program holds in the fake (the receiver's default is elsewhere). */
export const BUSY_PORT = 8780;

const fail = (code: ErrorCode, message: string, params: IpcError['params'] = {}): IpcError => ({ code, message, params, field: null, fields: [] });
type ChannelArg = { id: number };
type Answer = AnswerSpec;

/** Drops empty strings, zeros, nulls and empty objects, as the Rust types' omitempty. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || v === 0 || v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

export function encodeDraft(draft: InboundDraft): string {
  if (draft.kind === 'close') return JSON.stringify({ close: { chatId: draft.chatId } });
  if (draft.kind === 'broadcastFailure')
    return JSON.stringify({ broadcast: compact({ eventId: draft.eventId, recipients: draft.recipients.map((r) => compact({ ...r })) }) });
  const { chatId, messageId, sender, text, file, metadata, date } = draft;
  const fileOut = file ? compact({ url: file.url, mime: file.mime, size: file.size, name: file.name }) : null;
  return JSON.stringify({
    message: compact({ id: messageId, chatId, sender: compact({ ...sender }), date, text, file: fileOut, metadata }),
  });
}

function chatAndText(body: string): { chatId: string | null; text: string | null } {
  try {
    const e = JSON.parse(body);
    if (e.close) return { chatId: e.close.chatId || null, text: null };
    if (e.broadcast) return { chatId: `broadcast:${e.broadcast.eventId}`, text: e.broadcast.text || null };
    if (e.message) return { chatId: e.message.chatId || null, text: e.message.text || null };
  } catch {
    /* not an event */
  }
  return { chatId: null, text: null };
}

export class FakeHarness {
  history: HistoryEntry[] = [];
  exports: FakeExport[] = [];
  receiver: { url: string; profileId: string; channel: ChannelArg; answer: Answer; index: number; planner: FakePlanner } | null = null;
  #nextId = 1;

  constructor(private profiles: Map<string, ProfileView>) {}

  readonly commands = {
    senderTypes: () => ['telegram', 'viber', 'whatsapp', 'facebook', 'instagram', 'web', 'email'],
    composeInbound: (draft: InboundDraft) => encodeDraft(draft),
    sendToGateway: (profileId: string, body: string, signing: Signing, url: string | null) => this.#send(profileId, body, signing, url),
    searchHistory: (query: HistoryQuery) => this.search(query),
    historyPage: (query: HistoryQuery) => historyPage(this.history, this.search({ ...query, before: undefined, limit: Number.MAX_SAFE_INTEGER }), query),
    replayHistory: (id: number, resign: boolean) => this.#replay(id, resign),
    clearHistory: (profileId: string | null) => {
      const before = this.history.length;
      this.history = this.history.filter((e) => e.profileId !== profileId);
      return before - this.history.length;
    },
    startReceiver: (profileId: string, port: number, path: string, answer: AnswerSpec, onRequest: Channel<LiveBatch>) =>
      this.#start(profileId, port, path, answer, onRequest),
    stopReceiver: () => {
      this.receiver = null;
      return null;
    },
    receiverStatus: () => (this.receiver ? { url: this.receiver.url, profileId: this.receiver.profileId } : null),
    emulateWebitel: (profileId: string, action: AgentAction, url: string | null) => this.#emulate(profileId, action, url),
    runBurst: (profileId: string, count: number, concurrency: number, url: string | null, onProgress: Channel<BurstProgress>) =>
      this.#burst(profileId, count, concurrency, url, onProgress),
    signatureLab: (request: LabRequest) => this.#lab(request),
    ...curlCommands(this),
    exportHistory: (query: HistoryQuery, format: ExportFormat, path: string) => exportHistory(this, query, format, path),
    proveSecret: (profileId: string, url: string | null) => proveSecret(this, profileId, url),
  } satisfies Partial<FakeCommands>;

  secretOf(profileId: string) {
    return this.#profile(profileId).secret!;
  }

  /** Where the Send (gateway) or Webitel (callback) form would send for `profileId`. */
  target(profileId: string, url: string | null, form: 'send' | 'emulate') {
    const profile = this.#profile(profileId);
    const target = url?.trim() || (form === 'send' ? profile.webhookUrl : profile.callback);
    if (!/^https?:\/\//.test(target)) throw fail('no_target', `\u201c${profile.name}\u201d has nowhere to send to: give a URL`);
    return target;
  }

  /** Posts with exactly these headers (their signature, if any) and records it. */
  async sendExact(profileId: string, channel: 'send' | 'emulate', url: string, headers: [string, string][], body: string, signing: Signing, replayOf: number | null) {
    const profile = this.#profile(profileId);
    const sign = headers.find(([n]) => n.toLowerCase() === 'x-webitel-sign')?.[1] ?? null;
    const answer = await this.#post(url, body, profile.secret!, sign);
    return this.#record({
      profileId, channel, replayOf, method: 'POST', url, requestHeaders: headers, body, status: answer.status, response: answer.response,
      responseHeaders: [], elapsedMicros: answer.micros, signing, verdict: null, failure: answer.failure ?? null,
    });
  }

  #profile(id: string): ProfileView {
    const view = this.profiles.get(id);
    if (!view) throw fail('not_found', `No gateway profile with id ${id}`, { id });
    if (!view.secret) throw fail('no_secret', `\u201c${view.name}\u201d has no app secret in the keychain: set or generate one first`, { profile: view.name });
    return view;
  }

  #record(entry: Omit<HistoryEntry, 'id' | 'time' | 'chatId' | 'text'>): HistoryEntry {
    const full: HistoryEntry = { id: this.#nextId++, time: Date.now(), ...entry, ...chatAndText(entry.body) };
    this.history.push(full);
    return structuredClone(full);
  }

  /** A remote endpoint: the fake gateway checks the signature, a callback just answers 200. */
  async #post(url: string, body: string, secret: string, sign: string | null) {
    const started = performance.now();
    if (this.receiver && url === this.receiver.url) {
      const got = await this.deliverToReceiver(body, sign);
      const failure = senderFailure({ status: got.status, failure: got.failure }, url);
      if (failure) return { status: null, response: '', micros: 1500, failure };
      const answer = got.status === this.receiver.answer.status ? this.receiver.answer.body : '{"error":"textgate receiver: failing on purpose"}';
      return { status: got.status, response: answer, micros: Math.round((performance.now() - started) * 1000) + 800 };
    }
    if (url.includes('unreachable')) return { status: null, response: '', micros: 1200, failure: { kind: 'connect' as const, message: `Cannot connect to ${url}: nothing answers there` } };
    if (url.includes('/chat/')) {
      const verdict = await webitelVerify(secret, body, sign);
      if (verdict.verdict !== 'valid') return { status: 403, response: '', micros: 21_000 };
      try {
        JSON.parse(body);
      } catch {
        return { status: 500, response: '{"error":"custom: invalid character in body"}', micros: 19_000 };
      }
      return { status: 200, response: '{"success":true}', micros: 24_000 };
    }
    return { status: 200, response: '', micros: 35_000 };
  }

  async #signature(secret: string, body: string, signing: Signing): Promise<string | null> {
    if (signing === 'unsigned') return null;
    const good = await webitelSign(secret, body);
    return signing === 'wrong' ? spoil(good) : good;
  }

  async #sendSigned(profile: ProfileView, channel: 'send' | 'emulate', url: string, body: string, signing: Signing, replayOf: number | null = null) {
    const sign = await this.#signature(profile.secret!, body, signing);
    const answer = await this.#post(url, body, profile.secret!, sign);
    return this.#record({
      profileId: profile.id, channel, replayOf, method: 'POST', url,
      requestHeaders: [['Content-Type', 'application/json'], ...(sign ? [['X-Webitel-Sign', sign] as [string, string]] : [])],
      body, status: answer.status, response: answer.response,
      responseHeaders: answer.status === null ? [] : [['content-type', 'application/json'], ['content-length', String(answer.response.length)]],
      elapsedMicros: answer.micros, signing, verdict: null, failure: answer.failure ?? null,
    });
  }

  async #send(profileId: string, body: string, signing: Signing, url: string | null) {
    const profile = this.#profile(profileId);
    const target = url?.trim() || profile.webhookUrl;
    if (!/^https?:\/\//.test(target))
      throw fail('no_target', `\u201c${profile.name}\u201d has no server, so its URI ${profile.uri} is not an address to send to: pick a server or give a URL`);
    return this.#sendSigned(profile, 'send', target, body, signing);
  }

  /** A request reaches the fake receiver: verdict with the receiver's profile secret, stored, streamed. */
  async deliverToReceiver(body: string, sign: string | null, path?: string) {
    const r = this.receiver;
    if (!r) throw new Error('the fake receiver is not running');
    const verdict: Verdict = await webitelVerify(this.profiles.get(r.profileId)!.secret!, body, sign);
    const url = path ? r.url.replace(/\/[^/]*$/, path) : r.url;
    const outcome = r.planner.next();
    const entry = this.#record({
      profileId: r.profileId, channel: 'receive', replayOf: null, method: 'POST', url,
      requestHeaders: [['host', new URL(r.url).host], ['content-type', 'application/json'], ...(sign ? [['x-webitel-sign', sign] as [string, string]] : [])],
      body, status: outcome.status, responseHeaders: [], response: '', elapsedMicros: null, signing: null, verdict, failure: outcome.failure,
    });
    this.#stream({ entries: [entry], notShown: 0, notRecorded: 0, historyError: null });
    return entry;
  }

  /** `count` unsigned requests arrive at once: all stored, and the one batch the backend would
   * send (the newest `window`, the rest counted as not shown). */
  flood(count: number, window: number) {
    const r = this.receiver;
    if (!r) throw new Error('the fake receiver is not running');
    const entries: HistoryEntry[] = [];
    for (let i = 1; i <= count; i++) {
      entries.push(this.#record({
        profileId: r.profileId, channel: 'receive', replayOf: null, method: 'POST', url: r.url,
        requestHeaders: [['host', new URL(r.url).host]], body: `{"message":{"chatId":"flood","text":"n${i}"}}`,
        status: r.answer.status, responseHeaders: [], response: '', elapsedMicros: null, signing: null,
        verdict: { verdict: 'missing' }, failure: null,
      }));
    }
    this.#stream({ entries: entries.slice(-window), notShown: Math.max(0, count - window), notRecorded: 0, historyError: null });
  }

  /** `count` requests arrive while the history refuses every write: the batch the backend then
   * sends has no entries, only the count it could not keep and why. */
  historyFails(count: number) {
    if (!this.receiver) throw new Error('the fake receiver is not running');
    this.#stream({ entries: [], notShown: 0, notRecorded: count, historyError: 'Database error: disk I/O error' });
  }

  #stream(batch: LiveBatch) {
    const r = this.receiver!;
    (window as any).__TAURI_INTERNALS__.runCallback(r.channel.id, { index: r.index++, message: batch });
  }

  #start(profileId: string, port: number, path: string, answer: Answer, channel: ChannelArg) {
    this.#profile(profileId);
    if (port === 1) throw fail('receiver_port', 'Cannot listen on 127.0.0.1:1: Permission denied (os error 13)');
    // BUSY_PORT is held by another program here; core finds the free one beside it.
    if (port === BUSY_PORT) {
      const detail = 'Address already in use (os error 98)';
      throw fail('receiver_port', `Cannot listen on 127.0.0.1:${port}: ${detail}`, { port, detail, busy: 1, suggested: port + 1 });
    }
    const url = `http://127.0.0.1:${port || 43117}${path.startsWith('/') ? path : `/${path}`}`;
    checkPlan(answer.plan);
    this.receiver = { url, profileId, channel, answer, index: 0, planner: new FakePlanner(answer) };
    return { url, profileId };
  }

  /** `count` sent entries of the receiver's (or the first) profile, for long histories. */
  seed(count: number) {
    this.#nextId = seedSent(this.history, this.receiver?.profileId ?? [...this.profiles.keys()][0], count) + 1;
  }

  search(query: HistoryQuery): HistoryEntry[] {
    const status = query.status?.trim().toLowerCase();
    if (status && !/^(\d{3}|[1-5]xx|failed)$/.test(status))
      throw fail('invalid_status_filter', `\u201c${query.status}\u201d is not a status filter: use a code such as 403, a class such as 4xx, or failed`, { value: String(query.status) });
    const text = query.text?.toLowerCase();
    return this.history
      .filter((e) => !query.profileId || e.profileId === query.profileId)
      .filter((e) => !query.chatId || e.chatId === query.chatId)
      .filter((e) => !query.channel || e.channel === query.channel)
      .filter((e) => !query.direction || (query.direction === 'received') === (e.channel === 'receive'))
      .filter((e) => query.before == null || e.id < query.before)
      .filter((e) => (query.since == null || e.time >= query.since) && (query.until == null || e.time <= query.until))
      .filter((e) => !text || (e.text ?? '').toLowerCase().includes(text) || e.body.toLowerCase().includes(text))
      .filter((e) => !status || (status === 'failed' ? e.status === null : status.endsWith('xx') ? String(e.status).startsWith(status[0]) : String(e.status) === status))
      .sort((a, b) => b.time - a.time || b.id - a.id)
      .slice(0, query.limit ?? 200)
      .map((e) => structuredClone(e));
  }

  async #replay(id: number, resign: boolean) {
    const original = this.history.find((e) => e.id === id);
    if (!original) throw fail('history_not_found', `No history entry ${id}`, { id: Number(id) });
    const profile = this.#profile(original.profileId!);
    const signing: Signing = resign ? 'correct' : (original.signing ?? (original.verdict?.verdict === 'valid' ? 'correct' : 'wrong'));
    const channel = original.channel === 'send' ? 'send' : 'emulate';
    return this.#sendSigned(profile, channel, original.url, original.body, signing, original.id);
  }

  #render(template: string, agent: Record<string, unknown>) {
    return template.trim().replace(/\$\(\s*\.(\w+)\s*\)/g, (_, field: string) => String(agent[field] ?? ''));
  }

  async #emulate(profileId: string, action: AgentAction, url: string | null) {
    const profile = this.#profile(profileId);
    const target = url?.trim() || profile.callback;
    const now = Math.floor(Date.now() / 1000);
    const text = (chatId: string, t: string) => JSON.stringify({ message: { chatId, date: now, text: t } }) + '\n';
    const bodies: string[] = [];
    switch (action.kind) {
      case 'text': bodies.push(text(action.chatId, action.text.trim())); break;
      case 'file': bodies.push(JSON.stringify({ message: { chatId: action.chatId, date: now, file: compact({ ...action.file }) } }) + '\n'); break;
      case 'join': case 'left': {
        const rendered = this.#render(profile.templates[action.kind], action.agent);
        if (rendered) bodies.push(text(action.chatId, rendered));
        break;
      }
      case 'close': {
        const notice = this.#render(profile.templates.close, {});
        if (notice) bodies.push(text(action.chatId, notice));
        bodies.push(JSON.stringify({ close: { chatId: action.chatId } }) + '\n');
        break;
      }
      case 'broadcast':
        bodies.push(JSON.stringify({ broadcast: compact({ eventId: action.eventId, recipients: action.recipients.map((r) => compact({ ...r })), text: action.text }) }) + '\n');
    }
    const entries = [];
    for (const body of bodies) entries.push(await this.#sendSigned(profile, 'emulate', target, body, 'correct'));
    return entries;
  }

  async #burst(profileId: string, count: number, concurrency: number, url: string | null, channel: ChannelArg) {
    const profile = this.#profile(profileId);
    const target = url?.trim() || profile.webhookUrl;
    if (!/^https?:\/\//.test(target)) throw fail('no_target', `\u201c${profile.name}\u201d has no server: give a URL`);
    const push = (index: number, sent: number) =>
      (window as any).__TAURI_INTERNALS__.runCallback(channel.id, { index, message: { sent, succeeded: sent, total: count, elapsedMicros: sent * 900 } });
    const steps = 4;
    for (let i = 1; i <= steps; i++) {
      await new Promise((resolve) => setTimeout(resolve, 120));
      push(i - 1, Math.round((count * i) / steps));
    }
    const failed = Math.floor(count / 50);
    const histogram = Array.from({ length: 12 }, (_, i) => ({ upperMicros: 2000 * 2 ** (i / 2), count: Math.round(count * Math.exp(-((i - 5) ** 2) / 4) / 3.5) }));
    return {
      url: target, sent: count, succeeded: count - failed, concurrency, elapsedMicros: count * 900, throughput: 1_000_000 / 900,
      latency: { answered: count, minMicros: 1800, meanMicros: 14_200, p50Micros: 12_400, p90Micros: 21_900, p99Micros: 38_700, maxMicros: 52_000 },
      errors: failed ? [{ kind: '503', count: failed }] : [],
      histogram,
    };
  }

  async #lab(request: LabRequest): Promise<LabResult> {
    const { scheme, secret, body } = request;
    const given = request.given?.trim() || null;
    if (scheme.scheme === 'webitel') {
      const signature = await webitelSign(secret, body);
      return { signature, headers: [['X-Webitel-Sign', signature]], verdict: given ? await webitelVerify(secret, body, given) : null };
    }
    if (scheme.scheme === 'sha1') {
      if (!scheme.header.trim()) throw fail('invalid_secret', 'Name the header the SHA1 signature goes in');
      const signature = await sha1Sign(secret, body);
      const g = given?.replace(/^sha1=/, '').toLowerCase();
      const verdict: Verdict | null = g ? (g === signature ? { verdict: 'valid' } : { verdict: 'invalid', reason: 'signature does not match the body and secret' }) : null;
      return { signature, headers: [[scheme.header.trim(), signature]], verdict };
    }
    whsecKey(secret);
    const signature = await standardSign(secret, scheme.id, scheme.timestamp, body);
    const stale = Math.abs(Date.now() / 1000 - scheme.timestamp) > 300;
    const verdict: Verdict | null = !given ? null
      : stale ? { verdict: 'invalid', reason: 'webhook-timestamp is too far from now (tolerance 300s)' }
      : given.split(' ').includes(signature) ? { verdict: 'valid' } : { verdict: 'invalid', reason: 'no v1 signature matches the body and secret' };
    return { signature, headers: [['webhook-id', scheme.id], ['webhook-timestamp', String(scheme.timestamp)], ['webhook-signature', signature]], verdict };
  }
}
