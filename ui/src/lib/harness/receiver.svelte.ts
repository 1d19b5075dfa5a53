// The local receiver as the UI sees it: settings, whether it runs (and for which profile), and
// its live log, newest first. Requests arrive over a Tauri channel in batches, already stored
// in the history; the log keeps the newest LIVE_WINDOW and counts the rest (passed over by the
// backend or pushed out here) as not shown live. Reopening the tab reloads it from the history.
import { Channel } from '@tauri-apps/api/core';
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { LiveBatch } from '../../bindings/LiveBatch';
import type { PlanSpec } from '../../bindings/PlanSpec';
import type { ReceiverInfo } from '../../bindings/ReceiverInfo';
import { harnessApi } from './api';
import { explain, type Explained } from '../error-explained';
import { toIpcError } from '../backend';

/** The most entries the live log holds (the backend sends at most as many at a time). */
export const LIVE_WINDOW = 200;

class ReceiverState {
  port = $state(8790);
  path = $state('/hook');
  status = $state(200);
  body = $state('{"success":true}');
  delayMs = $state(0);
  /** The answer plan (a receiver that fails on purpose) and the fields each kind needs. */
  planKind = $state<PlanSpec['kind']>('normal');
  failCount = $state(2);
  failStatus = $state(500);
  failPercent = $state(30);
  seed = $state(1);
  info = $state<ReceiverInfo | null>(null);
  entries = $state<HistoryEntry[]>([]);
  /** Requests stored in the history since the start but not in the live log. */
  notShown = $state(0);
  /** Requests since the start that the history could not keep (the database refused them). */
  notRecorded = $state(0);
  busy = $state(false);
  /** The last failure, explained; `port` says the Port field is what it is about. */
  error = $state<(Explained & { port: boolean }) | null>(null);
  #profileId: string | null = null;

  /** Settings' default port became `next` (was `before`, null at start): the panel starts on
   *  it while stopped, unless the admin typed another port there. */
  defaultPortChanged(before: number | null, next: number) {
    const untouched = before === null || this.port === before;
    if (untouched && this.info === null) this.port = next;
  }

  /** Running for this profile? */
  runningFor(profileId: string) {
    return this.info !== null && this.info.profileId === profileId;
  }

  /** Syncs with the backend when the tab opens for `profileId`. */
  async open(profileId: string) {
    if (this.#profileId !== profileId) {
      this.#profileId = profileId;
      this.entries = [];
      this.notShown = 0;
      this.notRecorded = 0;
      this.error = null;
    }
    try {
      this.info = await harnessApi.receiverStatus();
      if (this.info?.profileId === profileId && this.entries.length === 0) {
        this.entries = await harnessApi.searchHistory({ profileId, channel: 'receive', limit: LIVE_WINDOW, chatId: null, text: null, status: null });
      }
    } catch (error) {
      this.error = failed(error);
    }
  }

  async start(profileId: string) {
    this.busy = true;
    this.error = null;
    try {
      const answer = { status: Number(this.status), body: this.body, delayMs: Math.max(0, Number(this.delayMs) || 0), plan: this.plan() };
      this.entries = [];
      this.notShown = 0;
      this.notRecorded = 0;
      this.info = await harnessApi.startReceiver(profileId, Number(this.port), this.path, answer, new Channel<LiveBatch>((batch) => this.#arrived(batch)));
    } catch (error) {
      this.error = failed(error);
    } finally {
      this.busy = false;
    }
  }

  /** The plan as the backend takes it (core checks the numbers). */
  plan(): PlanSpec {
    switch (this.planKind) {
      case 'failFirst':
        return { kind: 'failFirst', count: Number(this.failCount), status: Number(this.failStatus) };
      case 'failRate':
        return { kind: 'failRate', percent: Number(this.failPercent), seed: Number(this.seed) };
      default:
        return { kind: this.planKind };
    }
  }

  /** A batch from the backend: newest first on top, the log cut to LIVE_WINDOW. */
  #arrived(batch: LiveBatch) {
    const mine = batch.entries.filter((entry) => entry.profileId === this.#profileId);
    this.notRecorded += batch.notRecorded;
    if (mine.length === 0 && batch.notShown === 0) return;
    const all = [...mine.reverse(), ...this.entries];
    this.notShown += batch.notShown + Math.max(0, all.length - LIVE_WINDOW);
    this.entries = all.slice(0, LIVE_WINDOW);
  }

  async stop() {
    this.busy = true;
    try {
      await harnessApi.stopReceiver();
      this.info = null;
    } catch (error) {
      this.error = failed(error);
    } finally {
      this.busy = false;
    }
  }
}

export const receiver = new ReceiverState();

/** A failure to show; a port the receiver cannot listen on is the Port field's. */
function failed(thrown: unknown): Explained & { port: boolean } {
  return { ...explain(thrown), port: toIpcError(thrown).code === 'receiver_port' };
}
