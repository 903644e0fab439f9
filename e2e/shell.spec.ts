import { expect, request as playwrightRequest, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { COACH, HEIDEBEEK, SCHELDEMONDE, bestuurId, expectAccessible, signIn } from './support';

test('a security officer signs in and lands in the workspace of their bestuur, in Dutch', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) blocked.push(m.text());
  });
  const first = await page.goto('/');
  expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page).toHaveURL(/\/aanmelden/);
  await expect(page.locator('html')).toHaveAttribute('lang', /^nl/);
  await expectAccessible(page, 'the sign-in page');

  await signIn(page, HEIDEBEEK);
  await expect(page).toHaveURL(/\/b\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Heidebeek');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Leden' }),
  ).toBeVisible();
  await expectAccessible(page, 'the overview');
  expect(blocked, 'nothing blocked by the content security policy').toEqual([]);
});

test('wrong password gives a clear Dutch message', async ({ page }) => {
  await page.goto('/aanmelden');
  await page.getByLabel('E-mailadres').fill(HEIDEBEEK);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of het wachtwoord is onjuist.');
});

test('a security officer of two besturen switches between them', async ({ page }) => {
  await signIn(page, HEIDEBEEK);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gemeente Heidebeek');
  await page.getByRole('textbox', { name: 'Bestuur kiezen' }).click();
  await page.getByRole('option', { name: 'OCMW Heidebeek' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OCMW Heidebeek');
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Leden' }).click();
  await expect(page.getByRole('table')).toContainText('An Janssens');
  await expect(page.getByRole('table')).not.toContainText('Tom Peeters');
});

test('the language switches to English and is remembered', async ({ page }) => {
  await signIn(page, HEIDEBEEK);
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Members' }),
  ).toBeVisible();
  await page.getByText('NL', { exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
});

test('a security officer invites a colleague, who gets an e-mail', async ({ page }) => {
  const email = `collega-${Date.now()}@heidebeek.example`;
  await signIn(page, HEIDEBEEK);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Leden' }).click();
  await expectAccessible(page, 'the members page');
  await page.getByRole('button', { name: 'Lid uitnodigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mailadres').fill(email);
  await dialog.getByLabel('Naam').fill('Karel Collega');
  await dialog.getByRole('textbox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: /Proceseigenaar/ }).click();
  await expectAccessible(page, 'the invite dialog');
  await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table')).toContainText('Karel Collega');

  const mail = await page.request.get('/api/dev/mail');
  const { items } = await mail.json();
  const invite = items.find((m: { to: string }) => m.to === email);
  expect(invite?.subject).toContain('Gemeente Heidebeek');
  expect(invite?.text).toMatch(/\/wachtwoord-herstellen\?token=/);

  // Deactivating asks first, then the row says so.
  const row = page.getByRole('row', { name: /Karel Collega/ });
  await row.getByRole('button', { name: 'Acties voor Karel Collega' }).click();
  await page.getByRole('menuitem', { name: 'Deactiveren' }).click();
  const confirm = page.getByRole('dialog', { name: 'Lid deactiveren' });
  await expect(confirm).toContainText('Karel Collega verliest meteen de toegang');
  await confirm.getByRole('button', { name: 'Deactiveren' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Inactief');

  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Audittrail' }).click();
  await expect(page.getByRole('table')).toContainText('Karel Collega');
  await expectAccessible(page, 'the audit trail');
});

test('a user of another bestuur gets no data of Heidebeek', async ({ page }) => {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const heidebeek = await bestuurId(api, HEIDEBEEK, 'Gemeente Heidebeek');
  await api.dispose();

  await signIn(page, SCHELDEMONDE);
  await page.goto(`/b/${heidebeek}/leden`);
  await expect(page.getByText('Sofie Claes')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Heidebeek');
  const members = await page.request.get(`/api/besturen/${heidebeek}/members`);
  expect(members.status()).toBe(404);
  const audit = await page.request.get(`/api/besturen/${heidebeek}/audit-events`);
  expect(audit.status()).toBe(404);
  const bestuur = await page.request.get(`/api/besturen/${heidebeek}`);
  expect(bestuur.status()).toBe(404);
});

test('a Vo-CRT coach lands in the regional workspace', async ({ page }) => {
  await signIn(page, COACH);
  await expect(page).toHaveURL(/\/regio/);
  await expect(page.getByRole('table')).toContainText('Stad Scheldemonde');
  await expectAccessible(page, 'the regional workspace');
});

test('the profile page is accessible and shows the API tokens', async ({ page }) => {
  await signIn(page, HEIDEBEEK);
  await page.goto('/profiel');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Profiel');
  await expectAccessible(page, 'the profile page');
});
