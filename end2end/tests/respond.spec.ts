// A board answers the 42-item hearing on a phone: with JavaScript (autosave) and
// without (plain form posts), each in its own project on a 390×844 viewport.
import { expect, test } from '@playwright/test';
import { choose, freshBody, LABELS, ready, shot, VALUES, writeComment } from './support';

test('answer all 42 proposals with comments, save, reload, submit, edit and resubmit', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const body = freshBody(js ? 0 : 1);
  await page.goto(`/svar/${body.token}`);
  await ready(page, js);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Høring om udviklingsplan for skole og dagtilbud');
  await expect(page.getByText(body.name)).toBeVisible();
  await expect(page.getByText('0 af 42 besvaret')).toBeVisible();
  await shot(page, testInfo, 'phone-start');

  const items = page.locator('.item');
  await expect(items).toHaveCount(42);
  for (let i = 0; i < 42; i++) {
    await choose(page, i, VALUES[i % 3]);
    await writeComment(page, i, `Kommentar til forslag nr. ${i + 1}: ${js ? 'med' : 'uden'} JavaScript.`);
  }
  await page.locator('#gc').fill('Samlet set bakker bestyrelsen op om planen.');
  await expect(page.getByText('42 af 42 besvaret')).toHaveCount(js ? 1 : 0);
  await shot(page, testInfo, 'phone-answered');

  if (js) {
    // Autosave: everything is stored before any button is pressed.
    await expect(page.locator('.save-status')).toHaveText(/^Gemt/, { timeout: 15_000 });
    await page.reload();
    await ready(page, js);
    await expect(page.getByText('42 af 42 besvaret')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page).toHaveURL(/\?gemt=1$/);
  await expect(page.getByText('Kladden er gemt')).toBeVisible();

  await page.reload();
  await ready(page, js);
  await expect(page.getByText('42 af 42 besvaret')).toBeVisible();
  for (let i = 0; i < 42; i++) {
    await expect(items.nth(i).getByLabel(LABELS[VALUES[i % 3]], { exact: true })).toBeChecked();
  }
  await expect(items.nth(41).locator('textarea')).toHaveValue(/forslag nr. 42/);
  await expect(page.locator('#gc')).toHaveValue('Samlet set bakker bestyrelsen op om planen.');

  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(page).toHaveURL(/\/kvittering$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tak for jeres høringssvar');
  await expect(page.getByText(/indsendelse nr\. 1\)/)).toBeVisible();
  await shot(page, testInfo, 'phone-receipt');

  await page.getByRole('link', { name: 'Ret svarene' }).click();
  await ready(page, js);
  await choose(page, 0, 'disagree');
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(page).toHaveURL(/\/kvittering$/);
  await expect(page.getByText(/indsendelse nr\. 2\)/)).toBeVisible();
  await expect(page.locator('dd').first()).toContainText('Uenig');
});

test('submitting with blanks lists them and asks before submitting', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const body = freshBody(js ? 2 : 3);
  await page.goto(`/svar/${body.token}`);
  await ready(page, js);
  await choose(page, 0, 'agree');
  await choose(page, 1, 'dont_know');
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(page).toHaveURL(/\?bekraeft=1$/);
  await expect(page.getByRole('heading', { name: '40 forslag er ikke besvaret' })).toBeVisible();
  await expect(page.locator('.notice-confirm .item-links li')).toHaveCount(40);
  await shot(page, testInfo, 'phone-confirm');
  // The jump link goes to the first unanswered proposal.
  await page.locator('.notice-confirm').getByRole('link', { name: 'Forslag 1.3' }).click();
  await expect(page).toHaveURL(/#item-\d+$/);
  await page.getByRole('button', { name: 'Indsend alligevel' }).click();
  await expect(page).toHaveURL(/\/kvittering$/);
  await expect(page.getByText('Ikke besvaret').first()).toBeVisible();
});

