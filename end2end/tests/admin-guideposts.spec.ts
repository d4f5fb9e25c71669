// Pejlemærker and learning stories (issue 11 §5), on a phone and at a desk, with
// JavaScript on and off. The demo's period "Pejlemærker 2026" has three guideposts;
// six institutions wrote a story for the first two. The administration reads them side
// by side, filters by theme, tags, quotes word for word (refused when not), writes the
// meta-narrative, links survey questions (refused when the survey lacks them) and
// prints the committee memo. axe-core finds nothing on any of these pages.
import { expect, test, type Page } from '@playwright/test';
import { ready, shot, signInAs, violations } from './support';

async function openPeriod(page: Page, js: boolean) {
  await signInAs(page, 'manager');
  await expect(page.locator('a[href="/admin/pejlemaerker"]').first()).toHaveCount(1);
  await page.goto('/admin/pejlemaerker');
  await ready(page, js);
  await page.getByRole('link', { name: 'Pejlemærker 2026' }).click();
  await expect(page).toHaveURL(/\/admin\/pejlemaerker\/\d+$/);
  await ready(page, js);
}

test('the period page lists its guideposts and refuses a period that exists', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  await openPeriod(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pejlemærker 2026');
  await expect(page.locator('.guidepost-list > li')).toHaveCount(3);
  // Not every institution wrote for every guidepost: a story is counted when it was
  // submitted with something in it.
  const counts = page.locator('.guidepost-list > li').getByRole('link', { name: /Læs historierne/ });
  await expect(counts).toHaveText(['Læs historierne (6)', 'Læs historierne (4)', 'Læs historierne (2)']);
  await shot(page, testInfo, 'period');
  if (js) expect(await violations(page)).toEqual([]);

  await page.goto('/admin/pejlemaerker');
  await ready(page, js);
  await expect(page.locator('table tbody tr', { hasText: 'Pejlemærker 2026' })).toContainText('3');
  await page.getByRole('textbox', { name: 'Periode' }).fill('pejlemærker 2026');
  await page.getByRole('button', { name: 'Opret periode' }).click();
  await expect(page.getByText('Der findes allerede en periode med navnet »pejlemærker 2026«.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Periode' })).toHaveValue('pejlemærker 2026');
  await shot(page, testInfo, 'periods-refused');
  if (js) expect(await violations(page)).toEqual([]);
});

