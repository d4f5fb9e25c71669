// A unit leader (the demo's leader of Nordskolen) on a phone and at a desk: signs in to
// their own institutions, opens Nordskolen's sheet in the staff survey beside the whole
// municipality, downloads its CSV, and is refused another institution's sheet and the
// report. The administrator's side: the leader's user page, where institutions are
// given. axe-core finds nothing on any of these pages.
import { expect, test } from '@playwright/test';
import { ready, shot, signInAs, state, violations } from './support';

test('a leader sees their own institution beside the whole and nothing else', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const survey = state().survey;
  await signInAs(page, 'leader');
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine institutioner');
  await expect(page.getByText('Dine institutioner: Nordskolen.')).toBeVisible();
  const cards = page.locator('.leader-card');
  // The hearing (Nordskolen's board), the staff survey and the parents' survey (and
  // what other tests of the run have opened for Nordskolen).
  for (const id of [state().consultation, survey, state().parentSurvey]) {
    await expect(cards.locator(`a[href^="/admin/hoering/${id}/enhed?institution=Nordskolen"]`)).toHaveCount(1);
  }
  await shot(page, testInfo, 'leader-home', true);
  if (js) expect(await violations(page)).toEqual([]);

  const card = cards.filter({ has: page.locator(`a[href^="/admin/hoering/${survey}/enhed"]`) });
  await expect(card).toContainText('Svarprocent, Nordskolen');
  await card.locator(`a[href^="/admin/hoering/${survey}/enhed"]`).click();
  await expect(page).toHaveURL(new RegExp(`/admin/hoering/${survey}/enhed\\?institution=Nordskolen$`));
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nordskolen');
  await expect(page.locator('.unit-sheet-table thead')).toContainText('Hele kommunen');
  await expect(page.locator('.unit-sheet-table tbody tr').first()).toContainText('% positive');
  await expect(page.locator('body')).not.toContainText('Engskolen');
  // The administration's targets, and where Nordskolen and the whole stand.
  await expect(page.locator('.unit-sheet-table tbody tr', { hasText: '2.1' })).toContainText('Mål: ≥ 60 % positive');
  await shot(page, testInfo, 'leader-sheet', true);
  if (js) expect(await violations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent tallene som CSV (Excel)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`hoering-${survey}-enhed.csv`);

  await page.getByRole('link', { name: 'Tilbage til mine institutioner' }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // Another institution, and the report of the whole: "Ingen adgang".
  for (const url of [`/admin/hoering/${survey}/enhed?institution=Engskolen`, `/admin/hoering/${survey}/rapport`]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Ingen adgang' })).toBeVisible();
  }
  await shot(page, testInfo, 'leader-refused');
});

test("the administrator gives a leader institutions on the leader's page", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  await signInAs(page, 'admin');
  // The demo's second leader: Børnehuset Kastanjen and Vuggestuen Spiren.
  await page.goto('/admin/brugere/5');
  await ready(page, js);
  const units = page.locator('section[aria-labelledby="institutioner"]');
  await expect(units.locator('.unit-list > li')).toHaveCount(2);
  await expect(units).toContainText('Børnehuset Kastanjen');
  if (js) expect(await violations(page)).toEqual([]);

  // Only a blank typed (the browser itself stops an empty required field): a message
  // at the field, nothing saved.
  await units.getByLabel('Institution').fill(' ');
  await units.getByRole('button', { name: 'Tilføj institution' }).click();
  await expect(page.getByText('Skriv enhedens navn.')).toBeVisible();
  await expect(page.locator('.unit-list > li')).toHaveCount(2);

  const project = testInfo.project.name;
  const unit = `Dagplejen ${project}`;
  await page.locator('section[aria-labelledby="institutioner"]').getByLabel('Institution').fill(unit);
  await page.getByRole('button', { name: 'Tilføj institution' }).click();
  await expect(page.getByText('Institutionen er givet til lederen.')).toBeVisible();
  await expect(page.locator('.unit-list > li')).toHaveCount(3);
  await shot(page, testInfo, 'leader-units', true);
  await page.getByRole('button', { name: `Fjern ${unit}` }).click();
  await expect(page.getByText('Institutionen er taget fra lederen.')).toBeVisible();
  await expect(page.locator('.unit-list > li')).toHaveCount(2);
});
