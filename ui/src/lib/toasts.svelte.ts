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

  show(text: string, kind: ToastKind = 'success', ms = kind === 'error' || kind === 'warning' ? 6000 : 2200, action?: ToastAction) {
    const id = this.#next++;
    this.items.push(action ? { id, kind, text, action } : { id, kind, text });
    setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number) {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
