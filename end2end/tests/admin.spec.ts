// The administration's journey: sign in, create a hearing from the template, import
// the consulted bodies from a sheet, open it, see the invitations in the development
// outbox, answer through one link, watch the response rate change, and remind only
// those who have not answered. Runs on the desktop and on a phone, with and without
// JavaScript.
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ready, shot } from './support';

const SHEET = path.resolve(__dirname, '../../testdata/respondents-sample.csv');

async function signIn(page: Page, js: boolean) {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/log-ind/);
  await ready(page, js);
  await page.getByLabel('E-mail').fill('admin@samrad.local');
  await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('E-mail eller adgangskode er forkert.')).toBeVisible();
  await page.getByLabel('Adgangskode').fill('demo-admin-2027');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** The outbox entries for one hearing, as text. */
async function mailsFor(page: Page, title: string) {
  await page.goto('/admin/udbakke');
  return page.locator('.outbox li').filter({ hasText: title });
}

test('an administrator runs a hearing from template to reminder', async ({ page, javaScriptEnabled }, testInfo) => {
  const js = javaScriptEnabled !== false;
  const title = `E2E-høring ${testInfo.project.name}`;
  await signIn(page, js);

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Høringsfrist').fill('2099-03-01 12:00');
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByText('Høringen er oprettet som kladde.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Forslag (42)' })).toBeVisible();
  const hearing = page.url().split('?')[0];

  await page.locator('#f-bodies-file').setInputFiles(SHEET);
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).first().click();
  await expect(page.getByText('4 rækker er klar')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'fb.kastanjen@example.dk, sekretaer.kastanjen@example.dk' })).toBeVisible();
  await shot(page, testInfo, 'import-preview');
  await page.getByRole('button', { name: 'Gem alle' }).click();
  await expect(page.getByText('Importen er gemt.')).toBeVisible();

  await page.getByRole('button', { name: 'Åbn høringen og send invitationer' }).click();
  await expect(page.getByText('Høringen er åbnet.')).toBeVisible();
  if (js) {
    await ready(page, js);
    await expect(page.locator('.progress-line')).toHaveText(/4 af 4 mails sendt/, { timeout: 20_000 });
  } else {
    await expect(async () => {
      await page.goto(hearing);
      await expect(page.locator('.progress-line')).toHaveText(/4 af 4 mails sendt/);
    }).toPass({ timeout: 20_000 });
  }
  await shot(page, testInfo, 'hearing-open', true);

  const invitations = (await mailsFor(page, title)).filter({ hasText: `Høring: ${title}` });
  await expect(invitations).toHaveCount(4);
  const nord = invitations.filter({ hasText: 'formand@nordskolen.example' });
  await nord.locator('summary').click();
  const body = await nord.locator('.mail-body').innerText();
  const link = /http:\/\/\S+\/svar\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();

  await page.goto(link!);
  await ready(page, js);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.locator('.item').first().locator('label.choice-agree').click();
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await page.getByRole('button', { name: 'Indsend alligevel' }).click();
  await expect(page.getByRole('heading', { name: 'Tak for jeres høringssvar' })).toBeVisible();

  await page.goto(hearing);
  await expect(page.locator('.rate-line')).toContainText('1 af 4 (25 %)');
  await page.getByRole('button', { name: 'Send påmindelse til dem, der ikke har indsendt' }).click();
  await expect(page.getByText('Påmindelserne sendes nu.')).toBeVisible();
  await expect(async () => {
    const reminders = (await mailsFor(page, title)).filter({ hasText: 'Påmindelse:' });
    await expect(reminders).toHaveCount(3);
    await expect(reminders.filter({ hasText: 'formand@nordskolen.example' })).toHaveCount(0);
    await expect(reminders.filter({ hasText: 'Sendt' })).toHaveCount(3);
  }).toPass({ timeout: 20_000 });
  await shot(page, testInfo, 'outbox', true);
});

test('a viewer reads but cannot change anything', async ({ page }) => {
  await page.goto('/admin/log-ind');
  await page.getByLabel('E-mail').fill('laeser@samrad.local');
  await page.getByLabel('Adgangskode').fill('demo-viewer-2027');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Ny høring' })).toHaveCount(0);
  await page.goto('/admin/brugere');
  await expect(page.getByRole('heading', { name: 'Ingen adgang' })).toBeVisible();
});
