// The anonymous staff survey on a phone, with JavaScript on and off: the anonymity
// note before the first answer, a statement on the five-step scale with "ved ikke"
// apart, the 0–10 question in two rows, free text; submitted, the link only thanks.
// Then the report: a small unit's figures hidden behind "Færre end 5 svar".
import { expect, test } from '@playwright/test';
import { ready, shot, signInAs, state } from './support';

test('a staff member answers the survey anonymously', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  // One link per project: phone-js takes the first, phone-nojs the second.
  const token = state().surveyTokens[js ? 0 : 1];
  await page.goto(`/svar/${token}`);
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trivselsundersøgelse for medarbejdere');
  await expect(page.getByRole('heading', { name: 'Dine svar er anonyme' })).toBeVisible();
  await expect(page.getByText('aldrig hvad du har svaret')).toBeVisible();
  await shot(page, testInfo, 'survey-top');

  const first = page.locator('.item').first();
  await expect(first.locator('label.choice')).toHaveCount(6);
  await first.getByText('Helt enig', { exact: true }).click();
  await expect(first.locator('input[value="5"]')).toBeChecked();
  const nps = page.locator('.item').filter({ has: page.locator('.scale-nps') });
  await expect(nps.locator('label.choice')).toHaveCount(11);
  await nps.locator('label.choice').filter({ hasText: /^9$/ }).click();
  // The eleven targets fit the phone's width in two rows, each at least 44 px.
  const boxes = await nps.locator('label.choice').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, right: r.right })),
  );
  expect(boxes.every((b) => b.w >= 44 && b.h >= 44 && b.right <= 390)).toBe(true);
  await nps.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'survey-nps');
  const text = page.locator('.item').filter({ has: page.locator('.text-answer') }).first();
  await text.locator('textarea').fill('Kollegerne.');

  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  // Items were left blank: the survey asks before submitting.
  await page.getByRole('button', { name: 'Indsend alligevel' }).click();
  await expect(page).toHaveURL(/\/kvittering$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tak for dit svar');
  await expect(page.getByText('Kollegerne.')).toHaveCount(0);
  await shot(page, testInfo, 'survey-receipt');

  await page.goto(`/svar/${token}`);
  await expect(page.getByText('gemt anonymt')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Indsend', exact: true })).toHaveCount(0);
});

