// Logging in again when a server refuses its token (HTTP 401: expired or revoked), then
// finishing what was interrupted. An operation on a server runs through `relogin.run`: on a
// 401 the Servers dialog opens on that server's log-in-again form, and once the new token is
// in, the operation runs once more; cancelling the form gives back the original error.
// (A 403 is not a login problem: the token may not do that, see permissions.ts.)
import { toIpcError } from './backend';

class Relogin {
  /** The server whose log-in-again form is open, and whether an operation waits on it. */
  pending = $state<{ serverId: string; waiting: boolean } | null>(null);
  #resolve: ((done: boolean) => void) | null = null;

  /** Runs `operation`; a 401 from `serverId` asks to log in again, then runs it once more. */
  async run<T>(serverId: string | null | undefined, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!serverId || !isLoginExpired(error)) throw error;
      if (!(await this.ask(serverId, true))) throw error;
      return await operation();
    }
  }

  /** Opens the form for `serverId`; resolves true once logged in, false when cancelled. */
  ask(serverId: string, waiting = false): Promise<boolean> {
    this.#resolve?.(false);
    // The Servers dialog opens while this is set (ServersDialog.svelte).
    this.pending = { serverId, waiting };
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  /** The form's end: logged in (true) or given up (false). */
  finish(done: boolean) {
    const resolve = this.#resolve;
    this.#resolve = null;
    this.pending = null;
    resolve?.(done);
  }
}

/** A refused token (401), not a refused action (403). */
export function isLoginExpired(error: unknown): boolean {
  const failure = toIpcError(error);
  return failure.code === 'unauthorized' && Number(failure.params.status ?? 401) === 401;
}

export const relogin = new Relogin();
