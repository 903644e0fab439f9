/**
 * Business continuity (issue 6, point 6): the continuity plan of a bestuur with 120 processes
 * as a Word document (and as a PDF beside it), in memory: 120 BIAs over the six impact areas,
 * 40 applications with recovery procedures, a third of the processes critical with a strategy
 * and procedure, a crisis team and exercises. The recovery order is computed as the server
 * does (recovery.service.ts). The database read is not part of the figure. Target: DOCX ≤ 2 s.
 *
 *   node --import tsx bench/continuity.ts [--runs 10]
 */
import { type Bia, type Plan, impactAreas, timePointHours } from '@baken/contracts';
import { hoursOf, isCritical, mtpdOf } from '../server/src/modules/continuity/bia.ts';
import { planDocx } from '../server/src/modules/continuity/plan.docx.ts';
import { planPdf } from '../server/src/modules/continuity/plan.pdf.ts';
import { recoveryOf } from '../server/src/modules/continuity/recovery.service.ts';
import { fmt, isMain, percentile, table } from './lib.ts';

const settings = { unacceptableLevel: 3, criticalThreshold: '3d' as const, version: 1 };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const lorem = (what: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Stap ${i + 1}: ${what} volgens het draaiboek en meld het resultaat aan de crisiscoördinator.`,
  ).join('\n');

export function planOf(processCount = 120, appCount = 40) {
  const apps = Array.from({ length: appCount }, (_, i) => ({
    id: uuid(10_000 + i),
    name: `Toepassing ${String(i + 1).padStart(2, '0')}`,
    supplierId: null,
    supplierName: `Leverancier ${(i % 12) + 1}`,
    recoveryTimeHours: [4, 8, 24, 48, 72][i % 5],
    procedure: lorem(`herstel toepassing ${i + 1}`, 4),
    version: 1,
  }));
  const bias: Bia[] = Array.from({ length: processCount }, (_, i) => {
    const start = i % 5;
    const impacts = Object.fromEntries(
      impactAreas.map((a, k) => [
        a,
        [0, 1, 2, 3, 4, 4].map((_, t) => Math.min(4, Math.max(0, t + start - 2 - (k % 3)))),
      ]),
    ) as Bia['impacts'];
    const mtpd = mtpdOf(impacts, settings.unacceptableLevel);
    const mtpdHours = hoursOf(mtpd);
    return {
      processId: uuid(i),
      processName: { nl: `Proces ${i + 1} van de dienst ${(i % 15) + 1}`, en: `Process ${i + 1}` },
      domain: 'burgerzaken',
      saved: true,
      availabilityClass: (i % 5) + 1,
      impacts,
      mtpd,
      mtpdHours,
      critical: isCritical(mtpd, settings),
      rtoHours: mtpdHours ? Math.min(mtpdHours, timePointHours['1d']) : 168,
      rpoHours: 4,
      minimumServiceLevel: 'Dringende aanvragen blijven mogelijk.',
      peakPeriods: null,
      keyRoles: ['Diensthoofd'],
      locations: ['Gemeentehuis'],
      dependencies: {
        applications: [apps[i % appCount], apps[(i * 7) % appCount]].map((a) => ({
          id: a.id,
          name: a.name,
          recoveryTimeHours: a.recoveryTimeHours,
        })),
        suppliers: [],
        processes: [],
      },
      notes: null,
      updatedAt: null,
      updatedBy: null,
      version: 1,
    };
  });
  const plan: Plan = {
    sections: {
      scope: 'Alle processen van het bestuur.\nHet plan geldt voor alle locaties.',
      crisisTeam: Array.from({ length: 8 }, (_, i) => ({
        role: `Rol ${i + 1}`,
        name: `Lid ${i + 1}`,
        phone: '+32 470 12 34 56',
        deputyName: `Plaatsvervanger ${i + 1}`,
        deputyPhone: '+32 470 65 43 21',
      })),
      callTree: lorem('bellen', 6),
      meetingPlace: 'Raadzaal',
      alternativeMeetingPlace: 'Sociaal huis',
      activationCriteria: lorem('beoordelen', 3),
      escalation: lorem('escaleren', 3),
      communication: { staff: 'Intranet', citizens: 'Website', press: 'Woordvoerder', authorities: 'Gouverneur' },
      documentControl: {
        documentVersion: '2.1',
        approvedBy: 'raad',
        approvedOn: '2026-03-02',
        nextReview: '2027-03-01',
      },
    },
    settings,
    strategies: bias
      .filter((b) => b.critical)
      .map((b) => ({
        processId: b.processId,
        processName: b.processName,
        mtpd: b.mtpd,
        rtoHours: b.rtoHours,
        rpoHours: b.rpoHours,
        minimumServiceLevel: b.minimumServiceLevel,
        strategy: 'manueel' as const,
        description: 'Manueel verder werken met papieren formulieren.',
        procedure: lorem('manueel werken', 5),
        version: 1,
      })),
    recovery: recoveryOf(apps, bias).filter((a) => a.order !== null),
    exercises: Array.from({ length: 6 }, (_, i) => ({
      id: uuid(20_000 + i),
      title: `Oefening ${i + 1}`,
      kind: 'tafeloefening' as const,
      plannedOn: `2026-0${i + 1}-15`,
      heldOn: `2026-0${i + 1}-15`,
      scenario: 'Ransomware',
      findings: lorem('bevinding', 3),
      actions: Array.from({ length: 4 }, (_, k) => ({
        description: `Actie ${k + 1}`,
        owner: 'ICT',
        due: null,
        done: k % 2 === 0,
      })),
      openActions: 2,
      version: 1,
    })),
    updatedAt: null,
    updatedBy: 'Bench',
    version: 3,
  };
  return { bestuurName: 'Gemeente Benchmark', plan, bias, generatedOn: '2026-06-01' };
}

export async function benchContinuity(runs: number) {
  const rows: (string | number)[][] = [];
  for (const [what, write] of [
    ['DOCX', planDocx],
    ['PDF', planPdf],
  ] as const) {
    const first = performance.now();
    const data = planOf();
    const body = await write(data);
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await write(planOf());
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push([
      what,
      data.bias.length,
      data.plan.strategies.length,
      data.plan.recovery.length,
      fmt(body.length / 1024, 0),
      fmt(firstMs, 0),
      fmt(percentile(times, 50), 0),
      fmt(times.at(-1) ?? 0, 0),
    ]);
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 10);
  console.log(`Continuity plan of a bestuur with 120 processes, ${runs} runs each (target: DOCX ≤ 2,000 ms)`);
  console.log(
    table(
      ['document', 'processes', 'critical', 'applications', 'size_kB', 'first_ms', 'p50_ms', 'max_ms'],
      await benchContinuity(runs),
    ),
  );
}
