// The About dialog's commands for the browser tests: `diagnostics`, `diagnosticsText` (built
// as core's Diagnostics::to_text builds it) and `openLogFolder`, which records each call and
// fails as the Rust side does when told to (no log folder, or the file manager refused).
import type { Diagnostics } from '../src/bindings/Diagnostics';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { FakeCommands } from './fake-ipc';

export interface AboutOptions {
  keychainError?: string | null;
  /** `none`: the OS reports no log folder; `fail`: opening it fails. */
  logFolder?: 'ok' | 'none' | 'fail';
  /** Deep folders, to see long paths wrap. */
  longPaths?: boolean;
}

export class FakeAbout {
  opened = 0;
  facts: Diagnostics;

  constructor(private options: AboutOptions = {}) {
    const home = options.longPaths
      ? '/home/anastasiia.kovalenko-shevchenko/Documents/Work/Webitel integrations/portable profiles/textgate-data-2026'
      : '/home/ann/.local/share/com.textgate.desktop';
    this.facts = {
      program: 'Textgate',
      version: '0.1.0',
      commit: '7057603',
      os: 'Ubuntu 24.04 (64-bit)',
      arch: 'x86_64',
      webview: 'WebKitGTK 2.48.1',
      keychain: 'Secret Service (D-Bus)',
      keychainError: options.keychainError ?? null,
      dataDir: home,
      logDir: options.logFolder === 'none' ? null : `${home}/logs`,
    };
  }

  readonly commands = {
    diagnostics: () => structuredClone(this.facts),
    diagnosticsText: () => toText(this.facts),
    openLogFolder: () => {
      if (this.options.logFolder === 'none') throw fail('no_log_folder', 'This computer reports no folder for log files');
      if (this.options.logFolder === 'fail') {
        throw fail('open_failed', `Cannot open ${this.facts.logDir}: no application is registered to open folders`);
      }
      this.opened++;
      return null;
    },
  } satisfies Partial<FakeCommands>;
}

/** As textgate_logging::diagnostics::Diagnostics::to_text. */
export function toText(d: Diagnostics): string {
  const keychain = d.keychainError === null ? `${d.keychain}: available` : `${d.keychain}: not available: ${d.keychainError}`;
  return [
    `${d.program} ${d.version} (commit ${d.commit})`,
    `OS: ${d.os} ${d.arch}`,
    `Web view: ${d.webview ?? 'none (command line)'}`,
    `Keychain: ${keychain}`,
    `Data folder: ${d.dataDir ?? 'unknown'}`,
    `Log folder: ${d.logDir ?? 'unknown'}`,
  ].join('\n') + '\n';
}

function fail(code: ErrorCode, message: string): IpcError {
  return { code, message, params: {}, field: null, fields: [] };
}
