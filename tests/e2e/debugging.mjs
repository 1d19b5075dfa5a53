// Debugging an integration in the real window (issue J): the gateway's 403 (the wrong
// signature sent earlier) is copied from the History as a cURL command, the command is read
// back by Paste cURL (the command itself in the shot), and the same entry is opened for resend,
// its body edited, re-signed and sent: the gateway answers 200 and the new entry replays it.

/** The History with the gateway's 403 (the wrong signature sent earlier), its details open. */
async function open403(browser) {
  await (await browser.$('#harness-history')).click();
  const entry = await browser.$('//details[@data-testid="entry"][.//summary[contains(., "wrong signature")]]');
  await entry.waitForDisplayed({ timeout: 10000 });
  await (await entry.$('summary')).click();
  return entry;
}

export async function debuggingPass({ browser, step, check, shot, button }) {
  await step('History: a 403 copied as cURL, the command read back by Paste cURL', async () => {
    const entry = await open403(browser);
    const id = Number(await entry.getAttribute('data-id'));
    await (await entry.$('button*=Copy as cURL')).click();
    const copied = await browser.$('//div[contains(@class, "toast")][contains(., "Copied the cURL command")]');
    await copied.waitForDisplayed({ timeout: 5000 });
    // What was copied, asked of core the way the app asked (the clipboard is not readable here).
    const command = await browser.execute((entryId) => window.__TAURI_INTERNALS__.invoke('history_curl', { id: entryId }), id);
    check(command.includes('X-Webitel-Sign: '), `the command carries no signature: ${command}`);
    await (await browser.$('#harness-send')).click();
    await (await button(browser, 'Paste cURL')).click();
    const pasted = await browser.$('#curl-paste');
    await pasted.waitForDisplayed({ timeout: 5000 });
    // As a paste puts it there: WebDriver's typing turns the line breaks after each `\\` into
    // nothing, and bash would then read `\ ` as an argument of its own.
    await browser.execute((el, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, pasted, command);
    await shot(browser, '15a-copy-as-curl');
    // The paste dialog's own Load (the History behind it has a "Load more" of its own).
    const load = await browser.$('//dialog[@open]//button[normalize-space(.)="Load"]');
    await load.waitForClickable({ timeout: 5000 });
    await load.click();
    const editor = await browser.$('[data-testid="raw-request"]');
    await editor.waitForDisplayed({ timeout: 5000 });
    check((await (await browser.$('#raw-url')).getValue()).includes('/chat/'), 'the pasted URL is not the gateway');
    await (await editor.$('button*=Close')).click();
  });

  await step('History: the 403 opened for resend, its body edited, re-signed: 200, linked to it', async () => {
    const entry = await open403(browser);
    const id = Number(await entry.getAttribute('data-id'));
    await (await entry.$('button*=Edit and resend')).click();
    const body = await browser.$('#raw-body');
    await body.waitForDisplayed({ timeout: 5000 });
    const edited = (await body.getValue()).replace(/"text":"[^"]*"/, '"text":"Edited before resending"');
    await body.clearValue();
    await body.setValue(edited);
    await (await browser.$('input[name="raw-signing"][value="resign"]')).click();
    const editor = await browser.$('[data-testid="raw-request"]');
    await (await editor.$('button=Send')).click();
    const sent = await browser.$('[data-testid="raw-request-sent"]');
    await sent.waitForDisplayed({ timeout: 10000 });
    check((await sent.getText()).includes(`replays #${id}`), `the resend does not link to #${id}: ${await sent.getText()}`);
    const status = await editor.$('[data-testid="send-result"] .badge');
    check((await status.getText()) === '200', `the re-signed resend got ${await status.getText()}`);
    await shot(browser, '15b-replay-edited');
    await (await editor.$('button*=Close')).click();
    await (await browser.$('#harness-history')).click();
  });
}
