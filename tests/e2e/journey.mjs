// The real-window journey: the built Textgate under Xvfb with the real SQLite file and the
// real keychain (gnome-keyring via Secret Service), driven through tauri-driver.
// Create and save a profile with a generated secret, quit, start again, and find the same
// profile with the same secret read back through the keychain.
//
// Then connect to the Webitel emulator (textgate-cli emulator) with a two-factor login, pick a
// flow, push, and see
// "in sync"; break a template, see it marked in the live preview and the push refused with the
// server's words, fix it and push again.
//
// Then the Test tab (issue D): start the gateway, send a signed message to it (200) and one
// with a wrong signature (403); start the local receiver, emulate an agent reply to it and see
// it logged with a "valid" verdict; the transcript shows both directions.
//
// Then gateways to another machine (transfer.mjs): an export edited elsewhere, opened through
// the real GTK open dialog, previewed and cancelled.
//
// Then the registry (registry.mjs): over a thousand gateways pulled, sorted, searched, a range
// checked and started in bulk with one failure.
//
// Last, the app is started again under LANG=uk_UA.UTF-8 and es_ES.UTF-8 for screenshots in
// those languages (localized.mjs).
//
// usage: node journey.mjs <textgate> <tauri-driver> <textgate-cli>   (inside .ci/with-desktop)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';
import { LOCALIZED, localizedPass } from './localized.mjs';
import { debuggingPass } from './debugging.mjs';
import { faultsPass } from './faults.mjs';
import { registryPass } from './registry.mjs';
import { transferPass } from './transfer.mjs';

const [app, driverBin, cliBin] = process.argv.slice(2).map((p) => resolve(p));
const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'target/screenshots');
mkdirSync(shots, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'textgate-journey-'));
const port = 4444 + Math.floor(Math.random() * 500);
const TOTP_USER = 'ann';
const TOTP_CODE = '246810';

