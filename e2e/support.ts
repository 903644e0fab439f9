import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect } from '@playwright/test';

export const DEMO_PASSWORD = 'Baken-demo-2026!';
export const HEIDEBEEK = 'consulent@heidebeek.example';
export const SCHELDEMONDE = 'consulent@scheldemonde.example';
export const COACH = 'coach@vocrt.example';

export async function signIn(page: Page, email: string) {
  await page.goto('/aanmelden');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).not.toHaveURL(/aanmelden/);
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  // A notification or dialog still fading in or out has partial opacity, which axe reads as too
  // little contrast: wait for the finite animations and transitions to end first.
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { timeout: 5_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}

/** The id of a bestuur by name, looked up through the API as a member. */
export async function bestuurId(request: APIRequestContext, email: string, name: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const session = await login.json();
  const found = session.memberships.find((m: { bestuurName: string }) => m.bestuurName === name);
  expect(found, `${email} is a member of ${name}`).toBeTruthy();
  return found.bestuurId;
}
