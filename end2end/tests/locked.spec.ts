// After the deadline the page is read-only and says so. Runs last: it moves the demo
// hearing's deadline into the past and back.
import { expect, test } from '@playwright/test';
import { freshBody, samrad, shot, state } from './support';

test.afterAll(() => {
  samrad('set-deadline', String(state().consultation), '2099-12-31 12:00');
});

for (const js of [true, false]) {
  test(`the page is locked after the deadline (JavaScript ${js ? 'on' : 'off'})`, async ({ browser }, testInfo) => {
    samrad('set-deadline', String(state().consultation), '2020-01-01 12:00');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: js });
    const page = await context.newPage();
    const body = state().bodies.find((b) => b.submitted)!;
    await page.goto(`/svar/${body.token}`);
    await expect(page.getByText('Høringsfristen er udløbet (onsdag den 1. januar 2020 kl. 12.00).')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gem kladde' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Indsend', exact: true })).toHaveCount(0);
    const radios = page.locator('input[type=radio]');
    await expect(radios).toHaveCount(126);
    for (const radio of await radios.all()) await expect(radio).toBeDisabled();
    await shot(page, testInfo, `phone-locked-${js ? 'js' : 'nojs'}`);
    await context.close();
  });
}
