// "Export…" in the history's ⋯ menu (issue J): the history as it is filtered now (all its
// matches, not only the loaded pages) written by Rust to the file the admin picks in the save
// dialog, HAR unless the name ends in .jsonl. Cancelling the dialog does nothing; the count
// comes back in a toast, an error as ErrorMessage shows it.
import type { ExportFormat } from '../../bindings/ExportFormat';
import type { HistoryQuery } from '../../bindings/HistoryQuery';
import { backend } from '../backend';
import { explain } from '../error-explained';
import { toasts } from '../toasts.svelte';
import { m } from '../../paraglide/messages.js';
import { harnessApi } from './api';

/** The format a chosen file name asks for. */
export function formatOf(path: string): ExportFormat {
  return path.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'har';
}

/** Asks where, then exports `query`'s matches there; answers the count, or null (cancelled or failed). */
export async function exportHistory(query: HistoryQuery): Promise<number | null> {
  const path = await backend.chooseSavePath(m.export_dialog_title(), 'textgate-history.har', [
    { name: m.export_filter_har(), extensions: ['har'] },
    { name: m.export_filter_jsonl(), extensions: ['jsonl'] },
  ]);
  if (!path) return null;
  try {
    const { before: _before, ...filters } = query;
    const count = await harnessApi.exportHistory({ ...filters, limit: null }, formatOf(path), path);
    toasts.show(m.export_done({ count, path }));
    return count;
  } catch (error) {
    toasts.showError(explain(error));
    return null;
  }
}
