// A receiver that fails on purpose in the real window (issue J §4): on the Test tab's Receive
// panel the plan is set to "Fail the first N" with 2, the receiver started, and three real
// HTTP requests sent to it from here: they get 500, 500, 200, and its log shows the same.

/** The log's status badges, newest first. */
async function loggedStatuses(browser) {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="entry"] summary .badge[class*="status-"]'), (b) => b.textContent.trim()),
  );
}

export async function faultsPass({ browser, step, check, shot, button }) {
  await step('Test tab: a receiver failing the first 2 answers 500, 500, 200 and logs it', async () => {
    await (await browser.$('#harness-receive')).click();
    const plan = await browser.$('#recv-plan');
    await plan.waitForDisplayed({ timeout: 5000 });
    await plan.selectByAttribute('value', 'failFirst');
    const count = await browser.$('#recv-fail-count');
    await count.waitForDisplayed({ timeout: 5000 });
    await count.clearValue();
    await count.setValue('2');
    await (await button(browser, 'Start receiver')).click();
    const urlField = await browser.$('[data-testid="receiver-url"]');
    await urlField.waitForDisplayed({ timeout: 10000 });
    const url = (await urlField.getText()).trim();
    const got = [];
    for (let n = 1; n <= 3; n++) {
      const body = JSON.stringify({ message: { chatId: 'c-faults', text: `Attempt ${n}` } });
      const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      got.push(answer.status);
    }
    check(got.join(',') === '500,500,200', `the failing receiver answered ${got.join(', ')}`);
    await browser.waitUntil(async () => (await loggedStatuses(browser)).length >= 3, {
      timeout: 10000,
      timeoutMsg: 'the receiver log did not show the three requests',
    });
    const logged = await loggedStatuses(browser);
    check(logged.slice(0, 3).join(',') === '200,500,500', `the log shows ${logged.join(', ')} (newest first)`);
    await shot(browser, '15c-failing-receiver');
    await (await button(browser, 'Stop receiver')).click();
    await (await button(browser, 'Start receiver')).waitForDisplayed({ timeout: 5000 });
    await (await browser.$('#recv-plan')).selectByAttribute('value', 'normal');
  });
}
