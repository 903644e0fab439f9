/**
 * Reports (issue 4, point 6): writing the statement of applicability of CyFun 2023-03-01 as a
 * PDF and as a workbook, with every requirement covered by the measures content/ maps to it
 * (in progress), in memory: the database part is the compliance computation, benchmarked on
 * its own. Figures, not a test.
 *
 *   node --import tsx bench/reports.ts [--runs 20]
 */
import type { Contribution, RequirementCompliance } from '@baken/contracts';
import { loadContent } from '../server/src/modules/catalog/content.loader.ts';
import { contribution, derive, explain } from '../server/src/modules/compliance/derive.ts';
import { applicabilityPdf, applicabilityWorkbook } from '../server/src/modules/reports/applicability.ts';
import { fmt, isMain, percentile, table } from './lib.ts';

function input(level: 'basic' | 'essential') {
  const content = loadContent();
  const f = content.frameworks.find((x) => x.id === 'cyfun-2023-03-01');
  if (!f) throw new Error('content/ has no CyFun 2023-03-01');
  const links = new Map<string, Contribution[]>();
  for (const m of content.measures)
    for (const x of m.mappings.filter((y) => y.framework === f.id)) {
      const c = { code: m.code, title: m.title, status: 'in-uitvoering' as const, relationship: x.relationship };
      links.set(x.requirement, [
        ...(links.get(x.requirement) ?? []),
        { ...c, ...contribution(c.status, x.relationship) },
      ]);
    }
  const requirements: RequirementCompliance[] = f.nodes
    .filter((n) => n.assessable && n.levels?.includes(level))
    .map((n) => {
      const contributions = links.get(n.id) ?? [];
      const result = derive(contributions);
      const title = n.title ?? { nl: n.id, en: n.id };
      return {
        id: n.id,
        title: { nl: title.nl, en: title.en },
        levels: n.levels ?? [],
        keyMeasure: null,
        derived: result,
        result,
        explanation: explain(result, contributions, false),
        contributions,
        override: null,
      };
    });
  const counts = { compliant: 0, 'partially-compliant': 0, 'non-compliant': 0, 'not-assessed': 0, 'not-applicable': 0 };
  for (const r of requirements) counts[r.result]++;
  return {
    bestuur: 'Stad Scheldemonde',
    lang: 'nl' as const,
    generatedAt: new Date(),
    framework: { framework: f.id, name: f.name, level, counts, score: 50, requirements },
    naReasons: new Map<string, string | null>(),
  };
}

export async function benchReports(runs: number) {
  const rows: (string | number)[][] = [];
  for (const level of ['basic', 'essential'] as const) {
    const data = input(level);
    for (const [what, write] of [
      ['PDF', applicabilityPdf],
      ['xlsx', applicabilityWorkbook],
    ] as const) {
      const first = performance.now();
      const body = await write(data);
      const firstMs = performance.now() - first;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await write(data);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push([
        `${what}, ${level}`,
        data.framework.requirements.length,
        fmt(body.length / 1024, 0),
        fmt(firstMs, 0),
        fmt(percentile(times, 50), 1),
        fmt(percentile(times, 95), 1),
      ]);
    }
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 20);
  console.log(`Statement of applicability of CyFun 2023-03-01, ${runs} runs each (first: with loading the library)`);
  console.log(table(['report', 'requirements', 'size_kB', 'first_ms', 'p50_ms', 'p95_ms'], await benchReports(runs)));
}
