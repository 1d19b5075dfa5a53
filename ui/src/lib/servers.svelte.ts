// Webitel servers: the list, add (token, login, two-factor), log in again, edit (name, address,
// token, CA), test connection, pull, remove (saying how many gateways become local only). Tokens, passwords and codes go straight to the Rust side and are never kept here.
import type { ConnectOutcome } from '../bindings/ConnectOutcome';
import type { NewServer } from '../bindings/NewServer';
import type { ServerAuth } from '../bindings/ServerAuth';
import type { ServerEdit } from '../bindings/ServerEdit';
import type { ServerView } from '../bindings/ServerView';
import { backend } from './backend';
import { confirmations } from './confirm.svelte';
import { editor } from './editor.svelte';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';
import { m } from '../paraglide/messages.js';

class Servers {
  list = $state<ServerView[]>([]);
  dialogOpen = $state(false);
  busy = $state<string | null>(null);

  async load() {
    try {
      this.list = await backend.listServers();
    } catch (error) {
      toasts.showError(explain(error));
    }
  }

  name(id: string | null): string | null {
    return this.list.find((server) => server.id === id)?.name ?? null;
  }

  /** Adds a server; throws the IPC error so the form can show it next to its fields. With
   * two-factor login on, answers `codeRequired` first: the same call with the code completes it. */
  async add(server: NewServer): Promise<ConnectOutcome> {
    const outcome = await backend.addServer(server);
    if (outcome.kind === 'codeRequired') return outcome;
    const added = outcome.server;
    await this.load();
    if (added.warning) toasts.show(m.servers_connected_warning({ name: added.name, warning: added.warning }), 'warning');
    else toasts.show(m.servers_connected({ name: added.name }));
    return outcome;
  }

  /** Logs in to a stored server again; like `add`, may answer `codeRequired` first. */
  async reconnect(id: string, auth: ServerAuth): Promise<ConnectOutcome> {
    const outcome = await backend.reconnectServer(id, auth);
    if (outcome.kind === 'connected') {
      await this.load();
      toasts.show(m.servers_logged_in_again({ name: outcome.server.name }));
    }
    return outcome;
  }

  /** Edits a server in place; throws the IPC error so the form can show it at its field. */
  async edit(id: string, edit: ServerEdit): Promise<ServerView> {
    const edited = await backend.editServer(id, edit);
    await this.load();
    // Rows and the editor name the server (and a new address changes webhook URLs).
    await editor.refresh();
    toasts.show(m.servers_edit_saved({ name: edited.name }));
    return edited;
  }

  async test(id: string) {
    this.busy = id;
    try {
      const report = await backend.testServer(id);
      toasts.show(report.message, report.ok ? 'success' : 'error');
      // The test refreshed what the server says about the token (expiry, access).
      await this.load();
    } catch (error) {
      toasts.showError(explain(error));
    } finally {
      this.busy = null;
    }
  }

  async pull(id: string) {
    this.busy = id;
    try {
      const report = await backend.pullServer(id);
      // Names, not only counts: what the pull made, changed, left in conflict or found gone.
      const named = (names: string[], part: string) => m.sync_fresh_with_names({ part, names: nameList(names) });
      const parts = [
        report.created.length && named(report.created, m.servers_pulled_new({ count: report.created.length })),
        report.updated.length && named(report.updated, m.servers_pulled_updated({ count: report.updated.length })),
        report.unchanged.length && m.servers_pulled_unchanged({ count: report.unchanged.length }),
        report.conflicts.length && named(report.conflicts, m.servers_pulled_conflicts({ count: report.conflicts.length })),
        report.missing.length && named(report.missing, m.servers_pulled_missing({ count: report.missing.length })),
      ].filter(Boolean);
      const summary = parts.join(m.common_list_separator()) || m.servers_pulled_nothing();
      toasts.show(m.servers_pulled({ summary }), report.conflicts.length ? 'warning' : 'success');
      await editor.refresh();
    } catch (error) {
      toasts.showError(explain(error));
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
      toasts.showError(explain(error));
    } finally {
      this.busy = null;
    }
  }

  async remove(listed: ServerView) {
    // The count as it is now: profiles may have moved since the list was loaded.
    await this.load();
    const server = this.list.find((known) => known.id === listed.id) ?? listed;
    const affected = server.profiles > 0
      ? m.servers_edit_remove_count({ count: server.profiles, name: server.name })
      : m.servers_edit_remove_none({ name: server.name });
    const answer = await confirmations.ask(
      m.servers_remove_question({ name: server.name }),
      `${affected} ${m.servers_edit_remove_token()}`,
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
      toasts.showError(explain(error));
    }
  }
}

export const servers = new Servers();

/** Up to five names, then how many more. */
function nameList(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => m.sync_fresh_quoted({ name })).join(m.common_list_separator());
  return names.length > 5 ? m.sync_fresh_more({ names: shown, count: names.length - 5 }) : shown;
}
