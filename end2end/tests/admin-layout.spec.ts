// The administration and the decision material on a 390 px phone: no table squeezes a
// word into pieces, and screenshots of what a committee member sees; the memo's first
// item page as printed.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { ready, shot, signInAs, state } from './support';

/** Table cells narrower than the longest word in them (the cause of "Foræl / drebe /
 * styrel / sen" and "E / l / e / v / r / å / d"). Addresses may wrap at @ . and ,. */
async function squeezedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const found: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('td, th')) as HTMLElement[]) {
      if (cell.offsetParent === null) continue;
      const style = getComputedStyle(cell);
      canvas.font = style.font;
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const el of [cell, ...(Array.from(cell.querySelectorAll('*')) as HTMLElement[])]) {
        const own = Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join(' ');
        canvas.font = getComputedStyle(el).font;
        // Break opportunities: spaces, and after @ . , / and hyphens (MED-udvalg).
        for (const word of own.split(/[\s@.,/-]+/)) {
          if (word && canvas.measureText(word).width > room + 1) found.push(`${word} (${Math.round(room)} px)`);
        }
      }
    }
    return found;
  });
}

test('on a phone no table breaks a word, and the decision material reads well', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone-js', 'one phone run is enough');
  const id = state().consultation;
  await signInAs(page, 'admin');

  const pages: [string, string][] = [
    ['overview-list', '/admin'],
    ['hearing-page', `/admin/hoering/${id}`],
    ['report', `/admin/hoering/${id}/rapport`],
    ['report-by-unit', `/admin/hoering/${id}/rapport?opdeling=enhed`],
    ['memo', `/admin/hoering/${id}/notat`],
    ['outbox', '/admin/udbakke'],
    ['users', '/admin/brugere'],
    ['user', '/admin/brugere/2'],
    ['account', '/admin/adgangskode'],
    ['audit-log', '/admin/log'],
  ];
  const squeezed: string[] = [];
  for (const [name, url] of pages) {
    await page.goto(url);
    await ready(page, true);
    for (const cell of await squeezedCells(page)) squeezed.push(`${url}: ${cell}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
    await shot(page, testInfo, `phone-${name}`);
  }
  expect(squeezed, squeezed.join('\n')).toEqual([]);

  await page.goto(`/admin/hoering/${id}/rapport`);
  await page.locator('#overblik').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'phone-report-overview');
  // The overview's counts lead to their lists.
  const first = page.locator('.standings a').first();
  await first.click();
  await expect(page).toHaveURL(/#(bred-opbakning|omstridt|overvejende-imod|ingen-holdning)$/);

  // The memo as printed: the first page with the proposals one by one.
  await page.goto(`/admin/hoering/${id}/notat`);
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('memo.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  let itemPage = 0;
  for (let n = 1; n <= 40 && itemPage === 0; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    if (text.includes('Forslagene enkeltvis')) itemPage = n;
  }
  expect(itemPage).toBeGreaterThan(0);
  const prefix = testInfo.outputPath('memo-first-item-page');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(itemPage), '-l', String(itemPage), '-singlefile', pdf, prefix]);
  await testInfo.attach('memo-first-item-page', { path: `${prefix}.png`, contentType: 'image/png' });
});
