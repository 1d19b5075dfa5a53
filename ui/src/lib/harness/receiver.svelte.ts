// The local receiver as the UI sees it: settings, whether it runs (and for which profile), and
// its live log, newest first. Requests arrive over a Tauri channel already stored in the
// history; reopening the tab reloads the log from the history.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { ReceiverInfo } from '../../bindings/ReceiverInfo';
import { toIpcError } from '../backend';
import { harnessApi } from './api';

class ReceiverState {
  port = $state(8790);
  path = $state('/hook');
  status = $state(200);
  body = $state('{"success":true}');
  delayMs = $state(0);
  info = $state<ReceiverInfo | null>(null);
  entries = $state<HistoryEntry[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  #profileId: string | null = null;

  /** Running for this profile? */
  runningFor(profileId: string) {
    return this.info !== null && this.info.profileId === profileId;
  }

  /** Syncs with the backend when the tab opens for `profileId`. */
  async open(profileId: string) {
    if (this.#profileId !== profileId) {
      this.#profileId = profileId;
      this.entries = [];
      this.error = null;
    }
    try {
      this.info = await harnessApi.receiverStatus();
      if (this.info?.profileId === profileId && this.entries.length === 0) {
        this.entries = await harnessApi.searchHistory({ profileId, channel: 'receive', limit: 200, chatId: null, text: null, status: null });
      }
    } catch (error) {
      this.error = toIpcError(error).message;
    }
  }

  async start(profileId: string) {
    this.busy = true;
    this.error = null;
    try {
      const answer = { status: Number(this.status), body: this.body, delayMs: Math.max(0, Number(this.delayMs) || 0) };
      this.entries = [];
      this.info = await harnessApi.startReceiver(profileId, Number(this.port), this.path, answer, (entry) => {
        if (entry.profileId === this.#profileId) this.entries = [entry, ...this.entries];
      });
    } catch (error) {
      this.error = toIpcError(error).message;
    } finally {
      this.busy = false;
    }
  }

  async stop() {
    this.busy = true;
    try {
      await harnessApi.stopReceiver();
      this.info = null;
    } catch (error) {
      this.error = toIpcError(error).message;
    } finally {
      this.busy = false;
    }
  }
}

export const receiver = new ReceiverState();
