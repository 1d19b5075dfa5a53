// Every call the UI makes to the Rust side goes through here, so the UI can run in a browser
// with the backend mocked (see tests/harness.ts). The commands, their arguments and payload
// types are generated from Rust (bindings/commands.ts): no command is named here.
import { open, save } from '@tauri-apps/plugin-dialog';
import { writeText } from '@tauri-apps/plugin-clipboard-manager';
import { commands } from '../bindings/commands';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { IpcError } from '../bindings/IpcError';

export const backend = {
  ...commands,
  copyText: (text: string) => writeText(text),
  /** The OS save dialog: the path the admin chose, or null when cancelled. The Rust command
   * given that path writes the file (the UI never touches the file system itself). */
  chooseSavePath: (title: string, defaultPath: string, filters: FileFilter[]) => save({ title, defaultPath, filters }),
  /** The OS open dialog for one file: its path, or null when cancelled. */
  chooseOpenPath: (title: string, filters: FileFilter[]) =>
    open({ title, multiple: false, directory: false, filters }).then((path) => (typeof path === 'string' ? path : null)),
};

/** A file-type choice in the save and open dialogs, e.g. `{ name: 'HAR', extensions: ['har'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Turns whatever a call threw into the `{code, message}` shape the Rust side sends. */
export function toIpcError(error: unknown): IpcError {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const e = error as Partial<IpcError>;
    return {
      // Rust's IpcError: its code is one of ErrorCode (`errorText` copes with one it does not know).
      code: String(e.code) as ErrorCode,
      message: String(e.message),
      params: e.params ?? {},
      field: e.field ?? null,
      fields: e.fields ?? [],
      ...(e.setting ? { setting: e.setting } : {}),
    };
  }
  return { code: 'unexpected', message: String(error), params: {}, field: null, fields: [] };
}
