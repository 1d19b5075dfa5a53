// Profile export and import for the browser tests: an exported "file" is a snapshot of the
// profiles kept under its path (with the passphrase it was sealed with), and an import matches
// it against the fake's profiles as core does in short (same URI: unchanged, updated, or a
// conflict when pushed with edits here; otherwise added). The real rules are tested in Rust.
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { ExportOutcome } from '../src/bindings/ExportOutcome';
import type { ImportItem } from '../src/bindings/ImportItem';
import type { ImportPreview } from '../src/bindings/ImportPreview';
import type { ImportReport } from '../src/bindings/ImportReport';
import type { IpcError } from '../src/bindings/IpcError';
import type { ProfileField } from '../src/bindings/ProfileField';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { FakeCommands } from './fake-ipc';

interface FakeFile {
  profiles: ProfileView[];
  passphrase: string | null;
}

const COMPARED: [ProfileField, (p: ProfileView) => unknown][] = [
  ['name', (p) => p.name],
  ['callback', (p) => p.callback],
  ['flow', (p) => p.flow?.id ?? null],
  ['enabled', (p) => p.enabled],
  ['notes', (p) => p.notes],
  ['templateJoin', (p) => p.templates.join],
];

export class FakeTransfer {
  /** Exported files by path; a test may put one here (or `'damaged'` to refuse it). */
  files = new Map<string, FakeFile | 'damaged'>();

  constructor(
    private profiles: Map<string, ProfileView>,
    private newId: () => string,
  ) {}

  readonly commands = {
    exportProfiles: (ids: string[], path: string, passphrase: string | null): ExportOutcome => {
      if (passphrase === '') throw fail('transfer_passphrase_needed', 'Give a passphrase to export the secrets with');
      const picked = (ids.length ? ids : [...this.profiles.keys()]).map((id) => {
        const view = this.profiles.get(id);
        if (!view) throw fail('not_found', `No gateway profile with id ${id}`);
        return structuredClone(view);
      });
      this.files.set(path, { profiles: picked, passphrase });
      return { count: picked.length, withSecrets: passphrase !== null, secretsMissing: [] };
    },
    previewImport: (path: string, passphrase: string | null): ImportPreview => this.#plan(path, passphrase).preview,
    applyImport: (path: string, passphrase: string | null): ImportReport => {
      const { preview, file } = this.#plan(path, passphrase);
      preview.items.forEach((item, index) => {
        const incoming = structuredClone(file.profiles[index]);
        if (item.action === 'add') {
          const id = this.newId();
          this.profiles.set(id, { ...incoming, id, remoteId: null, syncState: incoming.serverId ? 'changedHere' : 'localOnly', secret: file.passphrase ? incoming.secret : null });
        } else if (item.action === 'update' && item.localId) {
          const here = this.profiles.get(item.localId)!;
          this.profiles.set(item.localId, { ...incoming, id: here.id, remoteId: here.remoteId, serverId: here.serverId, syncState: here.syncState, secret: here.secret });
        }
      });
      return { preview, secretsNotSaved: [] };
    },
  } satisfies Partial<FakeCommands>;

  #plan(path: string, passphrase: string | null): { preview: ImportPreview; file: FakeFile } {
    const file = this.files.get(path);
    if (file === 'damaged') throw fail('transfer_format', 'This file is not a Textgate profile export: it has no "format": "textgate.profiles/1"');
    if (!file) throw fail('transfer_file', `Could not read ${path}: No such file or directory (os error 2)`);
    if (file.passphrase !== null && passphrase === null) throw fail('transfer_passphrase_needed', 'This file holds encrypted app secrets: give its passphrase to import it');
    if (file.passphrase !== null && passphrase !== file.passphrase) throw fail('transfer_passphrase_wrong', 'The passphrase does not open the secrets in this file: nothing was imported');
    const items = file.profiles.map((incoming): ImportItem => {
      const here = [...this.profiles.values()].find((p) => p.uri === incoming.uri);
      const changed = here ? COMPARED.filter(([, value]) => JSON.stringify(value(here)) !== JSON.stringify(value(incoming))).map(([field]) => field) : [];
      const action = !here ? 'add' : changed.length === 0 ? 'unchanged' : here.remoteId !== null && here.syncState === 'changedHere' ? 'conflict' : 'update';
      return {
        name: incoming.name,
        uri: incoming.uri,
        action,
        localId: here?.id ?? null,
        localName: here?.name ?? null,
        server: incoming.serverName ? { name: incoming.serverName, url: 'https://webitel.example.com' } : null,
        serverMissing: false,
        changed,
        conflict: action === 'conflict' ? 'localEdits' : null,
        issues: [],
        hasSecret: file.passphrase !== null,
      };
    });
    return { preview: { exportedAt: '2026-12-02T03:52:31Z', appVersion: '0.0.0-test', withSecrets: file.passphrase !== null, items, missingServers: [] }, file };
  }
}

function fail(code: ErrorCode, message: string): IpcError {
  return { code, message, params: {}, field: null, fields: [] };
}
