import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const PORT = process.env.E2E_PORT ?? '3100';
export const SAMRAD = path.resolve(__dirname, '../../target/release/samrad');
export const DATABASE = path.resolve(__dirname, '../test-results/e2e.db');
export const STATE_FILE = path.resolve(__dirname, '../.e2e-state.json');

export type Body = { token: string; group: string; submitted: boolean; name: string };
export type E2eState = { pid: number; consultation: number; bodies: Body[]; survey: number; surveyTokens: string[]; parentSurvey: number; openLinks: string[] };

export function state(): E2eState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

/** Bodies without answers in the demo, handed out so that tests never share one. */
export function freshBody(index: number): Body {
  return state().bodies.filter((b) => !b.submitted)[index];
}

export function samrad(...args: string[]) {
  execFileSync(SAMRAD, ['--database', DATABASE, ...args], { encoding: 'utf8' });
}

export const VALUES = ['agree', 'disagree', 'dont_know'] as const;
export const LABELS = { agree: 'Enig', disagree: 'Uenig', dont_know: 'Ved ikke' } as const;

/** Picks an answer by clicking its label, as a thumb would. */
export async function choose(page: Page, itemIndex: number, value: (typeof VALUES)[number]) {
  const item = page.locator('.item').nth(itemIndex);
  await item.locator(`label.choice-${value.replace('_', '-')}`).click();
}

export async function writeComment(page: Page, itemIndex: number, text: string) {
  const item = page.locator('.item').nth(itemIndex);
  const details = item.locator('details.comment');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await item.locator('textarea').fill(text);
}

export async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** With JavaScript, waits until the page has hydrated (it marks <html class="js">). */
export async function ready(page: Page, js: boolean) {
  if (js) await expect(page.locator('html.js')).toHaveCount(1);
}

/** The demo's staff accounts (`samrad demo` prints them). */
export const STAFF = {
  admin: ['admin@samrad.local', 'demo-admin-2027'],
  manager: ['sagsbehandler@samrad.local', 'demo-manager-2027'],
  leader: ['leder.nordskolen@samrad.local', 'demo-leader-2027'],
} as const;

/** Signs in through the sign-in form and waits for the overview. */
export async function signInAs(page: Page, who: keyof typeof STAFF) {
  const [email, password] = STAFF[who];
  await page.goto('/admin/log-ind');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page (through the DevTools protocol, so the page's own
 * Content-Security-Policy stays as strict as it is) and returns its violations. */
export async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // @ts-expect-error axe is the global the script above defines
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v: Violation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
}
