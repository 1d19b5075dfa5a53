// How the fake backend answers `invoke`: the generated command table (bindings/commands.ts)
// routes each call to the fake's function of that name, with the arguments in the Rust order.
// The fake's functions are typed by the generated `Commands`, so a command renamed, added,
// removed or retyped in Rust fails `npm run check` here until the fake follows.
import { commandTable, type CommandName, type Commands } from '../src/bindings/commands';

/** What the UI invokes: the commands, the clipboard plugin's one call (`copyText`) and the
 * dialog plugin's two (`chooseSavePath`, `chooseOpenPath`). */
export type InvokedName = CommandName | 'plugin:clipboard-manager|write_text' | 'plugin:dialog|save' | 'plugin:dialog|open';

/** `Commands` as a fake implements them: answered at once or later. */
export type FakeCommands = {
  [K in keyof Commands]: (...args: Parameters<Commands[K]>) => ReturnType<Commands[K]> | Awaited<ReturnType<Commands[K]>>;
};

/** The fake's answer to `invoke(cmd, args)`; `undefined` when `cmd` is not a command. */
export function dispatch(fake: FakeCommands, cmd: string, args: Record<string, unknown>): { answer: unknown } | undefined {
  if (!Object.hasOwn(commandTable, cmd)) return undefined;
  const entry = commandTable[cmd as CommandName];
  const call = fake[entry.method] as (...args: unknown[]) => unknown;
  return { answer: call(...entry.args.map((name) => args[name])) };
}
