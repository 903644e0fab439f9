import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { COACH, expectAccessible, bestuurId as idOf, SCHELDEMONDE, signIn } from './support';

/** The text of one entry of a zip file (a .docx is one), read from its local header. */
function zipEntry(zip: Buffer, name: string): string {
  for (let at = zip.indexOf('PK\x03\x04'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    const start = at + 30 + nameLength + extra;
    const data = zip.subarray(start, start + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  throw new Error(`${name} is not in the zip`);
}

async function settled(page: Page, what: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await expectAccessible(page, what);
}

async function asCoach(browser: Browser) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-BE' });
  const page = await context.newPage();
  await signIn(page, COACH);
  return { page, close: () => context.close() };
}

test('continuity: self-evaluation, a BIA, a check, the plan as DOCX, submitted, commented on and returned by the coach', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(240_000);
  const bestuurId = await idOf(request, SCHELDEMONDE, 'Stad Scheldemonde');
  const stamp = Date.now().toString().slice(-6);
  await signIn(page, SCHELDEMONDE);

  // The overview: four steps, nothing done yet.
  await page.getByRole('link', { name: 'Continuïteit', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/b/${bestuurId}/continuiteit$`));
  await expect(page.getByRole('heading', { name: 'Stap 1: Zelfevaluatie' })).toBeVisible();
  await expect(page.getByText('Nog geen zelfevaluatie.')).toBeVisible();
  await settled(page, 'the continuity overview');

  // The self-evaluation: ten questions; 5 yes, 3 partly, 2 no make 13 of 20 points.
  await page.getByRole('link', { name: 'Naar de zelfevaluatie' }).click();
  const groups = page.getByRole('main').getByRole('radiogroup');
  await expect(groups).toHaveCount(10);
  await settled(page, 'the self-evaluation form');
  await page.getByRole('button', { name: 'Zelfevaluatie bewaren' }).click();
  await expect(page.getByText('Beantwoord elke vraag.')).toBeVisible();
  const answers = ['Ja', 'Ja', 'Ja', 'Ja', 'Ja', 'Gedeeltelijk', 'Gedeeltelijk', 'Gedeeltelijk', 'Nee', 'Nee'];
  for (const [i, a] of answers.entries()) await groups.nth(i).getByRole('radio', { name: a, exact: true }).check();
  await page.getByLabel('Toelichting bij vraag 1', { exact: true }).fill(`Aangeduid door het college ${stamp}`);
  await page.getByRole('button', { name: 'Zelfevaluatie bewaren' }).click();
  await expect(page.getByText('Score: 13 van 20 punten (65%)')).toBeVisible();
  await expect(page.getByText(`Toelichting: Aangeduid door het college ${stamp}`)).toBeVisible();
  await expect(page.getByText('Advies:').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Eerdere evaluaties' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '13/20 (65%)' })).toBeVisible();
  await settled(page, 'the self-evaluation result and history');

  // The BIA list, then one process's BIA.
  await page
    .getByRole('navigation', { name: 'Stappen van het continuïteitstraject' })
    .getByRole('link', { name: 'Impactanalyse (BIA)' })
    .click();
  await expect(page.getByRole('heading', { name: 'Instellingen van het bestuur' })).toBeVisible();
  await settled(page, 'the BIA list with the settings');
  const list = await (await page.request.get(`/api/besturen/${bestuurId}/continuity/bia`)).json();
  const process = list.items.at(-1) as { processId: string; processName: { nl: string } };
  const name = process.processName.nl;
  await page.getByLabel('Zoek een proces').fill(name);
  await expect.poll(() => page.getByRole('main').getByRole('row').count()).toBeLessThan(list.items.length + 1);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name: `BIA: ${name}`, level: 1 })).toBeVisible();
  await settled(page, 'the BIA editor');

  // Every area to 0 (the last time point pulls the earlier ones down), then service to citizens 3 after 1 day.
  for (const area of [
    'Dienstverlening aan burgers',
    'Financieel',
    'Juridisch en regelgeving',
    'Reputatie',
    'Veiligheid en gezondheid',
    'Persoonsgegevens',
  ])
    await page.getByLabel(`${area} na 1 maand`).selectOption('0');
  await expect(page.getByText('MTPD: langer dan 1 maand', { exact: true })).toBeVisible();
  await page.getByLabel('Dienstverlening aan burgers na 1 dag').selectOption('3');
  await expect(page.getByLabel('Dienstverlening aan burgers na 1 week')).toHaveValue('3');
  await expect(page.getByLabel('Dienstverlening aan burgers na 4 uur')).toHaveValue('0');
  await expect(page.getByText('MTPD: 1 dag', { exact: true })).toBeVisible();
  await expect(page.getByText('Kritiek', { exact: true })).toBeVisible();

  // An RTO past the MTPD is refused by the server, in words; a valid one is saved.
  const rto = page.getByLabel('RTO: hersteltijd in uren');
  await rto.fill('48');
  await page.getByLabel('RPO: aanvaardbaar gegevensverlies in uren').fill('4');
  await page.getByLabel('Minimale dienstverlening').fill(`Loket open op afspraak ${stamp}`);
  await page.getByRole('button', { name: 'BIA bewaren' }).click();
  const refusal = 'De hersteltijd (RTO) mag niet langer zijn dan de maximaal toelaatbare onderbreking (MTPD).';
  await expect(page.getByText(refusal).first()).toBeVisible();
  await expect(rto).toHaveAttribute('aria-invalid', 'true');
  await settled(page, 'the BIA editor with the refused RTO');
  await rto.fill('8');
  await page.getByRole('button', { name: 'BIA bewaren' }).click();
  await expect(page.getByText('BIA bewaard.')).toBeVisible();
  await expect(page.getByText(refusal)).toHaveCount(0);
  const saved = await (await page.request.get(`/api/besturen/${bestuurId}/continuity/bia/${process.processId}`)).json();
  expect(saved).toMatchObject({ saved: true, mtpd: '1d', critical: true, rtoHours: 8, rpoHours: 4 });

  // The overview lists the check: the critical process has no procedure yet, with a link to the strategies.
  await page
    .getByRole('navigation', { name: 'Stappen van het continuïteitstraject' })
    .getByRole('link', { name: 'Overzicht' })
    .click();
  await expect(page.getByText(/^\d+ punten vragen aandacht\.$/)).toBeVisible();
  const showAll = page.getByRole('button', { name: /^Alle \d+ punten tonen$/ });
  if (await showAll.isVisible()) await showAll.click();
  const check = page
    .getByRole('listitem')
    .filter({ hasText: `${name} is kritiek maar heeft nog geen herstel- of noodprocedure in het plan.` });
  await expect(check).toBeVisible();
  await expect(check.getByText('Kies een strategie en beschrijf de nood- of herstelprocedure.')).toBeVisible();
  await expect(page.getByText('Het plan werd nog nooit geoefend.')).toBeVisible();
  await settled(page, 'the overview with the checks');
  await check.getByRole('link', { name: 'Naar de strategieën' }).click();
  await expect(page).toHaveURL(new RegExp(`/plan#strategie-${process.processId}$`));

  // The plan: a section filled in, and the strategy that clears the check.
  const scope = `Alle diensten van het stadhuis en het OCMW ${stamp}`;
  await page.getByRole('textbox', { name: 'Toepassingsgebied' }).fill(scope);
  await page.getByRole('button', { name: 'Toepassingsgebied bewaren' }).click();
  await expect(page.getByText('Toepassingsgebied bewaard.')).toBeVisible();

  // A colleague changes the scope meanwhile: saving over it opens the conflict dialog; compare, take theirs.
  const session = await (await page.request.get('/api/auth/session')).json();
  const before = await (await page.request.get(`/api/besturen/${bestuurId}/continuity/plan`)).json();
  const theirs = `Stadhuis, OCMW en de brandweerpost ${stamp}`;
  const patched = await page.request.patch(`/api/besturen/${bestuurId}/continuity/plan`, {
    data: { version: before.version, scope: theirs },
    headers: { 'x-csrf-token': session.csrfToken as string },
  });
  expect(patched.status()).toBe(200);
  await page.getByRole('textbox', { name: 'Toepassingsgebied' }).fill(`${scope} en de bibliotheek`);
  await page.getByRole('button', { name: 'Toepassingsgebied bewaren' }).click();
  const conflict = page.getByRole('dialog', { name: 'Intussen gewijzigd' });
  await conflict.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(conflict.getByRole('row', { name: /Toepassingsgebied/ })).toContainText(theirs);
  await expectAccessible(page, 'the plan conflict dialog');
  await conflict.getByRole('button', { name: 'Hun versie nemen' }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Toepassingsgebied' })).toHaveValue(theirs);
  await page.getByLabel(`Strategie voor ${name}`, { exact: true }).selectOption('manueel');
  await page.getByLabel(`Nood- of herstelprocedure voor ${name}`).fill('Papieren formulieren aan het loket.');
  await page.getByRole('button', { name: `Strategie voor ${name} bewaren` }).click();
  await expect(page.getByText(`Strategie voor ${name} bewaard.`)).toBeVisible();
  await settled(page, 'the plan');
  const checks = await (await page.request.get(`/api/besturen/${bestuurId}/continuity/checks`)).json();
  expect(
    checks.items.map((c: { code: string; subject: { id: string } | null }) => `${c.code}:${c.subject?.id ?? ''}`),
  ).not.toContain(`critical_without_procedure:${process.processId}`);

  // The DOCX: named after the bestuur, a zip with the plan's text in word/document.xml.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Plan downloaden (Word)' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('bedrijfscontinuiteitsplan-stad-scheldemonde.docx');
  const docx = await readFile(await file.path());
  expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  const xml = zipEntry(docx, 'word/document.xml');
  expect(xml).toContain(theirs);
  expect(xml).toContain('Papieren formulieren aan het loket.');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Plan downloaden (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('bedrijfscontinuiteitsplan-stad-scheldemonde.pdf');
  expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Submit the plan to the coach.
  await page
    .getByRole('navigation', { name: 'Stappen van het continuïteitstraject' })
    .getByRole('link', { name: 'Beoordeling' })
    .click();
  await expect(page.getByRole('heading', { name: 'Beoordeling door de coach', level: 1 })).toBeVisible();
  await settled(page, 'the review page before submitting');
  await page.getByRole('button', { name: 'Plan indienen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Plan indienen bij de coach' });
  await confirm.getByLabel('Bericht aan de coach (niet verplicht)').fill(`Graag uw blik ${stamp}`);
  await expectAccessible(page, 'the submit confirmation');
  await confirm.getByRole('button', { name: 'Indienen' }).click();
  await expect(page.getByText('Plan ingediend bij de coach.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan indienen' })).toBeDisabled();
  // The confirmation (with the message still in its field) may be closing: wait until it is gone.
  await expect(confirm).toBeHidden();
  await expect(page.locator('p').filter({ hasText: `Graag uw blik ${stamp}` })).toBeVisible();
  await settled(page, 'the review page with the submission');

  // The coach sees the submission, comments on the scope and returns it.
  const coach = await asCoach(browser);
  const c = coach.page;
  await c.getByRole('link', { name: 'Beoordelingen', exact: true }).click();
  await expect(c.getByRole('heading', { name: 'Beoordelingen van continuïteit' })).toBeVisible();
  await settled(c, "the coach's submissions");
  await c.getByRole('link', { name: 'Stad Scheldemonde: Continuïteitsplan' }).first().click();
  await expect(c.getByText(`Graag uw blik ${stamp}`)).toBeVisible();
  await c.getByRole('button', { name: 'Toepassingsgebied' }).click();
  await expect(c.getByText(theirs)).toBeVisible();
  const remark = `Beschrijf ook de brandweerpost ${stamp}`;
  await c.getByLabel('Opmerking over Toepassingsgebied').fill(remark);
  await c.getByRole('button', { name: 'Versturen' }).last().click();
  await expect(c.getByText(remark)).toBeVisible();
  await expect(c.getByRole('button', { name: 'Toepassingsgebied (1 opmerking)' })).toBeVisible();
  await settled(c, 'the submission as the coach sees it');
  await c.getByRole('button', { name: 'Terugsturen' }).click();
  const decide = c.getByRole('dialog', { name: 'Indiening terugsturen' });
  await decide
    .getByLabel('Bericht aan het bestuur (niet verplicht)')
    .fill('Zie de opmerking bij het toepassingsgebied.');
  await decide.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(c.getByText('Indiening teruggestuurd.')).toBeVisible();
  await expect(c.getByText('Over deze indiening is beslist; opmerkingen zijn niet meer mogelijk.')).toBeVisible();
  await coach.close();

  // Back as the security officer: returned, with the coach's comment on the section.
  await page.reload();
  await expect(page.getByText('Laatste indiening: Teruggestuurd', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan indienen' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Toepassingsgebied (1 opmerking)' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByText(remark)).toBeVisible();
  await expect(page.getByText('Zie de opmerking bij het toepassingsgebied.')).toBeVisible();
  await settled(page, 'the returned submission with the comment');
});
