// Ctrl/Cmd+P: what the card's Push button does (or Resolve conflict, when it shows instead),
// and when the button could not be pressed, why, in a toast rather than nothing at all.
import { editor } from './editor.svelte';
import { serverPermissionBlock } from './permissions';
import { sync } from './sync.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

export function pushFromKeyboard() {
  const form = editor.form;
  if (!form || sync.busy) return;
  if (editor.saved?.syncState === 'conflict') {
    void sync.openConflict();
    return;
  }
  if (!form.serverId) {
    toasts.show(m.shortcuts_push_local_only(), 'info');
    return;
  }
  const block = serverPermissionBlock(form.serverId, editor.saved?.remoteId == null ? 'create' : 'update');
  if (block) toasts.show(block, 'warning');
  else void sync.push();
}
