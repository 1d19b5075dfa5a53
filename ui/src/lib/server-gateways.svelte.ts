// "Gateways on server": one server's gateways as its admin has them, beside this computer's
// profiles (linked, not here, other providers read-only) and the profiles whose gateway is gone.
// The admin ticks gateways not here and pulls them; each gets its own result. Opened from the
// Servers dialog's server row, over it.
import type { GatewayPull } from '../bindings/GatewayPull';
import type { ServerGateway } from '../bindings/ServerGateway';
import type { ServerGateways } from '../bindings/ServerGateways';
import { backend } from './backend';
import { editor } from './editor.svelte';
import { errorText } from './messages-from-rust';
import { servers } from './servers.svelte';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';
import { m } from '../paraglide/messages.js';

/** Whether `gateway` can be ticked for a pull: a custom gateway no local profile tracks. */
export const pullable = (gateway: ServerGateway) => gateway.custom && gateway.profile === null;

class ServerGatewaysView {
  serverId = $state<string | null>(null);
  view = $state<ServerGateways | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Gateway ids ticked for a pull. */
  selected = $state<number[]>([]);
  /** The last pull's result per gateway id (kept across reloads while the dialog is open). */
  results = $state<Record<number, GatewayPull>>({});
  pulling = $state(false);
  filter = $state('');

  open = $derived(this.serverId !== null);
  /** The rows the filter lets through (name or URI, case-insensitive). */
  shown = $derived.by(() => {
    const gateways = this.view?.gateways ?? [];
    const needle = this.filter.trim().toLowerCase();
    if (!needle) return gateways;
    return gateways.filter((g) => g.name.toLowerCase().includes(needle) || g.uri.toLowerCase().includes(needle));
  });

  async show(serverId: string) {
    this.serverId = serverId;
    this.view = null;
    this.selected = [];
    this.results = {};
    this.filter = '';
    await this.reload();
  }

  close() {
    this.serverId = null;
    this.view = null;
    this.error = null;
  }

  async reload() {
    const serverId = this.serverId;
    if (!serverId) return;
    this.loading = true;
    this.error = null;
    try {
      const view = await backend.serverGateways(serverId);
      if (this.serverId !== serverId) return;
      this.view = view;
      // A gateway pulled meanwhile (or gone) cannot stay ticked.
      const still = new Set(view.gateways.filter(pullable).map((g) => g.id));
      this.selected = this.selected.filter((id) => still.has(id));
    } catch (error) {
      if (this.serverId === serverId) this.error = errorText(error);
    } finally {
      this.loading = false;
    }
  }

  isSelected(id: number): boolean {
    return this.selected.includes(id);
  }

  toggle(id: number, on: boolean) {
    this.selected = on ? [...new Set([...this.selected, id])] : this.selected.filter((x) => x !== id);
  }

  /** Every pullable gateway the filter shows, ticked or unticked at once. */
  toggleAll(on: boolean) {
    const ids = this.shown.filter(pullable).map((g) => g.id);
    const set = new Set(this.selected);
    for (const id of ids) {
      if (on) set.add(id);
      else set.delete(id);
    }
    this.selected = [...set];
  }

  async pullSelected() {
    const serverId = this.serverId;
    if (!serverId || this.selected.length === 0 || this.pulling) return;
    this.pulling = true;
    try {
      const results = await backend.pullGateways(serverId, [...this.selected]);
      const next = { ...this.results };
      for (const result of results) next[result.remoteId] = result;
      this.results = next;
      const failed = results.filter((r) => r.outcome === 'failed' || r.outcome === 'missing' || r.outcome === 'notCustom').length;
      const name = this.view?.serverName ?? '';
      toasts.show(
        m.server_gateways_pulled({ name, done: results.length - failed, failed }),
        failed > 0 || results.some((r) => r.outcome === 'conflict') ? 'warning' : 'success',
      );
      this.selected = [];
      await editor.refresh();
      await this.reload();
    } catch (error) {
      toasts.showError(explain(error));
    } finally {
      this.pulling = false;
    }
  }

  /** Opens a linked profile in the editor: every dialog over it closes. */
  async openProfile(profileId: string) {
    this.close();
    servers.dialogOpen = false;
    await editor.select(profileId);
  }
}

export const serverGateways = new ServerGatewaysView();
