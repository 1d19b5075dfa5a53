// The registry's bulk runner for the browser tests: each profile through the fake's own
// single-profile commands (so the same refusals apply), one at a time with a short pause so
// the progress shows, every outcome streamed to the channel like core's runner does.
import type { BulkAction } from '../src/bindings/BulkAction';
import type { BulkOutcome } from '../src/bindings/BulkOutcome';
import type { BulkProgress } from '../src/bindings/BulkProgress';
import type { Channel } from '@tauri-apps/api/core';
import type { IpcError } from '../src/bindings/IpcError';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { FakeCommands } from './fake-ipc';

export class FakeBulk {
  constructor(
    private profiles: Map<string, ProfileView>,
    private all: () => FakeCommands,
  ) {}

  readonly commands = {
    runBulk: (action: BulkAction, profileIds: string[], onProgress: Channel<BulkProgress>) => this.#run(action, profileIds, onProgress),
  } satisfies Partial<FakeCommands>;

  async #run(action: BulkAction, profileIds: string[], onProgress: Channel<BulkProgress>): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    const channel = onProgress as unknown as { id: number };
    for (const profileId of profileIds) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const name = this.profiles.get(profileId)?.name ?? profileId;
      let changed = false;
      let error: BulkOutcome['error'] = null;
      try {
        changed = (await this.#one(action, profileId)) === true;
      } catch (failure) {
        const { code, message } = failure as IpcError;
        error = { code, message };
      }
      const outcome = { profileId, name, error, changed };
      outcomes.push(outcome);
      const progress: BulkProgress = { done: outcomes.length, total: profileIds.length, outcome };
      (window as any).__TAURI_INTERNALS__.runCallback(channel.id, { index: outcomes.length - 1, message: progress });
    }
    return outcomes;
  }

  /** Runs one action; `true` when a pull took the server's version (BulkOutcome.changed). */
  async #one(action: BulkAction, id: string): Promise<boolean | void> {
    const commands = this.all();
    switch (action.kind) {
      case 'enable':
      case 'disable':
        await commands.setProfileEnabled(id, action.kind === 'enable');
        return;
      case 'push':
        await commands.pushProfile(id);
        return;
      case 'delete':
        await commands.deleteProfile(id, action.remote);
        return;
      case 'pull': {
        // As core: a refresh left in conflict or without its gateway is the row's failure.
        const name = this.profiles.get(id)?.name ?? id;
        const outcome = await commands.refreshProfile(id);
        if (outcome === 'conflict')
          throw { code: 'conflict', message: `Both this computer and the server changed \u201c${name}\u201d since the last sync: compare the two versions and keep one` };
        if (outcome === 'missing') throw { code: 'remote_gone', message: `The gateway \u201c${name}\u201d no longer exists on the server` };
        return outcome === 'updated';
      }
    }
  }
}
