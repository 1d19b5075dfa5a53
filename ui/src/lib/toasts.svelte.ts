// Short-lived notices ("Copied", "Saved", errors) shown in the corner.

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
}

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;
  /** Each toast's timer and how long it stays, so hovering or focusing it holds it. */
  #timers = new Map<number, { timer: ReturnType<typeof setTimeout> | null; ms: number; holds: Set<string> }>();

  show(text: string, kind: ToastKind = 'success', ms = kind === 'error' || kind === 'warning' ? 6000 : 2200, action?: ToastAction) {
    const id = this.#next++;
    this.items.push(action ? { id, kind, text, action } : { id, kind, text });
    this.#timers.set(id, { timer: setTimeout(() => this.dismiss(id), ms), ms, holds: new Set() });
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
    if (entry.holds.size === 0 && entry.timer === null) entry.timer = setTimeout(() => this.dismiss(id), entry.ms);
  }
}

export const toasts = new Toasts();
