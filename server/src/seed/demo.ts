import type { BestuurCreate, BestuurRole, RegionalRole } from '@baken/contracts';
import { type Kysely, sql } from 'kysely';
import { insert as insertBestuur } from '../modules/besturen/besturen.repository.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/crypto.js';
import type { DB } from '../platform/db/index.js';
import { inScope } from '../platform/tenancy.js';

export const DEMO_PASSWORD = 'Baken-demo-2026!';

/** A valid fictional KBO number: eight digits and their mod-97 check. */
export function kboFor(base: number): string {
  const eight = String(base).padStart(8, '0');
  return `${eight}${String(97 - (base % 97)).padStart(2, '0')}`;
}

const besturen: (BestuurCreate & { key: string })[] = [
  {
    key: 'heidebeek',
    kind: 'gemeente',
    name: 'Gemeente Heidebeek',
    nisCode: '71099',
    kboNumber: kboFor(2071001),
    population: 18420,
    province: 'limburg',
  },
  {
    key: 'ocmw-heidebeek',
    kind: 'ocmw',
    name: 'OCMW Heidebeek',
    nisCode: '71099',
    kboNumber: kboFor(2121001),
    population: 18420,
    province: 'limburg',
  },
  {
    key: 'scheldemonde',
    kind: 'stad',
    name: 'Stad Scheldemonde',
    nisCode: '46099',
    kboNumber: kboFor(2071002),
    population: 61250,
    province: 'oost-vlaanderen',
  },
  {
    key: 'pz-kempenrand',
    kind: 'politiezone',
    name: 'Politiezone Kempenrand',
    nisCode: null,
    kboNumber: kboFor(2081003),
    population: 74300,
    province: 'limburg',
  },
  {
    key: 'hvz-scheldeland',
    kind: 'hulpverleningszone',
    name: 'Hulpverleningszone Scheldeland',
    nisCode: null,
    kboNumber: kboFor(2091004),
    population: 412000,
    province: 'oost-vlaanderen',
  },
];

const people: {
  email: string;
  name: string;
  regional?: RegionalRole[];
  memberOf?: [string, BestuurRole, string | null][];
}[] = [
  {
    email: 'consulent@heidebeek.example',
    name: 'Sofie Claes',
    memberOf: [
      ['heidebeek', 'informatieveiligheidsconsulent', null],
      ['ocmw-heidebeek', 'informatieveiligheidsconsulent', null],
    ],
  },
  { email: 'beheerder@heidebeek.example', name: 'Tom Peeters', memberOf: [['heidebeek', 'beheerder', null]] },
  {
    email: 'dpo@heidebeek.example',
    name: 'An Janssens',
    memberOf: [
      ['heidebeek', 'dpo', null],
      ['ocmw-heidebeek', 'dpo', null],
    ],
  },
  {
    email: 'consulent@scheldemonde.example',
    name: 'Pieter De Smet',
    memberOf: [['scheldemonde', 'informatieveiligheidsconsulent', null]],
  },
  { email: 'coach@vocrt.example', name: 'Lotte Maes', regional: ['coach'] },
  { email: 'toezicht@vlaanderen.example', name: 'Jan Willems', regional: ['toezichthouder'] },
  { email: 'admin@baken.example', name: 'Platformbeheer Baken', regional: ['platformbeheerder'] },
];

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(db);
  return rows[0].n === 0;
}

/** Fictional besturen and accounts for trying Baken out; never run in production. */
export async function seedDemo(db: Kysely<DB>): Promise<void> {
  const ids = new Map<string, string>();
  for (const { key, ...b } of besturen) {
    const id = crypto.randomUUID();
    ids.set(key, id);
    await inScope(db, { tenantId: id }, async (tx) => {
      await insertBestuur(tx, id, b);
      await recordAudit(tx, null, {
        action: 'create',
        objectType: 'bestuur',
        objectId: id,
        objectLabel: b.name,
        after: { ...b, source: 'demo' },
        bestuurId: id,
      });
    });
  }
  for (const p of people) {
    const user = await db
      .insertInto('users')
      .values({
        email: p.email,
        display_name: p.name,
        password_hash: await hashPassword(DEMO_PASSWORD),
        regional_roles: p.regional ?? [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [key, role, endsAt] of p.memberOf ?? []) {
      const bestuurId = ids.get(key) as string;
      await inScope(db, { tenantId: bestuurId }, async (tx) => {
        const m = await tx
          .insertInto('memberships')
          .values({ bestuur_id: bestuurId, user_id: user.id, role, ends_at: endsAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(tx, null, {
          action: 'invite',
          objectType: 'membership',
          objectId: m.id,
          objectLabel: p.name,
          after: { email: p.email, role, endsAt, active: true, source: 'demo' },
          bestuurId,
        });
      });
    }
  }
}
