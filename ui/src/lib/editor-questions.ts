// The questions the editor asks before it drops or overwrites something (leave with unsaved
// edits, delete, revert, change a stored secret, generate a new one for a pushed gateway): their wording and choices, apart from the editor's
// state machine in editor.svelte.ts.
import { confirmations } from './confirm.svelte';
import { m } from '../paraglide/messages.js';

/** Leaving `name` with unsaved edits: keep editing (null), discard, or save first. */
export async function askLeave(name: string): Promise<'discard' | 'save' | null> {
  const answer = await confirmations.ask(
    m.leave_question(),
    m.leave_body({ name }),
    [
      { value: 'cancel', label: m.leave_keep_editing(), tone: 'plain' },
      { value: 'discard', label: m.leave_discard(), tone: 'danger' },
      { value: 'save', label: m.editor_save(), tone: 'primary' },
    ],
  );
  return answer === 'discard' || answer === 'save' ? answer : null;
}

/** Deleting `name` (on `server` too, when it was pushed there): here only, there too, or not
 * (null). `remoteBlock` is why the token may not delete on the server (that choice is disabled). */
export async function askDelete(name: string, server: string | null, unsaved: boolean, remoteBlock: string | null = null): Promise<'local' | 'remote' | null> {
  const answer = await confirmations.ask(
    m.delete_question({ name }),
    unsaved
      ? m.delete_body_unsaved()
      : server
        ? m.delete_body_remote({ server })
        : m.delete_body_local(),
    server
      ? [
          { value: 'cancel', label: m.common_cancel(), tone: 'plain' },
          { value: 'local', label: m.delete_here_only(), tone: 'plain' },
          { value: 'remote', label: m.delete_here_and_on({ server }), tone: 'danger', disabledReason: remoteBlock },
        ]
      : [
          { value: 'cancel', label: m.common_cancel(), tone: 'plain' },
          { value: 'local', label: m.editor_delete(), tone: 'danger' },
        ],
  );
  return answer === 'local' || answer === 'remote' ? answer : null;
}

/** Saving a changed secret breaks the integration until the bot has it too: true to go on. */
export async function askChangeSecret(): Promise<boolean> {
  const answer = await confirmations.ask(
    m.secret_change_question(),
    m.secret_change_body(),
    [
      { value: 'cancel', label: m.secret_change_keep(), tone: 'plain' },
      { value: 'change', label: m.secret_change_confirm(), tone: 'danger' },
    ],
  );
  return answer === 'change';
}

/** Reverting `name` drops every unsaved edit: true to go on. */
export async function askRevert(name: string): Promise<boolean> {
  const answer = await confirmations.ask(
    m.layout_revert_question({ name }),
    m.layout_revert_body(),
    [
      { value: 'cancel', label: m.leave_keep_editing(), tone: 'plain' },
      { value: 'revert', label: m.layout_revert_confirm(), tone: 'danger' },
    ],
  );
  return answer === 'revert';
}

/** Generating a new secret for a gateway pushed to `server`: true to go on. */
export async function askGenerateSecret(server: string): Promise<boolean> {
  const answer = await confirmations.ask(
    m.confirm_live_secret_question(),
    m.confirm_live_secret_body({ server }),
    [
      { value: 'cancel', label: m.confirm_live_secret_keep(), tone: 'plain' },
      { value: 'generate', label: m.confirm_live_secret_generate(), tone: 'danger' },
    ],
  );
  return answer === 'generate';
}
