// The registry row's State switch: starts or stops the gateway (on its server when pushed), as
// the card's switch does, through the same path (`live-toggle.svelte.ts`: a live gateway is
// asked about first and its toast offers Undo). The open profile goes through the editor, so
// its form stays in step.
import type { ProfileSummary } from '../bindings/ProfileSummary';
import { editor } from './editor.svelte';
import { switchEditorGateway, switchGateway } from './live-toggle.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

export async function setRowEnabled(profile: ProfileSummary, enabled: boolean) {
  if (editor.form?.id === profile.id) return switchEditorGateway(enabled);
  if (enabled && profile.flowName === null) {
    toasts.show(m.registry_start_needs_flow({ name: profile.name }), 'error');
    return;
  }
  await switchGateway({ id: profile.id, name: profile.name, serverId: profile.serverId, pushed: profile.pushed }, enabled);
}
