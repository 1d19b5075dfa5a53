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
  /** Each toast's timer and how long it stays, so hovering or focusing it holds it. */
  #timers = new Map<number, { timer: ReturnType<typeof setTimeout> | null; ms: number; holds: Set<string> }>();

  show(text: string, kind: ToastKind = 'success', ms = defaultMs(kind), action?: ToastAction) {
    const id = this.#next++;
    this.items.push(action ? { id, kind, text, action } : { id, kind, text });
    // An error (ms Infinity) has no timer: it stays until dismissed.
    const timer = Number.isFinite(ms) ? setTimeout(() => this.dismiss(id), ms) : null;
    this.#timers.set(id, { timer, ms, holds: new Set() });
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
    const entry = this.#timers.get(id);
    if (entry?.timer) clearTimeout(entry.timer);
    this.#timers.delete(id);
    this.items = this.items.filter((toast) => toast.id !== id);
  }

  /** The pointer or the focus (`why`) is on the toast: it stays until both are released. */
  hold(id: number, why: 'pointer' | 'focus') {
    const entry = this.#timers.get(id);
    if (!entry) return;
    entry.holds.add(why);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
  }

  /** `why` left the toast: once nothing holds it, it goes after its full time again. */
  release(id: number, why: 'pointer' | 'focus') {
    const entry = this.#timers.get(id);
    if (!entry) return;
    entry.holds.delete(why);
    if (entry.holds.size === 0 && entry.timer === null && Number.isFinite(entry.ms)) entry.timer = setTimeout(() => this.dismiss(id), entry.ms);
  }
}

export const toasts = new Toasts();
