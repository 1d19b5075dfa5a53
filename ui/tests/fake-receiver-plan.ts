// The fake receiver's answer plans (browser tests only), as core's `receiver_plan`: the same
// checks with the same sentences, fail-first counting, a seeded share (a small generator of
// its own: the pattern is fixed per seed here too, not core's PCG-64 sequence), drop and hang.
import type { AnswerSpec } from '../src/bindings/AnswerSpec';
import type { DeliveryFailure } from '../src/bindings/DeliveryFailure';
import type { IpcError } from '../src/bindings/IpcError';
import type { PlanSpec } from '../src/bindings/PlanSpec';

const invalid = (message: string): IpcError => ({ code: 'invalid_answer', message, params: {}, field: null, fields: [] });

/** Core's check of the plan (`check_plan`), with its sentences. */
export function checkPlan(plan: PlanSpec | undefined) {
  if (!plan) return;
  if (plan.kind === 'failFirst') {
    if (plan.count === 0) throw invalid('Fail the first 0 requests fails none: give 1 or more, or answer normally');
    if (plan.status < 300 || plan.status > 599) throw invalid(`${plan.status} is not a failing status: give one from 300 to 599`);
  }
  if (plan.kind === 'failRate') {
    if (plan.percent > 100) throw invalid(`${plan.percent} % is more than all requests: give a share from 1 to 100`);
    if (plan.percent === 0) throw invalid('A share of 0 % fails none: give 1 to 100, or answer normally');
  }
}

/** What one request got: a status, or none with why (as core records it). */
export type Outcome = { status: number | null; failure: DeliveryFailure | null };

/** Decides each request on the path in arrival order. */
export class FakePlanner {
  #decided = 0;
  #state: number;

  constructor(private answer: AnswerSpec) {
    this.#state = answer.plan?.kind === 'failRate' ? answer.plan.seed >>> 0 : 0;
  }

  next(): Outcome {
    this.#decided += 1;
    const plan = this.answer.plan ?? { kind: 'normal' };
    const normal = { status: this.answer.status, failure: null };
    switch (plan.kind) {
      case 'failFirst':
        return this.#decided <= plan.count ? { status: plan.status, failure: null } : normal;
      case 'failRate':
        return this.#draw() < plan.percent ? { status: 500, failure: null } : normal;
      case 'drop':
        return { status: null, failure: { kind: 'dropped', message: 'Dropped: the receiver closed the connection without an answer' } };
      case 'hang':
        return { status: null, failure: { kind: 'hung', message: 'Never answered: the receiver kept the request waiting' } };
      default:
        return normal;
    }
  }

  /** 0-99 from a mulberry32 step. */
  #draw(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % 100;
  }
}

/** What the sender sees of a request the receiver did not answer. */
export function senderFailure(outcome: Outcome, url: string): DeliveryFailure | undefined {
  if (outcome.failure?.kind === 'dropped') return { kind: 'connect', message: `The connection to ${url} was closed before an answer` };
  if (outcome.failure?.kind === 'hung') return { kind: 'timeout', message: `No answer from ${url} in time` };
  return undefined;
}