test('a second member sees the draft, and a conflicting answer is not lost', async ({ browser, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const body = freshBody(js ? 4 : 5);
  const options = { viewport: { width: 390, height: 844 }, javaScriptEnabled: js, isMobile: true, hasTouch: true };
  const anna = await (await browser.newContext(options)).newPage();
  const bo = await (await browser.newContext(options)).newPage();

  await anna.goto(`/svar/${body.token}`);
  await ready(anna, js);
  await choose(anna, 0, 'agree');
  await writeComment(anna, 0, 'Anna: vi er enige.');
  await anna.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(anna.getByText('Kladden er gemt')).toBeVisible();

  // Bo opens the same link later and continues Anna's draft.
  await bo.goto(`/svar/${body.token}`);
  await ready(bo, js);
  await expect(bo.locator('.item').nth(0).getByLabel('Enig', { exact: true })).toBeChecked();
  await expect(bo.locator('.item').nth(0).locator('textarea')).toHaveValue('Anna: vi er enige.');

  // Both now answer proposal 2, Anna first.
  await choose(anna, 1, 'agree');
  await anna.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(anna.getByText('Kladden er gemt')).toBeVisible();
  await choose(bo, 1, 'disagree');
  if (js) {
    // Bo's autosave meets Anna's answer: he is told and chooses.
    await expect(bo.locator('.item').nth(1).locator('.conflict')).toContainText('Deres svar: Enig', { timeout: 15_000 });
    await shot(bo, testInfo, 'phone-conflict');
    await bo.locator('.item').nth(1).getByRole('button', { name: 'Behold mit svar' }).click();
    await expect(bo.locator('.save-status')).toHaveText(/^Gemt/, { timeout: 15_000 });
  } else {
    await bo.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(bo.getByText('et andet medlem har ændret de samme svar')).toBeVisible();
    await expect(bo.locator('.item').nth(1).locator('.conflict')).toContainText('Deres svar: Enig');
    await expect(bo.locator('.item').nth(1).getByLabel('Uenig', { exact: true })).toBeChecked();
    await shot(bo, testInfo, 'phone-conflict');
    await bo.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(bo.getByText('Kladden er gemt')).toBeVisible();
  }
  await anna.goto(`/svar/${body.token}`);
  await expect(anna.locator('.item').nth(1).getByLabel('Uenig', { exact: true })).toBeChecked();
  await expect(anna.locator('.item').nth(0).locator('textarea')).toHaveValue('Anna: vi er enige.');
});

test('the page works in English and looks right on a desktop', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const body = freshBody(6);
  await page.goto(`/svar/${body.token}`);
  await page.getByRole('link', { name: 'English' }).click();
  await ready(page, js);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();
  await expect(page.getByText(/0 of 42 answered|\d+ of 42 answered/)).toBeVisible();
  await page.getByRole('link', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, testInfo, js ? 'desktop' : 'desktop-nojs');
});

test('at 200 % zoom the phone page still fits its width', async ({ page }, testInfo) => {
  // A 390 px phone zoomed to 200 % lays out like a 195 px wide viewport.
  await page.setViewportSize({ width: 195, height: 422 });
  await page.goto(`/svar/${freshBody(7).token}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.locator('.item').first().scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'phone-zoom-200');
});

test('a bad link shows a plain Danish page', async ({ page }) => {
  const res = await page.goto('/svar/det-her-er-ikke-et-rigtigt-link');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Linket virker ikke' })).toBeVisible();
});

test('the page hydrates and autosaves under its Content-Security-Policy', async ({ page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled === false, 'hydration needs JavaScript');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  const response = await page.goto(`/svar/${freshBody(7).token}`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("'nonce-");
  expect(policy).toContain("frame-ancestors 'none'");
  await ready(page, true);
  await choose(page, 0, 'agree');
  await expect(page.locator('.save-status')).toHaveText(/^Gemt/, { timeout: 15_000 });
  await page.locator('#gc').fill('Skrevet under en streng politik.');
  // Honest status: while the comment waits for its save, it must not say "Gemt".
  await expect(page.locator('.save-status')).toHaveText(/^Gemmer/);
  await expect(page.locator('.save-status')).toHaveText(/^Gemt/, { timeout: 15_000 });
  await page.reload();
  await expect(page.locator('#gc')).toHaveValue('Skrevet under en streng politik.');
  expect(violations).toEqual([]);
});

test('the 42-item page is compact on a phone, with large targets and no line through any text', async ({ page }, testInfo) => {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`/svar/${freshBody(7).token}`);
    const size = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    testInfo.annotations.push({ type: `page height at ${width} px`, description: `${size.height} px` });
    expect(size.overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    if (width === 390) {
      expect(size.height, 'at most 7,200 px: five proposals or more per screen').toBeLessThanOrEqual(7200);
      const bar = await page.locator('.progress').evaluate((el) => el.getBoundingClientRect().height);
      expect(bar, 'the sticky progress bar').toBeLessThanOrEqual(56);
    }
    // Every answer is a target of at least 44 × 44 px, its label on one line.
    const choices = await page.locator('.choice').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const label = el.querySelector('span')!;
        const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
        return {
          w: box.width,
          h: box.height,
          lines: Math.round(label.getBoundingClientRect().height / lineHeight),
          // The label fits inside its box (it never wraps, so it must not spill).
          spills: label.getBoundingClientRect().right > box.right - 2,
        };
      }),
    );
    expect(choices).toHaveLength(126);
    expect(choices.filter((c) => c.w < 44 || c.h < 44)).toEqual([]);
    expect(choices.filter((c) => c.lines > 1 || c.spills)).toEqual([]);
    // No fieldset border that could run through a wrapped proposal.
    const bordered = await page.locator('.item fieldset').evaluateAll(
      (els) => els.filter((el) => getComputedStyle(el).borderTopStyle !== 'none' && getComputedStyle(el).borderTopWidth !== '0px').length,
    );
    expect(bordered).toBe(0);
    await page.locator('.item').nth(3).scrollIntoViewIfNeeded();
    await shot(page, testInfo, `phone-${width}-compact`);
  }
});
