// "Hvad er godt nok?": the case worker sets a target on a staff-survey question from
// the report (a <details> form that works without JavaScript), gets a clear refusal for
// a target off the scale, sees where the figure stands in words, and removes it. The
// demo's own targets show on the report and on the institution's sheet.
import { expect, test } from '@playwright/test';
import { ready, shot, signInAs, state } from './support';

test('a target is set on a question, judged in words, and removed', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const survey = state().survey;
  await signInAs(page, 'manager');
  await page.goto(`/admin/hoering/${survey}/rapport`);
  await ready(page, js);
  // The demo's targets: 2.1 its own, 1.x the area's.
  const recognition = page.locator('.report-item', { hasText: '2.1 Min nærmeste leder giver mig anerkendelse' });
  await expect(recognition.locator('.target-line')).toContainText('Mål: ≥ 60 % positive');
  await expect(recognition.locator('.target-line .standing')).toHaveText(/^(Over målet|Tæt på målet|Under målet)$/);
  await expect(page.getByRole('heading', { name: 'Mål for områder' })).toBeVisible();

  const card = page.locator('.report-item', { hasText: '1.2 Mit arbejde giver mening for mig.' });
  await expect(card.locator('.target-line')).toContainText('Mål: gns. ≥ 3,8 (områdets mål)');
  await card.getByText('Sæt mål').click();
  await card.getByLabel('Tal', { exact: true }).selectOption('mean');
  await card.getByLabel('Mindst', { exact: true }).fill('9');
  await card.getByRole('button', { name: 'Gem mål' }).click();
  // Refused: the reason at the form, which stays open with what was typed.
  const again = page.locator('.report-item', { hasText: '1.2 Mit arbejde giver mening for mig.' });
  await expect(again.getByRole('alert')).toContainText('Målet skal ligge inden for 1 … 5.');
  await expect(again.getByLabel('Mindst', { exact: true })).toHaveValue('9');
  await again.getByLabel('Mindst', { exact: true }).fill('3,5');
  await again.getByRole('button', { name: 'Gem mål' }).click();
  await expect(page.getByText('Målet er gemt.')).toBeVisible();
  const saved = page.locator('.report-item', { hasText: '1.2 Mit arbejde giver mening for mig.' });
  await expect(saved.locator('.target-line')).toContainText('Mål: gns. ≥ 3,5');
  await expect(saved.locator('.target-line')).not.toContainText('områdets mål');
  await saved.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'target-on-question');

  await saved.getByText('Sæt mål').click();
  await saved.getByRole('button', { name: 'Fjern mål' }).click();
  await expect(page.getByText('Målet er fjernet.')).toBeVisible();
  await expect(page.locator('.report-item', { hasText: '1.2 Mit arbejde giver mening for mig.' }).locator('.target-line')).toContainText('(områdets mål)');

  // The institution's sheet says where the unit and the whole stand.
  await page.goto(`/admin/hoering/${survey}/enhed?institution=Nordskolen`);
  const row = page.locator('.unit-sheet-table tbody tr', { hasText: '2.1' });
  await expect(row).toContainText('Mål: ≥ 60 % positive');
  await expect(row.locator('.standing')).toHaveCount(2);
  await row.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'target-on-sheet');
});
