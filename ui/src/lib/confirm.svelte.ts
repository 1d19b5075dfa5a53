// A promise-based modal question, so flows read top to bottom: `if (await ask(...)) { ... }`.

/** How a choice looks: the main action, the destructive one, or neither. */
export type Tone = 'primary' | 'danger' | 'plain';

export interface Choice<T extends string> {
  value: T;
  label: string;
  tone?: Tone;
  /** When set, the choice is shown disabled with this reason as its tooltip. */
  disabledReason?: string | null;
}

export interface Question {
  title: string;
  body: string;
  choices: Choice<string>[];
  resolve: (value: string | null) => void;
}

class Confirmations {
  current = $state<Question | null>(null);

  /** Resolves with the chosen value, or null when dismissed (Escape). */
  ask<T extends string>(title: string, body: string, choices: Choice<T>[]): Promise<T | null> {
    this.current?.resolve(null);
    return new Promise((resolve) => {
      this.current = {
        title,
        body,
        choices,
        resolve: (value) => {
          this.current = null;
          resolve(value as T | null);
        },
      };
    });
  }
}

export const confirmations = new Confirmations();
