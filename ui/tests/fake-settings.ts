// The settings and update half of the fake backend (browser tests only), answering with the
// generated payload types. The settings "file" is a localStorage key, so it outlives a reload
// as the real file does; its rules mirror core's settings.rs closely enough to drive the UI's
// error display (all changes or none, the field named). The update feed is a scenario a test
// picks: latest, offered, a refused signature, a build without an update key, an unreachable feed.
import type { AvailableUpdate } from '../src/bindings/AvailableUpdate';
import type { DownloadedUpdate } from '../src/bindings/DownloadedUpdate';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { Settings } from '../src/bindings/Settings';
import type { SettingsField } from '../src/bindings/SettingsField';
import type { SettingsView } from '../src/bindings/SettingsView';
import type { UpdateProgress } from '../src/bindings/UpdateProgress';
import type { Channel } from '@tauri-apps/api/core';
import type { FakeCommands } from './fake-ipc';

/** Where the fake keeps its settings file (not the UI's own cache keys). */
export const FAKE_SETTINGS_KEY = 'textgate.fake.settings-file';

export type UpdateScenario = 'latest' | 'offered' | 'signature' | 'unconfigured' | 'feed';

const DEFAULTS: Settings = { language: 'system', theme: 'system', checkUpdatesOnStart: false, updateFeed: null, receiverPort: 8790 };
const LANGUAGES = ['system', 'en', 'es', 'ru', 'uk', 'kk', 'pl', 'ro', 'uz', 'vi'];
const THEMES = ['system', 'light', 'dark'];
const FIELDS: SettingsField[] = ['language', 'theme', 'checkUpdatesOnStart', 'updateFeed', 'receiverPort'];

export const OFFERED: AvailableUpdate = {
  version: '0.2.0',
  currentVersion: '0.1.0',
  notes: 'Logs you can send with a bug report.\nThe UI in nine languages.',
  date: '2026-11-20T10:00:00Z',
};
/** The offered file's size, sent in three chunks. */
export const UPDATE_BYTES = 3_000_000;

const invalid = (setting: SettingsField, message: string): IpcError => ({ code: 'invalid_setting', message, params: {}, field: null, fields: [], setting });
const fail = (code: ErrorCode, message: string, params: IpcError['params'] = {}): IpcError => ({ code, message, params, field: null, fields: [] });

function check(settings: Settings, field: SettingsField, value: unknown): void {
  const s = settings as Record<SettingsField, unknown>;
  switch (field) {
    case 'language':
    case 'theme':
      if (typeof value !== 'string' || !(field === 'language' ? LANGUAGES : THEMES).includes(value))
        throw invalid(field, `${JSON.stringify(value)} is not a ${field}`);
      s[field] = value;
      return;
    case 'checkUpdatesOnStart':
      if (typeof value !== 'boolean') throw invalid(field, `${JSON.stringify(value)} is not a yes/no value`);
      s[field] = value;
      return;
    case 'receiverPort':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535)
        throw invalid(field, `${JSON.stringify(value)} is not a receiver port: use a number from 1 to 65535`);
      s[field] = value;
      return;
    case 'updateFeed': {
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        s[field] = null;
        return;
      }
      const url = typeof value === 'string' && URL.canParse(value.trim()) ? new URL(value.trim()) : null;
      if (!url || url.protocol !== 'https:' || !url.hostname) throw invalid(field, `The update feed must be an https:// address, not “${value}”`);
      s[field] = url.toString();
    }
  }
}

export class FakeSettings {
  scenario: UpdateScenario = 'latest';
  /** Sentences get_settings reports about the file (as Rust's lenient read does). */
  warnings: string[] = [];
  /** How many times the update feed was asked (a check at start with the setting off asks none). */
  feedAsked = 0;
  /** Set to hold a download after its first chunk until `releaseDownload()`. */
  holdDownload = false;
  #release: (() => void) | null = null;
  #downloaded = false;

  read(): Settings {
    try {
      return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(FAKE_SETTINGS_KEY) ?? '{}') };
    } catch {
      return { ...DEFAULTS };
    }
  }

  write(settings: Partial<Settings>) {
    localStorage.setItem(FAKE_SETTINGS_KEY, JSON.stringify({ ...this.read(), ...settings }));
  }

  releaseDownload() {
    this.#release?.();
    this.holdDownload = false;
  }

  readonly commands = {
    getSettings: (): SettingsView => ({ settings: this.read(), warnings: this.warnings }),
    saveSettings: (changes: Partial<Settings>): SettingsView => {
      const next = this.read();
      for (const field of FIELDS) if (field in changes) check(next, field, (changes as Record<string, unknown>)[field]);
      this.write(next);
      return { settings: next, warnings: [] };
    },
    startupUpdateCheck: () => {
      if (!this.read().checkUpdatesOnStart || this.scenario === 'unconfigured') return null;
      return this.#check();
    },
    checkForUpdate: () => this.#check(),
    downloadUpdate: (onProgress: Channel<UpdateProgress>) => this.#download(onProgress),
    installUpdate: () => {
      if (!this.#downloaded) throw fail('update_not_downloaded', 'No update has been downloaded yet: download it first');
      return null;
    },
  } satisfies Partial<FakeCommands>;

  #check(): AvailableUpdate | null {
    if (this.scenario === 'unconfigured')
      throw fail('update_not_configured', 'Updates are not configured for this build: it was built without the release signing key');
    this.feedAsked++;
    if (this.scenario === 'feed')
      throw fail('update_feed', 'Could not check for updates at https://updates.example.com/latest.json: connection refused', {
        feed: 'https://updates.example.com/latest.json',
        detail: 'connection refused',
      });
    return this.scenario === 'latest' ? null : structuredClone(OFFERED);
  }

  async #download(channel: Channel<UpdateProgress>): Promise<DownloadedUpdate> {
    const send = (index: number, progress: UpdateProgress) =>
      (window as any).__TAURI_INTERNALS__.runCallback(channel.id, { index, message: progress });
    const chunk = UPDATE_BYTES / 3;
    send(0, { downloaded: chunk, total: UPDATE_BYTES });
    if (this.holdDownload) await new Promise<void>((resolve) => (this.#release = resolve));
    send(1, { downloaded: chunk * 2, total: UPDATE_BYTES });
    send(2, { downloaded: UPDATE_BYTES, total: UPDATE_BYTES });
    if (this.scenario === 'signature')
      throw fail('update_signature', "The update was refused: its signature does not match this build's update key (the file was altered, or signed by someone else). Nothing was installed. (signature mismatch)", { detail: 'signature mismatch' });
    this.#downloaded = true;
    return { version: OFFERED.version, bytes: UPDATE_BYTES };
  }
}
