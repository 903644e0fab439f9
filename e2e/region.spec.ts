import { expect, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { expectAccessible, signIn } from './support';

const ADMIN = 'admin@baken.example';

test('the platform admin adds a bestuur and invites its first beheerder, who signs in to it', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const name = `Gemeente Nieuwdorp ${stamp}`;
  const email = `beheerder-${stamp}@nieuwdorp.example`;
  const password = 'Een-lang-wachtwoord-2026';

  await signIn(page, ADMIN);
  await page.goto('/regio');
  await page.getByRole('button', { name: 'Bestuur toevoegen' }).click();
  const create = page.getByRole('dialog', { name: 'Bestuur toevoegen' });
  await create.getByRole('textbox', { name: 'Naam' }).fill(name);
  await create.getByRole('button', { name: 'Bestuur toevoegen' }).click();

  // Right after creating it, the invite dialog for the new bestuur opens.
  const invite = page.getByRole('dialog', { name: `Beheerder uitnodigen voor ${name}` });
  await expect(invite).toBeVisible();
  await expect(invite).toContainText('Een nieuw bestuur heeft een beheerder nodig');
  await expect(invite.getByRole('textbox', { name: 'E-mailadres' })).toBeFocused();
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByRole('textbox', { name: 'E-mailadres' })).toHaveAttribute('aria-invalid', 'true');
  await expect(invite.getByRole('textbox', { name: 'Naam' })).toHaveAttribute('aria-invalid', 'true');
  await invite.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await invite.getByRole('textbox', { name: 'Naam' }).fill('Nele Nieuwdorp');
  await expectAccessible(page, 'the administrator invite dialog');
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite).toBeHidden();
  await expect(page.getByText(`Uitnodiging verstuurd naar ${email}`)).toBeVisible();

  // The row menu offers the same; inviting the same person again is refused on the e-mail field.
  await page.getByRole('searchbox', { name: 'Zoeken op naam' }).fill(name);
  await expect(page.getByRole('table')).toContainText(name);
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: `Acties voor ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Beheerder uitnodigen' }).click();
  await expect(invite).toBeVisible();
  await expect(invite).not.toContainText('Een nieuw bestuur heeft een beheerder nodig');
  await invite.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await invite.getByRole('textbox', { name: 'Naam' }).fill('Nele Nieuwdorp');
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByRole('textbox', { name: 'E-mailadres' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the administrator invite dialog with an error');
  await invite.getByRole('button', { name: 'Annuleren' }).click();
  await expect(invite).toBeHidden();

  const mail = await page.request.get('/api/dev/mail');
  const { items } = await mail.json();
  const message = items.find((m: { to: string }) => m.to === email);
  expect(message?.subject).toContain(name);
  const link = /\/wachtwoord-herstellen\?token=[^\s"'<>]+/.exec(message?.text ?? '')?.[0];
  expect(link, 'the invitation contains a link to set a password').toBeTruthy();

  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-BE' });
  try {
    const invitee = await context.newPage();
    await invitee.goto(link as string);
    await invitee.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
    await invitee.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(invitee).toHaveURL(/\/aanmelden/);

    await invitee.getByLabel('E-mailadres').fill(email);
    await invitee.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(invitee).toHaveURL(/\/b\/[0-9a-f-]{36}$/);
    await expect(invitee.getByRole('heading', { level: 1 })).toContainText(name);
  } finally {
    await context.close();
  }
});