test('the survey report hides a small unit and the one that would give it away', async ({ page, javaScriptEnabled }, testInfo) => {
  test.skip(javaScriptEnabled === false, 'the administration is tried with JavaScript on the desktop project too');
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${state().survey}/rapport?opdeling=enhed`);
  await ready(page, true);
  const table = page.locator('.report-item').first().locator('table.tally-table');
  await expect(table.locator('tr', { hasText: 'PPR' })).toContainText('Færre end 5 svar');
  await expect(table.locator('tr', { hasText: 'Skovbørnehaven' })).toContainText('Færre end 5 svar');
  await expect(table.locator('tr', { hasText: 'Nordskolen' })).toContainText('%');
  await expect(page.locator('.report-item').first().locator('.key-figures')).toContainText('Andel positive');
  await shot(page, testInfo, 'survey-report');
});

test('a parent answers through the open link, and the first answer decides what is asked', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const code = state().openLinks[js ? 0 : 1];
  await page.goto(`/u/${code}`);
  await ready(page, js);
  await expect(page.getByText(/^For /)).toBeVisible();
  await shot(page, testInfo, 'open-link');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/svar\//);
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forældretilfredshed');
  const daycare = page.getByRole('heading', { name: 'Dagtilbuddet' });
  const school = page.getByRole('heading', { name: 'Skolen' });
  await expect(daycare).toBeHidden();
  await expect(school).toBeHidden();
  const first = page.locator('.item').first();
  if (js) {
    // The branch appears in place, and changes with the answer.
    await first.getByText('Dagtilbud', { exact: false }).click();
    await expect(daycare).toBeVisible();
    await expect(school).toBeHidden();
    await first.getByText('Skole', { exact: true }).click();
    await expect(school).toBeVisible();
    await expect(daycare).toBeHidden();
  } else {
    // Without JavaScript the survey goes page by page; the server decides the next.
    await expect(page.getByText('Side 1 af 2')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Indsend', exact: true })).toHaveCount(0);
    await first.getByText('Skole', { exact: true }).click();
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(page).toHaveURL(/side=2/);
    await expect(school).toBeVisible();
    await expect(daycare).toBeHidden();
    await expect(page.getByRole('button', { name: 'Tilbage' })).toBeVisible();
  }
  const statement = page.locator('section.area:not([hidden]) .item:not([hidden])').filter({ has: page.locator('.scale-likert5') }).first();
  await statement.getByText('Helt enig', { exact: true }).click();
  await shot(page, testInfo, 'survey-branch');
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await page.getByRole('button', { name: 'Indsend alligevel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tak for dit svar');
  // The same browser, back at the poster's link: asked before answering again.
  await page.goto(`/u/${code}`);
  await expect(page.getByText('allerede svaret fra denne browser')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Svar igen' })).toBeVisible();
});

test('a parent reads the survey in Arabic, right to left', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const code = state().openLinks[js ? 2 : 3];
  await page.goto(`/u/${code}`);
  // The switch names each language in itself.
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('رضا أولياء الأمور');
  await page.getByRole('button', { name: 'ابدأ' }).click();
  await expect(page).toHaveURL(/\/svar\//);
  await ready(page, js);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText('إجاباتك مجهولة الهوية')).toBeVisible();
  await page.locator('.item').first().getByText('مدرسة', { exact: true }).click();
  if (!js) await page.getByRole('button', { name: 'التالي' }).click();
  await expect(page.getByRole('heading', { name: 'المدرسة' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'دار الرعاية' })).toBeHidden();
  // Mirrored: the first answer's label starts at the right edge of the phone.
  const box = await page.locator('section.area:not([hidden]) .item:not([hidden]) label.choice').first().boundingBox();
  expect(box && box.x + box.width).toBeGreaterThan(330);
  await shot(page, testInfo, 'survey-arabic');
});

test('the posters print one unit a page with its QR code', async ({ page, javaScriptEnabled }, testInfo) => {
  test.skip(javaScriptEnabled === false, 'an administration page, tried with JavaScript');
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${state().parentSurvey}`);
  await expect(page.getByRole('heading', { name: 'Åbne links' })).toBeVisible();
  await page.getByRole('link', { name: /Plakater til udskrift/ }).click();
  await expect(page.locator('section.poster')).toHaveCount(4);
  await expect(page.locator('section.poster').first().locator('svg')).toHaveCount(1);
  await shot(page, testInfo, 'posters');
});

test('a multiple choice takes at most two, and says so by the question', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  // A fresh browser starts a fresh answer on the same poster.
  await page.goto(`/u/${state().openLinks[js ? 0 : 1]}`);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/svar\//);
  await ready(page, js);
  await page.locator('.item').first().getByText('Skole', { exact: true }).click();
  if (!js) await page.getByRole('button', { name: 'Næste' }).click();
  const item = page.locator('.item').filter({ hasText: 'Hvordan får du helst information?' });
  await expect(item.locator('.choose-max')).toHaveText('Vælg højst 2.');
  for (const option of ['Forældreappen', 'E-mail', 'Forældremøder']) {
    await item.getByText(option, { exact: true }).click();
  }
  if (!js) await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.locator('.item').filter({ hasText: 'Hvordan får du helst information?' }))
    .toContainText('Der er valgt for mange. Vælg højst 2.');
  await page.locator('.item').filter({ hasText: 'Hvordan får du helst information?' }).scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'survey-too-many');
  const again = page.locator('.item').filter({ hasText: 'Hvordan får du helst information?' });
  await again.getByText('Forældremøder', { exact: true }).click();
  if (js) {
    await expect(again).not.toContainText('Der er valgt for mange');
  } else {
    // Without JavaScript the boxes come back as ticked; one less is saved.
    await expect(again.locator('input[value="Forældremøder"]')).not.toBeChecked();
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByText('Der er valgt for mange')).toHaveCount(0);
  }
});