test("a guidepost's stories side by side: themes, a word-for-word quote, the narrative", async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  await openPeriod(page, js);
  await page.getByRole('link', { name: 'Læs historierne (6)' }).first().click();
  await expect(page).toHaveURL(/\/admin\/pejlemaerke\/\d+$/);
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprog fra første dag');
  const stories = page.locator('li.story');
  await expect(stories).toHaveCount(6);
  const nord = stories.filter({ has: page.getByRole('heading', { name: 'Nordskolen' }) });
  await expect(nord).toContainText('Hvad gjorde vi?');
  await expect(nord).toContainText('ti minutters højtlæsning');
  await shot(page, testInfo, 'stories');
  if (js) expect(await violations(page)).toEqual([]);

  // A theme narrows the stories to those that carry it.
  const themes = page.locator('nav.themes');
  await themes.getByRole('link', { name: 'Faste rutiner (2)' }).click();
  await expect(page).toHaveURL(/tema=/);
  await expect(page.locator('li.story')).toHaveCount(2);
  await themes.getByRole('link', { name: 'Alle' }).click();
  await expect(page.locator('li.story')).toHaveCount(6);

  // Bad input: a theme over 40 characters. Refused on that story, the typing kept.
  const long = 'Et tema der er alt for langt til at stå i en liste';
  const before = await nord.getByLabel('Temaer').inputValue();
  await nord.getByLabel('Temaer').fill(`Højtlæsning, ${long}`);
  await nord.getByRole('button', { name: 'Gem temaer' }).click();
  const nordAgain = page.locator('li.story').filter({ has: page.getByRole('heading', { name: 'Nordskolen' }) });
  await expect(nordAgain.getByText(`Temaet »${long}« er for langt (højst 40 tegn).`)).toBeVisible();
  await expect(nordAgain.getByLabel('Temaer')).toHaveValue(`Højtlæsning, ${long}`);
  await shot(page, testInfo, 'theme-refused');
  // Saved as it was, so every project starts from the demo's themes.
  await nordAgain.getByLabel('Temaer').fill(before);
  await nordAgain.getByRole('button', { name: 'Gem temaer' }).click();
  await expect(page.getByText('Temaerne er gemt.')).toBeVisible();

  // Bad input: a quote that is not in the story, word for word. Refused, kept.
  const story = page.locator('li.story').filter({ has: page.getByRole('heading', { name: 'Nordskolen' }) });
  await story.getByText('Vælg citat til notatet').click();
  await story.getByLabel('Fra').selectOption({ label: 'Hvad så vi?' });
  await story.getByLabel('Uddrag (valgfrit)').fill('Alle børn elsker at læse');
  await story.getByRole('button', { name: 'Vælg citat' }).click();
  const refused = page.locator('li.story').filter({ has: page.getByRole('heading', { name: 'Nordskolen' }) });
  await expect(refused.getByText(/Citatet skal stå ordret i historien/)).toBeVisible();
  await expect(refused.getByLabel('Uddrag (valgfrit)')).toHaveValue('Alle børn elsker at læse');
  await shot(page, testInfo, 'quote-refused');
  if (js) expect(await violations(page)).toEqual([]);

  // The same excerpt copied from the text is chosen, and listed among the quotes.
  const excerpt = 'de stille børn deltog mere i samtalerne bagefter';
  await refused.getByLabel('Fra').selectOption({ label: 'Hvad så vi?' });
  await refused.getByLabel('Uddrag (valgfrit)').fill(excerpt);
  await refused.getByRole('button', { name: 'Vælg citat' }).click();
  await expect(page.getByText('Citatet er valgt til notatet.')).toBeVisible();
  const quotes = page.locator('section[aria-labelledby="citater"]');
  await expect(quotes).toContainText(excerpt);
  // Removed again, so every project starts from the demo's two quotes.
  await quotes.locator('li', { hasText: excerpt }).getByRole('button', { name: 'Fjern citat' }).click();
  await expect(page.getByText('Citatet er fjernet.')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="citater"]')).not.toContainText(excerpt);

  // The meta-narrative, saved as written.
  const narrative = page.locator('#f-narrative');
  await expect(narrative).toHaveValue(/Seks institutioner har skrevet om sprog/);
  await page.getByRole('button', { name: 'Gem metafortælling' }).click();
  await expect(page.getByText('Metafortællingen er gemt.')).toBeVisible();

  // Bad input: a survey question the survey does not have.
  const figures = page.locator('section[aria-labelledby="tal"]');
  await figures.getByLabel('Spørgsmål').fill('5.1, 9.9');
  await figures.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText(/Spørgsmål 9\.9 findes ikke i undersøgelsen/)).toBeVisible();
  await expect(page.locator('section[aria-labelledby="tal"]').getByLabel('Spørgsmål')).toHaveValue('5.1, 9.9');
  await shot(page, testInfo, 'codes-refused');
  if (js) expect(await violations(page)).toEqual([]);
});

test('the memo for the committee: narratives, figures with their trend, quotes', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  await openPeriod(page, js);
  await page.getByRole('link', { name: 'Notat til udvalget' }).click();
  await expect(page).toHaveURL(/\/admin\/pejlemaerker\/\d+\/notat$/);
  await ready(page, js);
  const memo = page.locator('article.narrative-memo');
  await expect(memo.getByRole('heading', { level: 1 })).toHaveText('Pejlemærker 2026');
  await expect(memo.locator('.memo-guidepost')).toHaveCount(3);
  const first = memo.locator('.memo-guidepost').first();
  await expect(first).toContainText('Seks institutioner har skrevet om sprog');
  await expect(first.locator('.memo-figure')).toHaveCount(2);
  await expect(first).toContainText('Små grupper giver plads til, at alle børn kommer til orde.');
  await shot(page, testInfo, 'narrative-memo', true);
  if (js) expect(await violations(page)).toEqual([]);
});
