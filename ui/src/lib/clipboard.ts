// Copy a value and say so in a toast (or say why it could not be copied): the editor's URI and
// secret buttons and the harness's copy buttons share it.
import { backend } from './backend';
import { m } from '../paraglide/messages.js';
import { toasts } from './toasts.svelte';
import { errorText } from './messages-from-rust';

/** Copies `text`; the toast names it as `what`. */
export async function copyWithToast(text: string, what: string) {
  try {
    await backend.copyText(text);
    toasts.show(m.toast_copied({ what }));
  } catch (error) {
    toasts.show(m.toast_copy_failed({ reason: errorText(error) }), 'error');
  }
}
