// Words for sync states, shared by the sidebar and the editor (in the UI's language).
import type { SyncState } from '../bindings/SyncState';
import { m } from '../paraglide/messages.js';

const labels: Record<SyncState, () => string> = {
  localOnly: m.sync_local_only,
  inSync: m.sync_in_sync,
  changedHere: m.sync_changed_here,
  changedOnServer: m.sync_changed_on_server,
  conflict: m.sync_conflict,
  gone: m.sync_fresh_gone,
};

const hints: Record<SyncState, () => string> = {
  localOnly: m.sync_local_only_hint,
  inSync: m.sync_in_sync_hint,
  changedHere: m.sync_changed_here_hint,
  changedOnServer: m.sync_changed_on_server_hint,
  conflict: m.sync_conflict_hint,
  gone: m.sync_fresh_gone_hint,
};

export const syncLabel = (state: SyncState): string => labels[state]();
export const syncHint = (state: SyncState): string => hints[state]();
