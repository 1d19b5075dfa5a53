// The harness's calls to the Rust side (issue D), beside backend.ts so the browser tests can
// mock them the same way: the generated commands (bindings/commands.ts), named by Rust.
import { commands } from '../../bindings/commands';

export const harnessApi = commands;
