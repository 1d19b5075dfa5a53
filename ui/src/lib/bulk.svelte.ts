// Bulk actions over the registry's checked rows: Start, Stop, Push, Pull and Delete. One
// confirmation naming the count, then core runs them (workspace/bulk.rs: one failure never
// stops the others) and streams each profile's outcome here, for the progress dialog and the
// rows' own failure markers.
import { Channel } from '@tauri-apps/api/core';
import type { BulkAction } from '../bindings/BulkAction';
import type { BulkOutcome } from '../bindings/BulkOutcome';
import type { BulkProgress } from '../bindings/BulkProgress';
import type { ProfileSummary } from '../bindings/ProfileSummary';
import { backend } from './backend';
import { confirmations } from './confirm.svelte';
import { editor } from './editor.svelte';
import { profiles } from './profiles.svelte';
import { registry } from './registry.svelte';
import { toasts } from './toasts.svelte';
import { explain } from './error-explained';
import { m } from '../paraglide/messages.js';

export type BulkKind = BulkAction['kind'];

class Bulk {
  /** The action running or last run (the results dialog shows it while set). */
  action = $state<BulkAction | null>(null);
  total = $state(0);
  outcomes = $state<BulkOutcome[]>([]);
  running = $state(false);
  /** Why the last bulk action failed for a row, shown on the row until the next one. */
  failures = $state(new Map<string, string>());

  failed = $derived(this.outcomes.filter((outcome) => outcome.error !== null));

  /** Asks once, naming the count, then runs `kind` over the checked matches. */
  async run(kind: BulkKind) {
    const rows = registry.selectedVisible;
    if (rows.length === 0 || this.running) return;
    const action = await ask(kind, rows);
    if (!action) return;
    // The open profile's unsaved edits would be lost under a delete or overwritten by a pull.
    if (editor.form?.id && rows.some((row) => row.id === editor.form?.id) && !(await editor.mayClose())) return;
    this.action = action;
    this.total = rows.length;
    this.outcomes = [];
    this.running = true;
    const channel = new Channel<BulkProgress>();
    channel.onmessage = (progress) => {
      this.outcomes = [...this.outcomes, progress.outcome];
    };
    try {
      const outcomes = await backend.runBulk(action, rows.map((row) => row.id), channel);
      this.outcomes = outcomes;
      this.failures = new Map(outcomes.filter((o) => o.error).map((o) => [o.profileId, o.error!.message]));
    } catch (error) {
      toasts.showError(explain(error));
    } finally {
      this.running = false;
      await this.#reload();
    }
  }

  /** Only the rows that failed stay checked, to try again. */
  selectFailed() {
    registry.clearSelection();
    for (const outcome of this.failed) registry.selected.add(outcome.profileId);
    this.close();
  }

  close() {
    if (!this.running) this.action = null;
  }

  async #reload() {
    try {
      await profiles.refresh();
      registry.forgetGone();
      await editor.reloadOpen();
    } catch (error) {
      toasts.showError(explain(error));
    }
  }
}

/** The one confirmation: what will happen to how many gateways (and where, for a delete). */
async function ask(kind: BulkKind, rows: ProfileSummary[]): Promise<BulkAction | null> {
  const count = rows.length;
  const cancel = { value: 'cancel', label: m.common_cancel(), tone: 'plain' as const };
  if (kind === 'delete') {
    const pushed = rows.filter((row) => row.pushed).length;
    const choices = [
      ...(pushed > 0 ? [{ value: 'remote', label: m.bulk_delete_everywhere(), tone: 'danger' as const }] : []),
      { value: 'local', label: m.bulk_delete_here(), tone: pushed > 0 ? ('plain' as const) : ('danger' as const) },
      cancel,
    ];
    const body = pushed > 0 ? m.bulk_delete_body_pushed({ pushed }) : m.bulk_delete_body();
    const answer = await confirmations.ask(m.bulk_delete_title({ count }), body, choices);
    return answer === 'remote' || answer === 'local' ? { kind: 'delete', remote: answer === 'remote' } : null;
  }
  const titles: Record<Exclude<BulkKind, 'delete'>, () => string> = {
    enable: () => m.bulk_enable_title({ count }),
    disable: () => m.bulk_disable_title({ count }),
    push: () => m.bulk_push_title({ count }),
    pull: () => m.bulk_pull_title({ count }),
  };
  const bodies: Record<Exclude<BulkKind, 'delete'>, () => string> = {
    enable: () => m.bulk_enable_body(),
    disable: () => m.bulk_disable_body(),
    push: () => m.bulk_push_body(),
    pull: () => m.bulk_pull_body(),
  };
  const answer = await confirmations.ask(titles[kind](), bodies[kind](), [
    { value: 'go', label: m.bulk_go({ count }), tone: 'primary' },
    cancel,
  ]);
  return answer === 'go' ? ({ kind } as BulkAction) : null;
}

export const bulk = new Bulk();
