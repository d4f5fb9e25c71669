// The decision material over the demo hearing: the report with its bars, sorting by
// "mest omstridt" and filtering by group (a GET form: with JavaScript the router
// navigates, without it the browser does), a note written by the case worker and shown
// in the memo, and the memo printed to PDF by Chromium (saved with a PNG of page 1).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ready, shot, signInAs, state } from './support';

/** enig/uenig counts from a bar's label: "Enig: 5, Uenig: 2, Ved ikke: 1, Ikke besvaret: 0". */
function margin(label: string): number | null {
  const [agree, disagree] = [...label.matchAll(/: (\d+)/g)].map((m) => Number(m[1]));
  return agree + disagree === 0 ? null : Math.abs(agree - disagree) / (agree + disagree);
}

async function show(page: Page, field: string, value: string) {
  await page.locator(field).selectOption(value);
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
}

test('the report sorts, filters, takes a note, and prints as the memo', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const id = state().consultation;
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${id}/rapport`);
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Beslutningsgrundlag');
  const bars = page.locator('.report-item svg.bar');
  await expect(bars).toHaveCount(42);
  await expect(bars.first()).toHaveAttribute('aria-label', /^Enig: \d+, Uenig: \d+, Ved ikke: \d+, Ikke besvaret: \d+$/);
  await shot(page, testInfo, 'report');

  await show(page, '#f-sortering', 'omstridt');
  await expect(page).toHaveURL(/sortering=omstridt/);
  await expect(page.locator('#definition')).toContainText('Mest omstridt: den mindste forskel');
  const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const margins = labels.map(margin);
  const positioned = margins.filter((m): m is number => m !== null);
  expect(positioned.length).toBeGreaterThan(0);
  expect(positioned).toEqual([...positioned].sort((a, b) => a - b));
  expect(margins.slice(positioned.length).every((m) => m === null)).toBe(true);

  await show(page, '#f-gruppe', 'MED-udvalg');
  await expect(page).toHaveURL(/gruppe=MED-udvalg/);
  const rateRows = page.locator('#rates + .table-wrap tbody th');
  await expect(rateRows).toHaveText(['MED-udvalg', 'I alt']);
  await expect(page.locator('#f-sortering')).toHaveValue('omstridt');
  await shot(page, testInfo, 'report-filtered', true);

  // Each project notes a different item, so the runs do not overwrite each other.
  const index = ['phone-js', 'phone-nojs', 'desktop'].indexOf(testInfo.project.name) + 1;
  const note = `Forvaltningen anbefaler forslaget (${testInfo.project.name}).`;
  await page.goto(`/admin/hoering/${id}/rapport`);
  await ready(page, js);
  const item = page.locator('.report-item').nth(index);
  const code = (await item.locator('h2').innerText()).split(' ')[0];
  await item.locator('textarea').fill(note);
  await item.getByRole('button', { name: 'Gem bemærkning' }).click();
  await expect(page.getByText('Bemærkningen er gemt.')).toBeVisible();
  await expect(page.locator('.report-item').nth(index).locator('textarea')).toHaveValue(note);

  await page.goto(`/admin/hoering/${id}/notat`);
  await ready(page, js);
  await expect(page.getByRole('heading', { name: 'Høringsprocessen' })).toBeVisible();
  const memoItem = page.locator('.memo-item').filter({ has: page.locator('h3', { hasText: new RegExp(`^${code.replace('.', '\\.')} `) }) });
  await expect(memoItem.locator('.memo-note')).toContainText(note);
  await expect(page.getByRole('heading', { name: 'Bilag: Høringsparter, der ikke har svaret' })).toBeVisible();

  if (testInfo.project.name === 'desktop') {
    const pdf = testInfo.outputPath('hoeringsnotat.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const size = fs.statSync(pdf).size;
    expect(size).toBeGreaterThan(10_000);
    const text = fs.readFileSync(pdf, 'latin1');
    const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(text)?.[1] ?? '0');
    expect(pages).toBeGreaterThan(3);
    const prefix = testInfo.outputPath('hoeringsnotat-side');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
    await testInfo.attach('hoeringsnotat.pdf', { path: pdf, contentType: 'application/pdf' });
    await testInfo.attach('hoeringsnotat-side-1', { path: `${prefix}.png`, contentType: 'image/png' });
  }
});

test('a viewer reads the report but gets no note form', async ({ page }) => {
  await page.goto('/admin/log-ind');
  await page.getByLabel('E-mail').fill('laeser@samrad.local');
  await page.getByLabel('Adgangskode').fill('demo-viewer-2027');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/hoering/${state().consultation}/rapport`);
  await expect(page.locator('.report-item')).toHaveCount(42);
  await expect(page.getByRole('button', { name: 'Gem bemærkning' })).toHaveCount(0);
});

test('a survey breaks down by a background answer, marks free text by language, and prints one unit', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${state().parentSurvey}/rapport`);
  await ready(page, js);
  // The parents' first question is the background: school or daycare.
  const byAnswer = await page.locator('#f-opdeling option[value^="svar-"]').first().getAttribute('value');
  await show(page, '#f-opdeling', byAnswer!);
  await expect(page).toHaveURL(new RegExp(`opdeling=${byAnswer}`));
  const table = page.locator('.report-item').nth(3).locator('table.tally-table');
  await expect(table.locator('tbody th[scope="row"]', { hasText: 'Skole' })).toBeVisible();
  await expect(table.locator('tbody th[scope="row"]', { hasText: 'Dagtilbud' })).toBeVisible();
  await page.locator('.report-item').nth(3).scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'survey-by-answer');
  // Free text answered on the Arabic page says so, and is marked up in Arabic.
  await page.goto(`/admin/hoering/${state().parentSurvey}/notat`);
  const arabic = page.locator('.comment-list li').filter({ has: page.locator('.written-in') }).first();
  await expect(arabic).toContainText('Skrevet på');
  await expect(arabic.locator('.comment-text')).toHaveAttribute('lang', /^(ar|en)$/);
  await arabic.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'free-text-language');

  // One unit beside the whole, on screen and as its printed A4 page.
  await page.goto(`/admin/hoering/${state().survey}/rapport`);
  await ready(page, js);
  await show(page, '#f-institution', 'Nordskolen');
  await page.getByRole('link', { name: 'Udskriv institutionens side (A4)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nordskolen');
  await expect(page.locator('.unit-sheet-table tbody tr').first()).toContainText('% positive');
  await shot(page, testInfo, 'unit-sheet', true);
  await page.goto(`/admin/hoering/${state().survey}/enhed?institution=PPR`);
  await expect(page.locator('.unit-sheet-table tbody tr').first()).toContainText('Færre end 5 svar');
  if (testInfo.project.name === 'desktop') {
    await page.goto(`/admin/hoering/${state().survey}/enhed?institution=Nordskolen`);
    const pdf = testInfo.outputPath('unit-sheet.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, testInfo.outputPath('unit-sheet-print')]);
    const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBe(1);
  }
});
