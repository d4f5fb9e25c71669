// Accessibility: axe-core (WCAG 2.1 A and AA) on every respondent and staff page at a
// phone's and a desktop's width, and a respondent who uses the keyboard alone.
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshBody, ready, shot, signInAs, state, violations } from './support';

const SHEET = path.resolve(__dirname, '../../testdata/respondents-sample.csv');

async function audit(page: Page, url: string, found: string[]) {
  await page.goto(url);
  await ready(page, true);
  for (const v of await violations(page)) {
    found.push(`${url} @${page.viewportSize()?.width}px: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
  }
}

test('axe finds no WCAG 2.1 AA violation on any page, on a phone or a desktop', async ({ page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'axe runs as JavaScript in the page');
  test.setTimeout(240_000);
  const id = state().consultation;
  const submitted = state().bodies.find((b) => b.submitted)!;
  const found: string[] = [];

  // A sheet awaiting confirmation, for the import preview.
  await signInAs(page, 'admin');
  await page.goto(`/admin/hoering/${id}`);
  await page.locator('#f-bodies-file').setInputFiles(SHEET);
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);
  const preview = new URL(page.url()).pathname;

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const respondent = [
      `/svar/${freshBody(6).token}`,
      `/svar/${submitted.token}/kvittering`,
      '/svar/det-her-er-ikke-et-rigtigt-link',
      `/svar/${state().surveyTokens[2]}`,
      `/u/${state().openLinks[1]}`,
      '/tilgaengelighed',
    ];
    const staff = [
      '/admin',
      `/admin/hoering/${id}`,
      `/admin/hoering/${id}?status=mangler`,
      `/admin/hoering/${id}/rapport`,
      `/admin/hoering/${id}/rapport?sortering=omstridt&opdeling=enhed`,
      `/admin/hoering/${id}/notat`,
      `/admin/hoering/${state().survey}/rapport?opdeling=enhed`,
      `/admin/hoering/${state().survey}`,
      `/admin/hoering/${state().parentSurvey}`,
      `/admin/hoering/${state().parentSurvey}/plakater`,
      preview,
      '/admin/udbakke',
      '/admin/brugere',
      // The demo's manager: a page with every section (role, password, sessions, access).
      '/admin/brugere/2',
      '/admin/adgangskode',
      '/admin/log',
      '/admin/ingen-adgang',
    ];
    // The parent survey broken down by its first (background) question.
    await page.goto(`/admin/hoering/${state().parentSurvey}/rapport`);
    const byAnswer = await page.locator('#f-opdeling option[value^="svar-"]').first().getAttribute('value');
    staff.push(
      `/admin/hoering/${state().parentSurvey}/rapport?opdeling=${byAnswer}`,
      `/admin/hoering/${state().survey}/rapport?institution=Nordskolen`,
      `/admin/hoering/${state().survey}/enhed?institution=Nordskolen`,
      `/admin/hoering/${state().survey}/enhed?institution=PPR`,
    );
    for (const url of [...respondent, ...staff]) await audit(page, url, found);
    // The respondent's pages in Arabic, right to left.
    await page.goto('/sprog/ar?til=/');
    for (const url of [`/u/${state().openLinks[3]}`, `/svar/${state().surveyTokens[2]}`]) await audit(page, url, found);
    await page.goto('/sprog/da?til=/');
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(preview);
  await page.getByRole('button', { name: 'Kassér' }).click();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await audit(page, '/admin/log-ind', found);
  expect(found, found.join('\n')).toEqual([]);
});

/** Presses Tab until the focused element passes `is` (at most `limit` times). */
async function tabTo(page: Page, is: string, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, is)) return;
  }
  throw new Error(`Tab never reached ${is}`);
}

test('a respondent answers and submits with the keyboard alone, and sees where the focus is', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  // Bodies no other test submits for; each project its own.
  await page.goto(`/svar/${freshBody(js ? 6 : 7).token}`);
  await ready(page, js);
  const items = page.locator('.item');
  for (let n = 0; n < 3; n++) {
    await tabTo(page, `#${await items.nth(n).getAttribute('id')} input[type=radio]`);
    if (n === 1) {
      await page.keyboard.press('ArrowRight'); // Uenig
    } else {
      await page.keyboard.press('Space'); // Enig
    }
    const focused = page.locator('.choice:has(input:focus-visible)');
    await expect(focused).toHaveCount(1);
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    if (n === 1) await shot(page, testInfo, 'keyboard-focus');
  }
  await expect(items.nth(0).getByLabel('Enig', { exact: true })).toBeChecked();
  await expect(items.nth(1).getByLabel('Uenig', { exact: true })).toBeChecked();
  await expect(items.nth(2).getByLabel('Enig', { exact: true })).toBeChecked();
  await tabTo(page, 'button[value=submit]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?bekraeft=1$/);
  await ready(page, js);
  await tabTo(page, 'button[value=confirm_submit]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/kvittering$/);
});
