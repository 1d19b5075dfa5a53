// The real Rust template engine for the browser tests: runs core's `template_preview_pipe`
// example (built by `make test-ui`) and exposes it to the page as `window.__textgateRust`, which
// the fake backend uses for preview_templates and the template checks. Tests that use this
// fixture see exactly what the app's IPC commands would answer.
import { test as base } from '@playwright/test';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const pipePath =
  process.env.TEXTGATE_TEMPLATE_PIPE ??
  fileURLToPath(new URL('../../target/debug/examples/template_preview_pipe', import.meta.url));

class RustPipe {
  #child: ChildProcessWithoutNullStreams;
  #waiting: ((line: string) => void)[] = [];

  constructor() {
    if (!existsSync(pipePath)) {
      throw new Error(`${pipePath} is missing: build it with \`cargo build --workspace --example template_preview_pipe\``);
    }
    this.#child = spawn(pipePath, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
  }

  request(body: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      this.#waiting.push((line) => resolve(JSON.parse(line)));
      this.#child.stdin.write(JSON.stringify(body) + '\n');
    });
  }

  close() {
    this.#child.stdin.end();
  }
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const pipe = new RustPipe();
    await page.exposeFunction('__textgateRust', (body: unknown) => pipe.request(body));
    await use(page);
    pipe.close();
  },
});
export { expect } from '@playwright/test';
