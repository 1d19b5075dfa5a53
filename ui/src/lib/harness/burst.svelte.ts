// The burst section: N signed messages at concurrency C to the gateway, live progress, and
// the report (throughput, percentiles, errors by kind, latency histogram).
import { Channel } from '@tauri-apps/api/core';
import type { BurstProgress } from '../../bindings/BurstProgress';
import type { BurstReport } from '../../bindings/BurstReport';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

class BurstState {
  count = $state(200);
  concurrency = $state(10);
  url = $state('');
  running = $state(false);
  progress = $state<BurstProgress | null>(null);
  report = $state<BurstReport | null>(null);
  error = $state<string | null>(null);

  /** Forgets the last run (the count, concurrency and URL typed stay). */
  reset() {
    this.report = null;
    this.progress = null;
    this.error = null;
  }

  async run(profileId: string) {
    this.running = true;
    this.error = null;
    this.report = null;
    this.progress = { sent: 0, succeeded: 0, total: Number(this.count), elapsedMicros: 0 };
    try {
      this.report = await harnessApi.runBurst(profileId, Number(this.count), Number(this.concurrency), this.url.trim() || null, new Channel<BurstProgress>((p) => {
        this.progress = p;
      }));
      this.progress = { sent: this.report.sent, succeeded: this.report.succeeded, total: this.report.sent, elapsedMicros: this.report.elapsedMicros };
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.running = false;
    }
  }
}

export const burst = new BurstState();
