// The journey's screenshot pass in another language: the built app started again on the same
// data, under an OS locale given by LANG (WebKitGTK derives navigator.languages from it, so
// this also proves the OS-locale default; WebKit reads it through setlocale, so the locale is
// compiled with localedef into target/locales and found through LOCPATH), at 900x600, with a known label asserted in that
// language before each screen is shot. Used by journey.mjs after the English journey.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

/** What each pass expects: the OS locale, the UI's code and a few labels in that language. */
export const LOCALIZED = [
  { lang: 'uk_UA.UTF-8', code: 'uk', templatesTab: 'Шаблони', testTab: 'Тест', servers: 'Сервери Webitel' },
  { lang: 'es_ES.UTF-8', code: 'es', templatesTab: 'Plantillas', testTab: 'Prueba', servers: 'Servidores Webitel' },
];

async function waitForDriver(port) {
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

async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout: 10000 });
  return (await el.getText()).trim();
}

/** Compiles `uk_UA.UTF-8` (say) from Debian's locale sources once, without touching the system. */
function compiledLocales(root, lang) {
  const dir = join(root, 'target/locales');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, lang))) {
    const [name, charset] = lang.split('.');
    execFileSync('localedef', ['-i', name, '-f', charset, join(dir, lang)], { stdio: 'inherit' });
  }
  return dir;
}

/** Runs one pass; `step(name, body)` and `check(condition, message)` are the journey's. */
export async function localizedPass({ root, app, driverBin, dataDir, shots, pass, step, check }) {
  const port = 5000 + Math.floor(Math.random() * 500);
  // The English session's driver still holds WebKitWebDriver's default port (4445).
  const nativePort = port + 500;
  const env = {
    ...process.env,
    TEXTGATE_DATA_DIR: dataDir,
    LOCPATH: compiledLocales(root, pass.lang),
    LANG: pass.lang,
    LANGUAGE: '',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
  const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  let browser = null;
  try {
    await waitForDriver(port);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      capabilities: { browserName: 'wry', 'wdio:enforceWebDriverClassic': true, 'tauri:options': { application: app } },
    });
    await browser.setWindowSize(900, 600).catch(() => {});
    const shot = async (name) => {
      await sleep(800);
      await browser.saveScreenshot(join(shots, `${pass.code}-${name}.png`));
    };
    await step(`${pass.code}: LANG=${pass.lang} starts the UI in that language; screenshots at 900x600`, async () => {
      await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === pass.code, {
        timeout: 10000,
        timeoutMsg: `the UI did not start in ${pass.code}`,
      });
      check((await textOf(browser, '#tab-templates')) === pass.templatesTab, `the Templates tab is not "${pass.templatesTab}"`);
      await shot('01-general');
      await (await browser.$('#tab-templates')).click();
      await shot('02-templates');
      check((await textOf(browser, '#tab-test')) === pass.testTab, `the Test tab is not "${pass.testTab}"`);
      await (await browser.$('#tab-test')).click();
      await (await browser.$('#harness-send')).waitForDisplayed({ timeout: 10000 });
      await shot('03-test-send');
      await (await browser.$('#harness-receive')).click();
      await shot('04-test-receive');
      await (await browser.$('.links button')).click();
      check((await textOf(browser, '#servers-title')) === pass.servers, `the servers dialog is not "${pass.servers}"`);
      await shot('05-servers');
    });
  } finally {
    await browser?.deleteSession().catch(() => {});
    driver.kill();
  }
}
