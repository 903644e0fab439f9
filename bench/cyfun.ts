/**
 * CyberFundamentals scoring (issue 4): one self-assessment of every requirement of a level,
 * scored as the official method does, in memory. Figures, not a test.
 *
 *   node --import tsx bench/cyfun.ts [--runs 2000]
 */
import { loadContent } from '../server/src/modules/catalog/content.loader.ts';
import { type Answer, type CyfunNode, requirementsAt, scoreCyfun } from '../server/src/modules/cyfun/scoring.ts';
import { fmt, isMain, percentile, table } from './lib.ts';

export const TARGETS = { scoreMs: 10 };

export function benchCyfun(runs: number) {
  const content = loadContent();
  const rows: (string | number)[][] = [];
  for (const id of ['cyfun-2023-03-01', 'cyfun-2025']) {
    const nodes = content.frameworks.find((f) => f.id === id)?.nodes as CyfunNode[];
    const answers: Answer[] = requirementsAt(nodes, 'essential').map((r, i) =>
      i % 40 === 7 && !r.keyMeasure && !r.managementAspect
        ? { id: r.id, na: true }
        : { id: r.id, documentation: 1 + (i % 5), implementation: 1 + ((i * 3) % 5) },
    );
    for (let i = 0; i < 50; i++) scoreCyfun(nodes, 'essential', answers); // warm up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      scoreCyfun(nodes, 'essential', answers);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push([
      id,
      answers.length,
      fmt(percentile(times, 50), 3),
      fmt(percentile(times, 95), 3),
      fmt(times.at(-1) ?? 0, 3),
    ]);
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 2000);
  console.log(`CyFun scoring at Essential, ${runs} runs each (target ${TARGETS.scoreMs} ms)`);
  console.log(table(['edition', 'requirements', 'p50_ms', 'p95_ms', 'max_ms'], benchCyfun(runs)));
}
