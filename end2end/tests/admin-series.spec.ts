// Series, trends and the dialogue sheet (issue 11 §2 and §4), on a phone and at a
// desk, with JavaScript on and off. The demo's staff survey is this year's edition of
// the series "Trivselsundersøgelsen", beside last year's (closed): its page lists what
// changed since, the report draws each question's trend beside its numbers, and a
// leader prints Nordskolen's dialogue sheet — one A4 page, rendered to PNG in the test
// output. axe-core finds nothing on any of these pages.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'child_process';
import { ready, shot, signInAs, state, violations } from './support';

test("the survey's series: what changed since last year, and each question's trend", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const survey = state().survey;
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${survey}#serie`);
  await ready(page, js);
  const card = page.locator('#serie');
  await expect(card).toContainText('Indgår i serien »Trivselsundersøgelsen«');
  await expect(card.locator('.editions li')).toHaveCount(2);
  await expect(card.getByRole('heading', { name: 'Nye (1)' })).toBeVisible();
  await expect(card.locator('.series-items').first()).toContainText('4.5');
  await expect(card.getByRole('heading', { name: 'Ny formulering (1)' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Udgået (1)' })).toBeVisible();
  await expect(card).toContainText('Jeg har et godt fysisk arbejdsmiljø.');
  await card.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'series-card');
  if (js) expect(await violations(page)).toEqual([]);

  // Bad input: a new series without a name. Refused at the form, the choice kept.
  await card.getByLabel('Serie', { exact: true }).selectOption('new');
  await card.getByRole('button', { name: 'Gem serie' }).click();
  await expect(page.getByText('Skriv en titel.')).toBeVisible();
  await expect(page.locator('#f-series')).toHaveValue('new');
  await page.goto(`/admin/hoering/${survey}`);
  await expect(page.locator('#serie')).toContainText('Indgår i serien »Trivselsundersøgelsen«');

  // The discussion questions, saved as they are.
  await page.locator('#serie').getByRole('button', { name: 'Gem spørgsmål' }).click();
  await expect(page.getByText('Drøftelsesspørgsmålene er gemt.')).toBeVisible();
  await expect(page.locator('#f-q1')).toHaveValue(/Hvad vil I fortsætte med/);

  // The report: a chart drawn on the server, the numbers per edition beside it, the
  // change in words; the reworded and the new question say so.
  await page.goto(`/admin/hoering/${survey}/rapport`);
  await ready(page, js);
  await expect(page.locator('.series-line')).toContainText('Serie: Trivselsundersøgelsen');
  const first = page.locator('.report-item').first();
  await expect(first.locator('svg.trend-chart polyline')).toHaveCount(1);
  await expect(first.locator('.trend-table tbody tr')).toHaveCount(2);
  await expect(first.locator('.trend-change')).toContainText(/(Steget|Faldet) \d+ procentpoint siden \d{4}|Uændret siden \d{4}/);
  const reworded = page.locator('.report-item', { hasText: '2.3 Ledelsen informerer' });
  await expect(reworded.locator('.trend-note')).toContainText('Ny formulering siden');
  const fresh = page.locator('.report-item', { hasText: '4.5 Jeg føler mig sjældent stresset' });
  await expect(fresh).toContainText('Nyt spørgsmål i denne udgave.');
  await expect(page.locator('section[aria-labelledby="udgaaet"]')).toContainText('4.6');
  await first.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'report-trend');
  if (js) expect(await violations(page)).toEqual([]);
});

test("a leader prints Nordskolen's dialogue sheet on one A4 page", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const survey = state().survey;
  await signInAs(page, 'leader');
  const card = page.locator('.leader-card', { has: page.locator(`a[href^="/admin/hoering/${survey}/enhed"]`) });
  await card.getByRole('link', { name: 'Dialogark til mødet (A4)' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/hoering/${survey}/dialogark\\?institution=Nordskolen$`));
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dialogark: Nordskolen');
  const lists = page.locator('.pick-list');
  await expect(lists).toHaveCount(2);
  await expect(lists.nth(0).locator('li')).toHaveCount(3);
  await expect(lists.nth(1).locator('li')).toHaveCount(3);
  await expect(lists.nth(0).locator('li').first()).toContainText('Nordskolen');
  await expect(lists.nth(0).locator('.trend-short').first()).toContainText(/siden \d{4}/);
  await expect(page.getByRole('heading', { name: 'Længst fra målet' })).toBeVisible();
  await expect(page.locator('.dialogue-questions li')).toHaveCount(3);
  await expect(page.locator('body')).not.toContainText('Engskolen');
  await shot(page, testInfo, 'dialogue-sheet', true);
  if (js) expect(await violations(page)).toEqual([]);

  // Another institution's sheet is refused like its figures.
  const res = await page.goto(`/admin/hoering/${survey}/dialogark?institution=Engskolen`);
  expect(res?.status()).toBe(403);

  if (js && testInfo.project.name === 'phone-js') {
    await page.goto(`/admin/hoering/${survey}/dialogark?institution=Nordskolen`);
    await ready(page, js);
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath('dialogark.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    const prefix = testInfo.outputPath('dialogark-print');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
    await testInfo.attach('dialogark.png', { path: `${prefix}.png`, contentType: 'image/png' });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Til drøftelse');
    expect(text).toContain('Tre styrker');
  }
});
