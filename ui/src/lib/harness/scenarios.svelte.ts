// The scenario picker's state (issue J §5), one per direction so the Send and Webitel panels
// keep their own pick: the scenarios (built-ins and the admin's own, from core), the chosen one,
// its override rows, what core renders it into (the exact bodies) and the last deliveries.
// Kept outside the component so switching sections keeps the pick.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { Override } from '../../bindings/Override';
import type { Scenario } from '../../bindings/Scenario';
import type { ScenarioDirection } from '../../bindings/ScenarioDirection';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

export class ScenarioPick {
  all = $state<Scenario[]>([]);
  name = $state('');
  chatId = $state('');
  overrides = $state<Override[]>([]);
  /** What the chosen scenario sends, exactly, with these overrides (core's rendering). */
  preview = $state<string[]>([]);
  previewError = $state<string | null>(null);
  busy = $state(false);
  results = $state<HistoryEntry[]>([]);
  error = $state<string | null>(null);

  constructor(readonly direction: ScenarioDirection) {}

  get mine(): Scenario[] {
    return this.all.filter((s) => s.direction === this.direction);
  }

  get chosen(): Scenario | undefined {
    return this.mine.find((s) => s.name === this.name);
  }

  async load() {
    try {
      this.all = await harnessApi.listScenarios();
      if (!this.chosen) this.name = this.mine[0]?.name ?? '';
    } catch (error) {
      this.error = errorText(error);
    }
  }

  /** The fresh ids core made on the first render, kept so what is sent is what was shown. */
  #fresh = { chatId: '', senderId: '', eventId: '' };

  #ids() {
    return { chatId: this.chatId.trim() || this.#fresh.chatId, senderId: this.#fresh.senderId, eventId: this.#fresh.eventId };
  }

  #rows(): Override[] {
    return this.overrides.filter((row) => row.path.trim() !== '').map((row) => ({ path: row.path.trim(), value: row.value }));
  }

  async render(profileId: string) {
    if (!this.name) return;
    try {
      const render = await harnessApi.renderScenario(profileId, this.name, this.#rows(), this.#ids());
      this.preview = render.bodies;
      this.#fresh = { chatId: this.chatId.trim() ? this.#fresh.chatId : render.ids.chatId, senderId: render.ids.senderId, eventId: render.ids.eventId };
      this.previewError = null;
    } catch (error) {
      this.preview = [];
      this.previewError = errorText(error);
    }
  }

  async send(profileId: string, url: string | null) {
    this.busy = true;
    this.error = null;
    try {
      this.results =
        this.direction === 'send'
          ? [await harnessApi.sendScenario(profileId, this.name, this.#rows(), this.#ids(), url)]
          : await harnessApi.emulateScenario(profileId, this.name, this.#rows(), this.#ids(), url);
    } catch (error) {
      this.results = [];
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  /** Saves `body` (the panel's current event) as the admin's own scenario and picks it. */
  async save(name: string, description: string, body: unknown) {
    const saved = await harnessApi.saveScenario({ name, direction: this.direction, description, body });
    await this.load();
    this.name = saved.name;
    this.overrides = [];
    return saved;
  }
}

export const scenarioPicks = { send: new ScenarioPick('send'), emulate: new ScenarioPick('emulate') };