const driver = spawn(driverBin, ['--port', String(port)], {
  env: { ...process.env, TEXTGATE_DATA_DIR: dataDir },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let passed = 0;
let failed = 0;
let current = null; // the open WebDriver session, for failure screenshots

async function step(name, body) {
  try {
    await body();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${name}\n       ${error.stack ?? error}`);
    await current?.saveScreenshot(join(shots, 'failure.png')).catch(() => {});
    throw error;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function waitForDriver() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not start listening');
}

async function openApp() {
  current = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    capabilities: {
      browserName: 'wry',
      // WebKitWebDriver speaks classic WebDriver only: no BiDi capabilities.
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: app },
    },
  });
  return current;
}

async function field(browser, label) {
  // The form may still be rendering (a cold first start is slow): wait for the label.
  let id = null;
  await browser
    .waitUntil(async () => {
      id = await browser.execute((text) => {
        const found = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
        return found ? found.htmlFor : null;
      }, label);
      return Boolean(id);
    }, { timeout: 10000, interval: 100 })
    .catch(() => {});
  check(id, `no field labelled ${label}`);
  return browser.$(`#${id}`);
}

async function labelled(browser, text) {
  // Inputs wrapped in their <label> (the servers dialog).
  const el = await browser.$(`//label[starts-with(normalize-space(.), "${text}")]//input`);
  await el.waitForDisplayed({ timeout: 5000 });
  return el;
}

async function startEmulator() {
  const token = `journey-${Date.now()}`;
  const emuPort = 20000 + Math.floor(Math.random() * 20000);
  // The token goes in on stdin, never on the command line.
  // A two-factor user (issue H): the app logs in as it and gives the one-time code.
  const child = spawn(cliBin, ['emulator', '--port', String(emuPort), '--token-stdin', '--totp-user', TOTP_USER, '--totp-code', TOTP_CODE],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(`${token}\n`);
  const baseUrl = `http://127.0.0.1:${emuPort}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(`${baseUrl}/api/userinfo`);
      return { process: child, baseUrl, token };
    } catch {
      await sleep(100);
    }
  }
  child.kill();
  throw new Error('the emulator did not start');
}

async function button(browser, text) {
  const el = await browser.$(`button*=${text}`);
  await el.waitForClickable({ timeout: 5000 });
  return el;
}

async function shot(browser, name) {
  await sleep(800);
  await browser.saveScreenshot(join(shots, `${name}.png`));
}

function keychainSecrets() {
  // Everything gnome-keyring holds for service "textgate" (this private test keyring only).
  try {
    return execFileSync('secret-tool', ['search', '--all', '--unlock', 'service', 'textgate'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
}

let secret = '';
const name = `Journey ${Date.now()}`;
try {
  await waitForDriver();
  let browser = await openApp();
  await step('create and save a profile with a generated secret', async () => {
    await (await button(browser, '+ New')).click();
    await (await field(browser, 'Name')).setValue(name);
    await (await field(browser, 'Callback URL')).setValue('https://bot.example.com/webitel');
    const secretInput = await field(browser, 'App Secret');
    const before = await secretInput.getValue();
    await (await button(browser, 'Generate')).click();
    await browser.waitUntil(async () => (await secretInput.getValue()) !== before, { timeout: 5000 });
    secret = await secretInput.getValue();
    check(/^[A-Za-z0-9]{32}$/.test(secret), `generated secret looks wrong: ${secret.length} chars`);
    await (await button(browser, 'Save')).click();
    await (await browser.$(`button*=Saved \u201c${name}\u201d`)).waitForDisplayed({ timeout: 5000 });
    await shot(browser, '01-saved-profile');
  });

  await step('the secret is in the keychain and not in the SQLite files', async () => {
    check(keychainSecrets().includes(secret), 'the secret was not found in the Secret Service keyring');
    for (const file of ['textgate.db', 'textgate.db-wal']) {
      const path = join(dataDir, file);
      if (existsSync(path)) check(!readFileSync(path).includes(Buffer.from(secret)), `secret found in ${file}`);
    }
    check(readFileSync(join(dataDir, 'textgate.db-wal')).includes(Buffer.from(name)) ||
      readFileSync(join(dataDir, 'textgate.db')).includes(Buffer.from(name)), 'the profile is not in SQLite');
  });

  await browser.deleteSession(); // quits the app
  await sleep(500);

  browser = await openApp();
  await step('after a restart the profile and its secret are back', async () => {
    const item = await browser.$(`[role="row"][aria-label="${name}"] .title`);
    await item.waitForDisplayed({ timeout: 5000 });
    await item.click();
    const nameInput = await field(browser, 'Name');
    await browser.waitUntil(async () => (await nameInput.getValue()) === name, { timeout: 5000 });
    const secretInput = await field(browser, 'App Secret');
    check((await secretInput.getValue()) === secret, 'the secret read back differs from the one saved');
    await shot(browser, '02-after-restart');
  });

  await step('templates tab renders', async () => {
    await (await browser.$('[role="tab"]*=Templates')).click();
    await (await field(browser, 'Agent joining message')).waitForDisplayed({ timeout: 5000 });
    await shot(browser, '03-templates-tab');
    await (await browser.$('[role="tab"]*=General')).click();
  });

  const emulator = await startEmulator();
  try {
    await step('connect to the Webitel emulator with a two-factor login from the servers dialog', async () => {
      await (await button(browser, 'Servers')).click();
      await (await labelled(browser, 'Server name')).setValue('Emulator');
      const address = await labelled(browser, 'Server address');
      await address.clearValue();
      await address.setValue(emulator.baseUrl);
      await (await browser.$('//label[contains(., "User name and password")]/input')).click();
      await (await browser.$('//label[starts-with(normalize-space(.), "User name") and not(contains(., "password"))]//input')).setValue(TOTP_USER);
      await (await labelled(browser, 'Password')).setValue(emulator.token);
      await (await button(browser, 'Connect')).click();
      const code = await labelled(browser, 'Two-factor code');
      await shot(browser, '04a-two-factor-code');
      await code.setValue(TOTP_CODE);
      await (await button(browser, 'Verify')).click();
      await (await browser.$('button*=Connected to \u201cEmulator\u201d')).waitForDisplayed({ timeout: 10000 });
      await shot(browser, '04-server-added');
      await browser.keys('Escape');
    });

    await step('pick the server and a flow, push, and see "in sync"', async () => {
      const server = await field(browser, 'Server');
      await server.selectByIndex(1);
      const flow = await field(browser, 'Flow schema');
      await browser.waitUntil(async () => (await flow.isEnabled()), { timeout: 5000 });
      // The flow field is a combobox: open its list, take the first flow.
      await flow.click();
      await browser.keys(['ArrowDown', 'Enter']);
      await browser.waitUntil(async () => (await flow.getValue()) !== '', { timeout: 5000, timeoutMsg: 'no flow was picked' });
      await (await button(browser, 'Push')).click();
      await (await browser.$('button*=Created on Emulator')).waitForDisplayed({ timeout: 10000 });
      await (await browser.$('span.badge*=in sync')).waitForDisplayed({ timeout: 5000 });
      await shot(browser, '05-pushed-in-sync');
    });

    await step('a template Webitel would refuse is marked live, push is refused with its words, fixed it pushes', async () => {
      await (await browser.$('[role="tab"]*=Templates')).click();
      const join = await field(browser, 'Agent joining message');
      await join.setValue('$(.FirstName)$(if .LastName) $(.LastName)$(end) joined');
      const output = await browser.$('[data-testid="template-join-output"]');
      await browser.waitUntil(async () => (await output.isExisting()) && (await output.getText()) === 'Ann Smith joined',
        { timeout: 5000, timeoutMsg: 'the preview did not show "Ann Smith joined"' });
      await join.setValue('Hi, $(md2 .FirstName) here');
      const marker = await browser.$('[data-testid="template-join-marker"]');
      await marker.waitForDisplayed({ timeout: 5000 });
      check((await marker.getText()) === 'md2', `the marker covers ${await marker.getText()}`);
      const problem = await browser.$('[data-testid="template-join-problem"]');
      check((await problem.getText()).includes('function "md2" not defined'), 'no parse error in the preview');
      await shot(browser, '06-template-error-marked');
      await (await button(browser, 'Push')).click();
      // Refused at the field in plain words, the spot as line and column; Go's words behind Details.
      const refusal = await browser.$('#template-join-issue');
      await refusal.waitForDisplayed({ timeout: 10000 });
      const refusalText = await browser.execute((el) => el.textContent, refusal);
      check(/Webitel will refuse the .+ template: the problem is at line 1/.test(refusalText), `the refusal says ${refusalText}`);
      check(refusalText.includes('template: join:1: function "md2" not defined'), `Go's words are not under Details: ${refusalText}`);
      await shot(browser, '06a-push-refused-at-the-field');
      await (await browser.$('span.badge*=changed here')).waitForDisplayed({ timeout: 5000 });
      await join.setValue('$(.FirstName) joined');
      await browser.waitUntil(async () => (await output.isExisting()) && (await output.getText()) === 'Ann joined', { timeout: 5000 });
      await (await button(browser, 'Push')).click();
      await (await browser.$('button*=Updated on Emulator')).waitForDisplayed({ timeout: 10000 });
      await (await browser.$('span.badge*=in sync')).waitForDisplayed({ timeout: 5000 });
    });

    await step('Test tab: a signed message reaches the started gateway (200), a wrong signature gets 403', async () => {
      // The gateway is live on the server: Start asks first, then offers Undo.
      await (await browser.$('input[role="switch"]')).click();
      const start = await browser.$('//dialog[@open]//button[contains(., "Start gateway")]');
      await start.waitForDisplayed({ timeout: 5000 });
      await shot(browser, '06b-start-asks-first');
      await start.click();
      const started = await browser.$('//div[contains(@class, "toast")][contains(@aria-label, "Started")]');
      await started.waitForDisplayed({ timeout: 10000 });
      check(await (await started.$('button*=Undo')).isExisting(), 'the started toast offers no Undo');
      await (await browser.$('[role="tab"]*=Test')).click();
      const body = await field(browser, 'Body (sent exactly as written)');
      await browser.waitUntil(async () => (await body.getValue()).startsWith('{"message":'), { timeout: 5000, timeoutMsg: 'no composed body' });
      const status = await browser.$('[data-testid="send-result"] .badge');
      await (await browser.$('button=Send')).click();
      await browser.waitUntil(async () => (await status.isExisting()) && (await status.getText()) === '200',
        { timeout: 10000, timeoutMsg: 'the gateway did not answer 200' });
      await shot(browser, '07-test-send-200');
      await (await button(browser, 'Send with wrong signature')).click();
      await browser.waitUntil(async () => (await status.getText()) === '403', { timeout: 10000, timeoutMsg: 'no 403 for a wrong signature' });
      await shot(browser, '08-test-send-403');
    });

    await step('Test tab: the receiver logs an emulated agent reply with a "valid" verdict', async () => {
      await (await browser.$('#harness-receive')).click();
      const receiverPort = await browser.$('#recv-port');
      await receiverPort.waitForDisplayed({ timeout: 5000 });
      await receiverPort.clearValue();
      await receiverPort.setValue(String(21000 + Math.floor(Math.random() * 20000)));
      await (await button(browser, 'Start receiver')).click();
      await (await browser.$('[data-testid="receiver-url"]')).waitForDisplayed({ timeout: 10000 });
      await (await browser.$('#harness-webitel')).click();
      const target = await browser.$('#emulate-target');
      await browser.waitUntil(async () => (await target.getValue()) === 'receiver', { timeout: 5000, timeoutMsg: 'the receiver is not the target' });
      const text = await browser.$('#emulate-text');
      await text.clearValue();
      await text.setValue('Hello, I am Ann. How can I help?');
      await (await button(browser, 'Send as Webitel')).click();
      const delivery = await browser.$('[data-testid="delivery"]');
      await delivery.waitForDisplayed({ timeout: 10000 });
      check((await delivery.getText()).includes('200'), `the receiver did not answer 200: ${await delivery.getText()}`);
      await shot(browser, '09-webitel-emulated');
      await (await browser.$('#harness-receive')).click();
      const valid = await browser.$('[data-testid="entry"] .verdict-valid');
      await valid.waitForDisplayed({ timeout: 10000 });
      await (await browser.$('[data-testid="entry"] summary')).click();
      await (await browser.$('[data-testid="raw-body"]')).waitForDisplayed({ timeout: 5000 });
      await shot(browser, '10-receiver-log');
    });

    await step('Test tab: the transcript shows both directions of the chat', async () => {
      await (await browser.$('#harness-transcript')).click();
      await (await browser.$('[data-testid="bubble"][data-side="client"]')).waitForDisplayed({ timeout: 10000 });
      await (await browser.$('[data-testid="bubble"][data-side="webitel"]')).waitForDisplayed({ timeout: 5000 });
      await shot(browser, '11-transcript');
      await (await browser.$('#harness-history')).click();
      await (await browser.$('[data-testid="entry"]')).waitForDisplayed({ timeout: 5000 });
      await shot(browser, '12-history');
      await (await browser.$('#harness-lab')).click();
      await (await browser.$('[data-testid="lab-header-x-webitel-sign"]')).waitForDisplayed({ timeout: 5000 });
      await shot(browser, '13-signature-lab');
      await (await browser.$('#harness-burst')).click();
      await (await button(browser, 'Run burst')).click();
      // Its target is the live gateway on the server: the burst asks first, naming it and the count.
      const sendBurst = await browser.$('//dialog[@open]//button[contains(., "Send ")]');
      await sendBurst.waitForDisplayed({ timeout: 5000 });
      const question = await browser.execute(() => document.querySelector('dialog[open]')?.textContent ?? '');
      check(question.includes('on Emulator'), `the burst question does not name the server: ${question}`);
      await shot(browser, '14a-burst-asks-first');
      await sendBurst.click();
      await (await browser.$('[data-testid="histogram"]')).waitForDisplayed({ timeout: 20000 });
      await shot(browser, '14-burst');
      await (await browser.$('#harness-receive')).click();
      await (await button(browser, 'Stop receiver')).click();
    });

    await debuggingPass({ browser, step, check, shot, button });
    await faultsPass({ browser, step, check, shot, button });
    await transferPass({ browser, step, check, shot, button, cliBin, dataDir });
    await registryPass({ browser, emulator, step, check, shot, button });
  } finally {
    emulator.process.kill();
  }
  await browser.deleteSession();
  current = null;

  // The same data, shown again in Ukrainian and Spanish (the OS locale picks the language).
  for (const pass of LOCALIZED) {
    await localizedPass({ root, app, driverBin, dataDir, shots, pass, step, check });
  }
} catch (error) {
  // A failing step has reported itself; anything else (no session, no app) is reported here.
  if (failed === 0) {
    failed++;
    console.log(`  FAIL ${error.stack ?? error}`);
  }
} finally {
  driver.kill();
}

console.log(`\njourney: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
