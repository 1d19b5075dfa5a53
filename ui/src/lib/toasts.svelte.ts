// Notices ("Copied", "Saved") shown in the toast strip, and errors that belong to no field.
// Success and info notices go by themselves; an error stays until it is dismissed (its close
// button, or Escape while it has focus), so nobody has to read it in six seconds. An error
// about a field is shown at that field instead (`field-errors.ts`).
import type { Explained } from './error-explained';

export type ToastKind = 'success' | 'info' | 'warning' | 'error';
/** A button on a toast (e.g. "Show" on the update notice); pressing it also dismisses it. */
export interface ToastAction {
  label: string;
  run: () => void;
}
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  action?: ToastAction;
  /** An error's next step, under its sentence. */
  next?: string;
  /** An error's technical text, verbatim, behind a Details disclosure. */
  details?: string;
}

/** How long a notice stays when the caller does not say; errors stay until dismissed. */
function defaultMs(kind: ToastKind): number {
  if (kind === 'error') return Infinity;
  return kind === 'warning' ? 6000 : 2200;
}

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(text: string, kind: ToastKind = 'success', ms = defaultMs(kind), action?: ToastAction) {
    const id = this.#next++;
    this.items.push(action ? { id, kind, text, action } : { id, kind, text });
    if (Number.isFinite(ms)) setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  /** An error about no field: its sentence, next step and details; it stays until dismissed. */
  showError(error: Explained) {
    const id = this.#next++;
    this.items.push({
      id,
      kind: 'error',
      text: error.sentence,
      ...(error.next ? { next: error.next } : {}),
      ...(error.details ? { details: error.details } : {}),
    });
    return id;
  }

  dismiss(id: number) {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
