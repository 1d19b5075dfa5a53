// Webitel servers: the list, add (token or login), test connection, pull, remove. Tokens and
// passwords go straight to the Rust side and are never kept here.
import type { NewServer } from '../bindings/NewServer';
import type { ServerView } from '../bindings/ServerView';
import { backend } from './backend';
import { confirmations } from './confirm.svelte';
import { editor } from './editor.svelte';
import { toasts } from './toasts.svelte';
import { m } from '../paraglide/messages.js';
import { errorText } from './messages-from-rust';

class Servers {
  list = $state<ServerView[]>([]);
  dialogOpen = $state(false);
  busy = $state<string | null>(null);

  async load() {
    try {
      this.list = await backend.listServers();
    } catch (error) {
      toasts.show(errorText(error), 'error');
    }
  }

  name(id: string | null): string | null {
    return this.list.find((server) => server.id === id)?.name ?? null;
  }

  /** Adds a server; throws the IPC error so the form can show it next to its fields. */
  async add(server: NewServer): Promise<ServerView> {
    const added = await backend.addServer(server);
    await this.load();
    if (added.warning) toasts.show(m.servers_connected_warning({ name: added.name, warning: added.warning }), 'warning');
    else toasts.show(m.servers_connected({ name: added.name }));
    return added;
  }

  async test(id: string) {
    this.busy = id;
    try {
      const report = await backend.testServer(id);
      toasts.show(report.message, report.ok ? 'success' : 'error');
    } catch (error) {
      toasts.show(errorText(error), 'error');
    } finally {
      this.busy = null;
    }
  }

  async pull(id: string) {
    this.busy = id;
    try {
      const report = await backend.pullServer(id);
      const parts = [
        report.created.length && m.servers_pulled_new({ count: report.created.length }),
        report.updated.length && m.servers_pulled_updated({ count: report.updated.length }),
        report.unchanged.length && m.servers_pulled_unchanged({ count: report.unchanged.length }),
        report.conflicts.length && m.servers_pulled_conflicts({ count: report.conflicts.length }),
        report.missing.length && m.servers_pulled_missing({ count: report.missing.length }),
      ].filter(Boolean);
      const summary = parts.join(m.common_list_separator()) || m.servers_pulled_nothing();
      toasts.show(m.servers_pulled({ summary }), report.conflicts.length ? 'warning' : 'success');
      await editor.refresh();
    } catch (error) {
      toasts.show(errorText(error), 'error');
    } finally {
      this.busy = null;
    }
  }

  async refreshSchemas(id: string) {
    this.busy = id;
    try {
      const schemas = await backend.refreshFlowSchemas(id);
      toasts.show(m.servers_loaded_schemas({ count: schemas.length }));
      await editor.loadFlows();
    } catch (error) {
      toasts.show(errorText(error), 'error');
    } finally {
      this.busy = null;
    }
  }

  async remove(server: ServerView) {
    const answer = await confirmations.ask(
      m.servers_remove_question({ name: server.name }),
      m.servers_remove_body(),
      [
        { value: 'cancel', label: m.common_cancel(), tone: 'plain' },
        { value: 'remove', label: m.servers_remove_confirm(), tone: 'danger' },
      ],
    );
    if (answer !== 'remove') return;
    try {
      await backend.removeServer(server.id);
      await this.load();
      await editor.refresh();
      toasts.show(m.servers_removed({ name: server.name }));
    } catch (error) {
      toasts.show(errorText(error), 'error');
    }
  }
}

export const servers = new Servers();
