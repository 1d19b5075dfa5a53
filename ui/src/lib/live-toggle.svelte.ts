// Start/Stop of a gateway that is live on a server acts there at once, so it is asked first
// ("Stop Support bot on Prod?", with what it does) and, once done, offers Undo in a toast that
// stays long enough to use. The editor's switch and the registry row's both come through here;
// a profile only on this computer is switched without a question.
import { backend } from './backend';
import { confirmations } from './confirm.svelte';
import { editor } from './editor.svelte';
import { explain } from './error-explained';
import { profiles } from './profiles.svelte';
import { servers } from './servers.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';

/** How long the Undo toast stays (it also stays while hovered or focused). */
export const UNDO_MS = 12_000;

export interface SwitchTarget {
  id: string;
  name: string;
  serverId: string | null;
  /** On its server already (a remote id): Start/Stop acts there. */
  pushed: boolean;
}

/** The server the gateway is live on (pushed there, the server connected), or null. */
export function liveServer(target: SwitchTarget): string | null {
  if (!target.pushed || !target.serverId) return null;
  const server = servers.list.find((s) => s.id === target.serverId);
  return server?.hasToken ? server.name : null;
}

/** Asks before starting or stopping a live gateway: true to go on. */
export async function askSwitch(name: string, server: string, enabled: boolean): Promise<boolean> {
  const answer = await confirmations.ask(
    enabled ? m.confirm_live_start_question({ name, server }) : m.confirm_live_stop_question({ name, server }),
    enabled ? m.confirm_live_start_body({ server }) : m.confirm_live_stop_body({ server }),
    [
      { value: 'cancel', label: m.common_cancel(), tone: 'plain' },
      enabled
        ? { value: 'go', label: m.confirm_live_start_confirm(), tone: 'primary' }
        : { value: 'go', label: m.confirm_live_stop_confirm(), tone: 'danger' },
    ],
  );
  return answer === 'go';
}

/** Switches profile `id`: through the editor when it is open there (so its form stays in step),
 * else directly. Answers whether it switched; says so in a toast when `notify`. */
export async function switchById(id: string, enabled: boolean, notify: boolean): Promise<boolean> {
  if (editor.form?.id === id) return editor.setEnabled(enabled, notify);
  try {
    await backend.setProfileEnabled(id, enabled);
    await profiles.refresh();
    if (notify) toasts.show(enabled ? m.toast_gateway_started() : m.toast_gateway_stopped());
    return true;
  } catch (error) {
    toasts.showError(explain(error));
    return false;
  }
}

/**
 * Switches `target`. A live gateway is asked about first, and its toast offers Undo, which flips
 * it back through the same path (`switchById`) without asking again.
 */
export async function switchGateway(target: SwitchTarget, enabled: boolean, ask = true): Promise<boolean> {
  const server = liveServer(target);
  if (server === null) return switchById(target.id, enabled, true);
  if (ask && !(await askSwitch(target.name, server, enabled))) return false;
  if (!(await switchById(target.id, enabled, false))) return false;
  toasts.show(
    enabled ? m.confirm_live_started({ name: target.name, server }) : m.confirm_live_stopped({ name: target.name, server }),
    'success',
    UNDO_MS,
    { label: m.confirm_live_undo(), run: () => void switchGateway(target, !enabled, false) },
  );
  return true;
}

/** The editor header's switch: a saved profile goes through `switchGateway`. */
export function switchEditorGateway(enabled: boolean): Promise<boolean> {
  const form = editor.form;
  const saved = editor.saved;
  if (!form?.id || !saved || editor.isNew || (enabled && !form.flow)) return editor.setEnabled(enabled);
  return switchGateway({ id: form.id, name: saved.name, serverId: saved.serverId, pushed: saved.remoteId !== null }, enabled);
}
