// The app's preferences as the UI holds them: read from the Rust settings file (the source of
// truth) before the window is first drawn, applied (language, theme, the Receive panel's port),
// and saved through save_settings, which takes all the changes or none.
import type { IpcError } from '../bindings/IpcError';
import type { Settings } from '../bindings/Settings';
import type { SettingsField } from '../bindings/SettingsField';
import { backend, toIpcError } from './backend';
import { receiver } from './harness/receiver.svelte';
import { setAppLocale } from './i18n.svelte';
import { applyTheme } from './theme';

class SettingsState {
  current = $state<Settings | null>(null);
  /** What was wrong in the settings file (values replaced by their defaults), as Rust says it. */
  warnings = $state<string[]>([]);
  dialogOpen = $state(false);
  /** Why the settings could not be read at start (the app then runs on the defaults). */
  loadError = $state<string | null>(null);

  /** Reads the settings and applies them; called once before the app is mounted. */
  async load() {
    try {
      const view = await backend.getSettings();
      this.warnings = view.warnings;
      this.#apply(view.settings);
    } catch (error) {
      this.loadError = toIpcError(error).message;
    }
  }

  /** Saves `changes`; on success applies them, on failure throws the IPC error (nothing saved). */
  async save(changes: Partial<Settings>): Promise<void> {
    const view = await backend.saveSettings(changes);
    this.warnings = view.warnings;
    this.#apply(view.settings);
  }

  #apply(next: Settings) {
    const before = this.current;
    this.current = next;
    setAppLocale(next.language);
    applyTheme(next.theme);
    // The Receive panel starts on the default port; a port typed there is left alone.
    receiver.defaultPortChanged(before?.receiverPort ?? null, next.receiverPort);
  }
}

export const settings = new SettingsState();

/** The field an `invalid_setting` error names (null when it names none, or is another error). */
export function settingOf(error: IpcError): SettingsField | null {
  return error.code === 'invalid_setting' ? (error.setting ?? null) : null;
}
