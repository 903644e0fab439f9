import type { BestuurCreate, BestuurRole, RegionalRole } from '@baken/contracts';
import { type Kysely, sql } from 'kysely';
import { insert as insertBestuur } from '../modules/besturen/besturen.repository.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/crypto.js';
import type { DB } from '../platform/db/index.js';
import { inScope } from '../platform/tenancy.js';
import { addFromTemplate } from '../modules/processes/processes.service.js';
import { latest } from '../modules/processlist/processlist.service.js';

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
  await seedWork(db, ids.get('scheldemonde') as string);
}

/**
 * Stad Scheldemonde shows a bestuur at work: the generic list adopted, some classes raised
 * with a reason, measures under way, two risks. Heidebeek stays empty, to start from scratch.
 */
async function seedWork(db: Kysely<DB>, bestuurId: string) {
  await inScope(db, { tenantId: bestuurId }, async (tx) => {
    const list = await latest(tx);
    const added = await addFromTemplate(tx, bestuurId, list.number, list.snapshot.processes);
    await recordAudit(tx, null, {
      action: 'create',
      objectType: 'process_list',
      objectId: bestuurId,
      after: { ...added, domains: 'all', version: list.number, source: 'demo' },
      bestuurId,
    });
    const raised = await tx
      .selectFrom('bestuur_assets')
      .select(['id', 'c', 'i', 'a'])
      .where('bestuur_id', '=', bestuurId)
      .where('personal_data', '=', true)
      .where('c', '<', 4)
      .orderBy('id')
      .limit(2)
      .execute();
    for (const a of raised)
      await tx
        .updateTable('bestuur_assets')
        .set({ c: 4, reason: 'Bevat bij ons ook gegevens van kwetsbare personen.' })
        .where('id', '=', a.id)
        .execute();
    const statuses = ['geimplementeerd', 'geimplementeerd', 'in-uitvoering', 'gepland', 'in-uitvoering'] as const;
    const baseline = list.snapshot.measures.filter((m) => m.applies === 'always').slice(0, statuses.length);
    // Months ago each measure got its status: the audit trail tells the dashboard's progress chart.
    const monthsAgo = [8, 4, 3, 2, 1];
    for (const [i, m] of baseline.entries()) {
      const tracking = {
        status: statuses[i],
        documentation: statuses[i] === 'geimplementeerd' ? 3 : 2,
        implementation: statuses[i] === 'geimplementeerd' ? 3 : 1,
        due_date: statuses[i] === 'geimplementeerd' ? null : i === 2 ? '2026-06-30' : '2027-06-30',
      };
      await tx
        .insertInto('bestuur_measures')
        .values({ bestuur_id: bestuurId, measure_code: m.code, ...tracking })
        .execute();
      const at = new Date();
      at.setUTCDate(12);
      at.setUTCMonth(at.getUTCMonth() - (monthsAgo[i] ?? 1));
      await tx
        .insertInto('audit_events')
        .values({
          bestuur_id: bestuurId,
          occurred_at: at,
          action: 'create',
          object_type: 'measure',
          object_id: m.code,
          object_label: m.code,
          before: JSON.stringify({ status: 'niet-gestart', documentation: null, implementation: null }),
          after: JSON.stringify({
            status: tracking.status,
            documentation: tracking.documentation,
            implementation: tracking.implementation,
            ...(tracking.due_date ? { dueDate: tracking.due_date } : {}),
          }),
        })
        .execute();
    }
    for (const r of [
      {
        title: 'Ransomware legt de loketten plat',
        threat_id: 'ransomware',
        qualities: ['a', 'i'],
        likelihood: 3,
        impact: 4,
      },
      { title: 'Phishing naar de sociale dienst', threat_id: 'phishing', qualities: ['c'], likelihood: 3, impact: 3 },
    ])
      await tx
        .insertInto('bestuur_risks')
        .values({
          bestuur_id: bestuurId,
          ...r,
          treatment: 'verminderen',
          residual_likelihood: 2,
          residual_impact: r.impact - 1,
        })
        .execute();
  });
}
