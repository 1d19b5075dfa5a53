// The registry row's State switch: starts or stops the gateway (on its server when pushed), as
// the card's switch does. The open profile goes through the editor, so its form stays in step.
import type { ProfileSummary } from '../bindings/ProfileSummary';
import { backend } from './backend';
import { editor } from './editor.svelte';
import { profiles } from './profiles.svelte';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';
import { m } from '../paraglide/messages.js';

export async function setRowEnabled(profile: ProfileSummary, enabled: boolean) {
  if (editor.form?.id === profile.id) return editor.setEnabled(enabled);
  if (enabled && profile.flowName === null) {
    toasts.show(m.registry_start_needs_flow({ name: profile.name }), 'error');
    return;
  }
  try {
    await backend.setProfileEnabled(profile.id, enabled);
    await profiles.refresh();
    toasts.show(enabled ? m.toast_gateway_started() : m.toast_gateway_stopped());
  } catch (error) {
    toasts.showError(explain(error));
  }
}
