import { expect, type Locator, type Page, test } from '@playwright/test';
import { HEIDEBEEK, expectAccessible, signIn } from './support';

interface Risk {
  id: string;
  title: string;
  version: number;
}

interface Proposal {
  processId: string;
  processName: { nl: string };
  title: { nl: string };
  impact: number;
}

/** Picks an option of a Mantine select by typing part of it. */
async function pick(page: Page, field: Locator, text: string, option: string) {
  await field.click();
  if (text) await field.fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The heat map cell at a likelihood and impact (1-based), found by the row's header. */
function cell(table: Locator, likelihood: string, impact: number) {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: likelihood, exact: true }) })
    .getByRole('cell')
    .nth(impact - 1);
}

test('a security officer takes over a proposed risk, rates it, links a threat and measures and accepts it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, HEIDEBEEK);
  const session = await (await page.request.get('/api/auth/session')).json();
  const bestuurId = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === 'Gemeente Heidebeek')
    .bestuurId as string;
  const headers = { 'x-csrf-token': session.csrfToken as string };

  // The process list is adopted through the API; its typical risks become proposals.
  const adopt = await page.request.post(`/api/besturen/${bestuurId}/processes/adopt`, { data: {}, headers });
  expect(adopt.status()).toBe(200);
  const proposals = (await (await page.request.get(`/api/besturen/${bestuurId}/risks/proposals`)).json())
    .items as Proposal[];
  expect(proposals.length).toBeGreaterThan(0);
  const proposal = proposals[0];
  const title = proposal.title.nl;

  // Two measures of the ransomware threat that the measure register holds.
  const threats = (await (await page.request.get('/api/catalog/threats')).json()).items as {
    id: string;
    measures: string[];
  }[];
  const register = (await (await page.request.get(`/api/besturen/${bestuurId}/measures`)).json()).items as {
    code: string;
  }[];
  const codes = new Set(register.map((m) => m.code));
  const suggested = (threats.find((x) => x.id === 'ransomware')?.measures ?? []).filter((c) => codes.has(c));
  expect(suggested.length).toBeGreaterThanOrEqual(2);
  const [m1, m2] = suggested;

  await page.goto(`/b/${bestuurId}`);
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: "Risico's" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Risico's" })).toBeVisible();
  const inherent = page.getByRole('table', { name: 'Inherent risico (zonder maatregelen)' });
  await expect(inherent).toBeVisible();
  await expectAccessible(page, 'the risks page');

  // The proposals, grouped by process: take one over.
  await page.getByRole('button', { name: "Voorgestelde risico's" }).click();
  const group = page.getByRole('region', { name: proposal.processName.nl }).first();
  await group.getByRole('button', { name: `Overnemen: ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw risico' });
  await expect(dialog.getByRole('textbox', { name: 'Omschrijving van het risico' })).toHaveValue(title);
  await expect(dialog.getByRole('textbox', { name: 'Proces', exact: true })).toHaveValue(proposal.processName.nl);

  // Likelihood 3 and impact 4 on the 4×4 default give "Hoog", shown while choosing.
  await pick(page, dialog.getByRole('textbox', { name: /^Waarschijnlijkheid( \*)?$/ }), '', '3. Vaak');
  await pick(page, dialog.getByRole('textbox', { name: /^Impact( \*)?$/ }), '', '4. Zeer ernstig');
  await expect(dialog.getByRole('status').first()).toHaveText('Hoog');

  // The threat fills in the qualities and suggests its measures; two are added.
  await pick(page, dialog.getByRole('textbox', { name: 'Dreiging' }), 'Ransom', 'Ransomware');
  for (const q of ['Vertrouwelijkheid (V)', 'Integriteit (I)', 'Beschikbaarheid (B)'])
    await expect(dialog.getByRole('checkbox', { name: q })).toBeChecked();
  await dialog.getByRole('button', { name: new RegExp(`^Maatregel ${m1} `) }).click();
  await dialog.getByRole('button', { name: new RegExp(`^Maatregel ${m2} `) }).click();
  await expectAccessible(page, 'the risk dialog');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  // The table and the heat map show it.
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Ransomware');
  await expect(row).toContainText(`${m1}, ${m2}`);
  await expect(row).toContainText('Hoog');
  await expect(row).toContainText('V I B');
  await expect(cell(inherent, '3. Vaak', 4)).toHaveText(/^1/);

  // Accepting it formally: treatment aanvaarden with a date; who accepted is shown.
  await page.getByRole('button', { name: `Acties voor ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Bewerken' }).click();
  const edit = page.getByRole('dialog', { name: 'Risico bewerken' });
  await expect(edit.getByRole('textbox', { name: 'Aanvaard tot' })).toHaveCount(0);
  await pick(page, edit.getByRole('textbox', { name: 'Behandeling', exact: true }), '', 'Aanvaarden');
  await edit.getByRole('textbox', { name: 'Aanvaard tot' }).fill('2027-12-31');
  await pick(page, edit.getByRole('textbox', { name: 'Waarschijnlijkheid na behandeling' }), '', '2. Soms');
  await pick(page, edit.getByRole('textbox', { name: 'Impact na behandeling' }), '', '4. Zeer ernstig');
  await expectAccessible(page, 'the risk dialog with the acceptance');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(edit).toBeHidden({ timeout: 20_000 });
  await expect(row).toContainText('Aanvaarden');
  await expect(row).toContainText('31 dec 2027');
  await expect(row).toContainText(`door ${session.user.displayName}`);
  const residual = page.getByRole('table', { name: 'Restrisico (na behandeling)' });
  await expect(cell(residual, '2. Soms', 4)).toHaveText(/^1/);

  await page.getByRole('button', { name: `Acties voor ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Bewerken' }).click();
  await expect(edit).toContainText(`Formeel aanvaard door ${session.user.displayName}`);

  // A colleague changes the risk while the form is open: compare, then take theirs.
  const saved = ((await (await page.request.get(`/api/besturen/${bestuurId}/risks`)).json()).items as Risk[]).find(
    (r) => r.title === title,
  ) as Risk;
  const theirs = await page.request.patch(`/api/besturen/${bestuurId}/risks/${saved.id}`, {
    headers,
    data: { version: saved.version, description: 'Gewijzigd door een collega.' },
  });
  expect(theirs.status()).toBe(200);
  const description = edit.getByRole('textbox', { name: 'Toelichting' });
  await description.fill('Mijn toelichting.');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  const conflict = page.getByRole('dialog', { name: 'Intussen gewijzigd' });
  await conflict.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(
    conflict
      .getByRole('table', { name: 'Uw versie naast de huidige' })
      .getByRole('row', { name: 'Toelichting Mijn toelichting. Gewijzigd door een collega. verschilt' }),
  ).toBeVisible();
  await expectAccessible(page, 'the risk conflict dialog');
  await conflict.getByRole('button', { name: 'Hun versie nemen' }).click();
  await expect(conflict).toBeHidden();
  await expect(description).toHaveValue('Gewijzigd door een collega.');
  await edit.getByRole('button', { name: 'Annuleren' }).click();

  // Filters live in the URL.
  await page.getByRole('switch', { name: 'Alleen te herzien' }).check();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.getByText("Geen risico's gevonden met deze zoekterm of filters.")).toBeVisible();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(row).toBeVisible();

  // The matrix cannot shrink below a risk's values: the server's reason is shown.
  await page.getByRole('link', { name: 'Risicomatrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risicomatrix' })).toBeVisible();
  await expectAccessible(page, 'the matrix settings');
  await pick(page, page.getByRole('textbox', { name: 'Aantal stappen voor impact' }), '', '3');
  await expect(
    page.getByRole('table', { name: 'De matrix zoals ze in de heatmap verschijnt' }).getByRole('columnheader'),
  ).toHaveCount(4);
  await page.getByRole('button', { name: 'Matrix opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'buiten de nieuwe matrix' })).toBeVisible();
});
