// Short-lived notices ("Copied", "Saved", errors) shown in the corner.

export type ToastKind = 'success' | 'info' | 'warning' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(text: string, kind: ToastKind = 'success', ms = kind === 'error' || kind === 'warning' ? 6000 : 2200) {
    const id = this.#next++;
    this.items.push({ id, kind, text });
    setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number) {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
