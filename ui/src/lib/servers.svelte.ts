// Webitel servers: the list, add (token or login), test connection, pull, remove. Tokens and
// passwords go straight to the Rust side and are never kept here.
import type { NewServer } from '../bindings/NewServer';
import type { ServerView } from '../bindings/ServerView';
import { backend, toIpcError } from './backend';
import { confirmations } from './confirm.svelte';
import { session } from './session.svelte';
import { toasts } from './toasts.svelte';

class Servers {
  list = $state<ServerView[]>([]);
  dialogOpen = $state(false);
  busy = $state<string | null>(null);

  async load() {
    try {
      this.list = await backend.listServers();
    } catch (error) {
      toasts.show(toIpcError(error).message, 'error');
    }
  }

  name(id: string | null): string | null {
    return this.list.find((server) => server.id === id)?.name ?? null;
  }

  /** Adds a server; throws the IPC error so the form can show it next to its fields. */
  async add(server: NewServer): Promise<ServerView> {
    const added = await backend.addServer(server);
    await this.load();
    if (added.warning) toasts.show(`Connected to \u201c${added.name}\u201d. ${added.warning}`, 'warning');
    else toasts.show(`Connected to \u201c${added.name}\u201d`);
    return added;
  }

  async test(id: string) {
    this.busy = id;
    try {
      const report = await backend.testServer(id);
      toasts.show(report.message, report.ok ? 'success' : 'error');
    } catch (error) {
      toasts.show(toIpcError(error).message, 'error');
    } finally {
      this.busy = null;
    }
  }

  async pull(id: string) {
    this.busy = id;
    try {
      const report = await backend.pullServer(id);
      const parts = [
        report.created.length && `${report.created.length} new`,
        report.updated.length && `${report.updated.length} updated`,
        report.unchanged.length && `${report.unchanged.length} unchanged`,
        report.conflicts.length && `${report.conflicts.length} in conflict`,
        report.missing.length && `${report.missing.length} gone from the server`,
      ].filter(Boolean);
      toasts.show(`Pulled: ${parts.join(', ') || 'no custom gateways on the server'}`, report.conflicts.length ? 'warning' : 'success');
      await session.refresh();
    } catch (error) {
      toasts.show(toIpcError(error).message, 'error');
    } finally {
      this.busy = null;
    }
  }

  async refreshSchemas(id: string) {
    this.busy = id;
    try {
      const schemas = await backend.refreshFlowSchemas(id);
      toasts.show(`Loaded ${schemas.length} flow schema${schemas.length === 1 ? '' : 's'}`);
      await session.loadFlows();
    } catch (error) {
      toasts.show(toIpcError(error).message, 'error');
    } finally {
      this.busy = null;
    }
  }

  async remove(server: ServerView) {
    const answer = await confirmations.ask(
      `Remove \u201c${server.name}\u201d?`,
      'Its access token is removed from the keychain and its gateways here become local only. Nothing is deleted on the server.',
      [
        { value: 'cancel', label: 'Cancel', tone: 'plain' },
        { value: 'remove', label: 'Remove server', tone: 'danger' },
      ],
    );
    if (answer !== 'remove') return;
    try {
      await backend.removeServer(server.id);
      await this.load();
      await session.refresh();
      toasts.show(`Removed \u201c${server.name}\u201d`);
    } catch (error) {
      toasts.show(toIpcError(error).message, 'error');
    }
  }
}

export const servers = new Servers();
