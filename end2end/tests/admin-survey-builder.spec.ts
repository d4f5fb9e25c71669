// The survey builder: a blank survey, two questions added, the first made a single
// choice, the second asked only on one of its answers; a bad maximum refused by the
// field's rules. Every form posts without JavaScript too.
import { expect, test, type Page } from '@playwright/test';
import { shot, signInAs, violations } from './support';

/** The list entry of the question whose text is `text`. */
function question(page: Page, text: string) {
  return page.locator('ol.admin-items > li').filter({ hasText: text });
}

/** Opens a question's "Rediger" (a native details element). */
async function edit(page: Page, text: string) {
  const entry = question(page, text);
  const details = entry.locator('details.item-edit');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return entry;
}

test('an administrator builds a survey question by question', async ({ page, javaScriptEnabled }, testInfo) => {
  const title = `E2E-undersøgelse ${testInfo.project.name}`;
  await signInAs(page, 'manager');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Høringsfrist').fill('2099-03-01 12:00');
  await page.getByLabel('Tom undersøgelse (anonym)').check();
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByText('Undersøgelsen er oprettet som kladde.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Spørgsmål (0)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tilføj deltagere' })).toBeVisible();

  for (const [area, text] of [
    ['Om dig', 'Hvilket tilbud går dit barn i?'],
    ['Skolen', 'Mit barn er glad for at gå i skole.'],
  ]) {
    await page.getByLabel('Område').fill(area);
    await page.locator('#f-new-text').fill(text);
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Spørgsmål (2)' })).toBeVisible();
  await expect(page.getByText('Spørgsmålet er tilføjet.')).toBeVisible();

  let entry = await edit(page, 'Hvilket tilbud');
  await entry.getByLabel('Type').selectOption('enkeltvalg');
  await entry.getByLabel('Svarmuligheder', { exact: true }).fill('Dagtilbud\nSkole');
  await entry.getByLabel('Obligatorisk').check();
  await entry.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(question(page, 'Hvilket tilbud')).toContainText('Enkeltvalg · obligatorisk');

  entry = await edit(page, 'glad for at gå i skole');
  await expect(entry.getByRole('group', { name: 'Vis kun når' })).toBeVisible();
  await entry.getByLabel('1 = Skole').check();
  await entry.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'survey-builder');
  // axe runs as JavaScript in the page, on the open settings form.
  if (javaScriptEnabled !== false) expect(await violations(page)).toEqual([]);
  await entry.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(question(page, 'glad for at gå i skole')).toContainText('vises når 1 = Skole');

  // A maximum on a single choice: refused with its message, the question opened
  // again with what was typed.
  entry = await edit(page, 'Hvilket tilbud');
  await entry.getByLabel('Højst').fill('5');
  await entry.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(page.getByText('Højst passer kun til flervalg')).toBeVisible();
  await expect(question(page, 'Hvilket tilbud').getByLabel('Højst')).toHaveValue('5');
  await shot(page, testInfo, 'survey-builder-refused');
  await expect(question(page, 'Hvilket tilbud')).toContainText('Enkeltvalg · obligatorisk');
});
