// Words for sync states, shared by the sidebar and the editor.
import type { SyncState } from '../bindings/SyncState';

export const syncLabel: Record<SyncState, string> = {
  localOnly: 'local only',
  inSync: 'in sync',
  changedHere: 'changed here',
  changedOnServer: 'changed on server',
  conflict: 'conflict',
};

export const syncHint: Record<SyncState, string> = {
  localOnly: 'Only on this computer: pick a server and push to publish it',
  inSync: 'The server has exactly this version',
  changedHere: 'Edited here since the last sync: push to publish',
  changedOnServer: 'Edited on the server since the last sync: pull to take it',
  conflict: 'Edited here and on the server: compare and keep one version',
};
