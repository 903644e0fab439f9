import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import {
  type Answer,
  type CyfunLevel,
  type CyfunNode,
  InvalidAnswers,
  MissingAnswers,
  requirementsAt,
  scoreCyfun,
} from '../src/modules/cyfun/scoring.js';
import { repoRoot } from './support/catalog.js';

const content = loadContent();
const nodesOf = (id: string) => content.frameworks.find((f) => f.id === id)?.nodes as CyfunNode[];
const editions = { '2023-03-01': nodesOf('cyfun-2023-03-01'), '2025': nodesOf('cyfun-2025') };
const all = (nodes: CyfunNode[], level: CyfunLevel, d: number, i: number): Answer[] =>
  requirementsAt(nodes, level).map((r) => ({ id: r.id, documentation: d, implementation: i }));

describe('the requirements of a level', () => {
  it.each([
    ['2023-03-01', [34, 142, 221], [13, 21, 29]],
    ['2025', [34, 133, 218], [13, 22, 29]],
  ] as const)('CyFun %s: %j requirements and %j key measures', (edition, counts, keys) => {
    const levels = ['basic', 'important', 'essential'] as const;
    expect(levels.map((l) => requirementsAt(editions[edition], l).length)).toEqual(counts);
    expect(levels.map((l) => requirementsAt(editions[edition], l).filter((r) => r.keyMeasure).length)).toEqual(keys);
  });
});

describe('scoring as the official method does', () => {
  it.each(Object.keys(editions) as (keyof typeof editions)[])(
    'the worked check (%s): documentation 2 and implementation 3 everywhere passes Basic at 2.5',
    (edition) => {
      const nodes = editions[edition];
      const s = scoreCyfun(nodes, 'basic', all(nodes, 'basic', 2, 3));
      expect(s.total).toBeCloseTo(2.5, 10);
      expect(Object.values(s.keyMeasures)).toHaveLength(13);
      expect(Object.values(s.keyMeasures).every((v) => v === 2.5)).toBe(true);
      expect(s.passed).toBe(true);
      expect(s.failures).toEqual([]);

      // One key measure at 2/2 fails Basic, whatever the total.
      const key = requirementsAt(nodes, 'basic').find((r) => r.keyMeasure)?.id as string;
      const answers = all(nodes, 'basic', 5, 5).map((a) =>
        a.id === key ? { id: key, documentation: 2, implementation: 2 } : a,
      );
      const lowered = scoreCyfun(nodes, 'basic', answers);
      expect(lowered.total).toBeGreaterThan(4.5);
      expect(lowered.passed).toBe(false);
      expect(lowered.failures).toEqual([{ criterion: 'keyMeasure', id: key, value: 2, threshold: 2.5 }]);
    },
  );

  // A small tree: every category weighs the same, whatever its number of requirements.
  const tree: CyfunNode[] = [
    { id: 'F', parent: null, assessable: false },
    { id: 'F.A', parent: 'F', assessable: false },
    { id: 'F.A-1', parent: 'F.A', assessable: false },
    { id: 'F.A-1.1', parent: 'F.A-1', assessable: true, levels: ['basic', 'important', 'essential'] },
    { id: 'F.A-1.2', parent: 'F.A-1', assessable: true, levels: ['basic', 'important', 'essential'] },
    { id: 'F.A-2', parent: 'F.A', assessable: false },
    { id: 'F.A-2.1', parent: 'F.A-2', assessable: true, levels: ['basic', 'important', 'essential'] },
    { id: 'F.B', parent: 'F', assessable: false },
    { id: 'F.B-1', parent: 'F.B', assessable: false },
    {
      id: 'F.B-1.1',
      parent: 'F.B-1',
      assessable: true,
      levels: ['basic', 'important', 'essential'],
      keyMeasureAt: 'important',
    },
    { id: 'F.B-1.2', parent: 'F.B-1', assessable: true, levels: ['essential'], managementAspectAt: 'essential' },
    { id: 'F.B-1.3', parent: 'F.B-1', assessable: true, levels: ['essential'] },
  ];

  it('takes means of requirements, then of sub-categories, then of categories', () => {
    const s = scoreCyfun(tree, 'basic', [
      { id: 'F.A-1.1', documentation: 1, implementation: 2 },
      { id: 'F.A-1.2', documentation: 3, implementation: 2 },
      { id: 'F.A-2.1', documentation: 5, implementation: 4 },
      { id: 'F.B-1.1', documentation: 1, implementation: 1 },
      { id: 'F.B-1.2', documentation: 5, implementation: 5 }, // not in Basic: ignored
    ]);
    expect(s.subCategories['F.A-1']).toEqual({ documentation: 2, implementation: 2 });
    expect(s.categories['F.A']).toEqual({ documentation: 3.5, implementation: 3, maturity: 3.25 });
    expect(s.categories['F.B']).toEqual({ documentation: 1, implementation: 1, maturity: 1 });
    expect(s.total).toBe(2.125);
    expect(s.keyMeasures).toEqual({}); // a key measure only from Important
    expect(s.ignored).toEqual(['F.B-1.2']);
    expect(s.failures).toEqual([{ criterion: 'total', value: 2.125, threshold: 2.5 }]);
  });

  it('at Essential also needs every category at 3 and the total at 3.5', () => {
    const answers: Answer[] = ['F.A-1.1', 'F.A-1.2', 'F.A-2.1', 'F.B-1.1', 'F.B-1.2'].map((id) => ({
      id,
      documentation: 4,
      implementation: 4,
    }));
    answers.push({ id: 'F.B-1.3', documentation: 1, implementation: 1 });
    const s = scoreCyfun(tree, 'essential', answers);
    expect(s.categories['F.B'].maturity).toBe(3);
    expect(s.total).toBe(3.5);
    expect(s.passed).toBe(true);
    const lower = scoreCyfun(
      tree,
      'essential',
      answers.map((a) => (a.id === 'F.B-1.2' ? { id: a.id, documentation: 3, implementation: 4 } : a)),
    );
    expect(lower.failures.map((f) => f.criterion)).toEqual(['category', 'total']);
  });

  it('counts a not-applicable requirement as the fixed score, within the limit; never a key measure or management aspect', () => {
    const answers: Answer[] = [
      { id: 'F.A-1.1', documentation: 4, implementation: 4 },
      { id: 'F.A-1.2', na: true },
      { id: 'F.A-2.1', documentation: 4, implementation: 4 },
      { id: 'F.B-1.1', na: true },
      { id: 'F.B-1.2', na: true },
      { id: 'F.B-1.3', documentation: 4, implementation: 4 },
    ];
    const s = scoreCyfun(tree, 'essential', answers);
    expect(s.subCategories['F.A-1']).toEqual({ documentation: 3.5, implementation: 3.5 });
    expect(s.failures).toEqual([
      { criterion: 'notApplicableNotAllowed', id: 'F.B-1.1', reason: 'keyMeasure' },
      { criterion: 'notApplicableNotAllowed', id: 'F.B-1.2', reason: 'managementAspect' },
    ]);

    const nodes = editions['2023-03-01'];
    const plain = requirementsAt(nodes, 'essential').filter((r) => !r.keyMeasure);
    const six = new Set(plain.slice(0, 6).map((r) => r.id));
    const many = all(nodes, 'essential', 4, 4).map((a) => (six.has(a.id) ? { id: a.id, na: true as const } : a));
    const tooMany = scoreCyfun(nodes, 'essential', many);
    expect(tooMany.failures).toEqual([
      expect.objectContaining({ criterion: 'notApplicableCount', value: 6, threshold: 5 }),
    ]);
    const five = scoreCyfun(
      nodes,
      'essential',
      many.filter((a) => a.id !== plain[5].id).concat([{ id: plain[5].id, documentation: 4, implementation: 4 }]),
    );
    expect(five.passed).toBe(true);

    // Basic and Important: the limits are configurable (by default at most 1 at Basic).
    const twoPlain = new Set(
      requirementsAt(nodes, 'basic')
        .filter((r) => !r.keyMeasure)
        .slice(0, 2)
        .map((r) => r.id),
    );
    const basic = all(nodes, 'basic', 3, 3).map((a) => (twoPlain.has(a.id) ? { id: a.id, na: true as const } : a));
    expect(scoreCyfun(nodes, 'basic', basic).failures).toEqual([
      expect.objectContaining({ criterion: 'notApplicableCount', value: 2, threshold: 1 }),
    ]);
    const lenient = scoreCyfun(nodes, 'basic', basic, {
      basic: { max: 3, score: 2.5 },
      important: { max: 3, score: 3 },
      essential: { max: 5, score: 3 },
    });
    expect(lenient.passed).toBe(true);
  });

  it('lists the missing answers of the level, and refuses scores outside 1–5', () => {
    expect(() => scoreCyfun(tree, 'basic', [{ id: 'F.A-1.1', documentation: 3, implementation: 3 }])).toThrow(
      MissingAnswers,
    );
    try {
      scoreCyfun(tree, 'basic', [{ id: 'F.A-1.1', documentation: 3, implementation: 3 }]);
    } catch (e) {
      expect((e as MissingAnswers).ids).toEqual(['F.A-1.2', 'F.A-2.1', 'F.B-1.1']);
    }
    expect(() =>
      scoreCyfun(tree, 'basic', [
        { id: 'F.A-1.1', documentation: 0, implementation: 3 },
        { id: 'F.A-1.2', documentation: 3, implementation: 3.5 },
      ]),
    ).toThrow(InvalidAnswers);
  });
});

describe('npm run cli -- cyfun-score', () => {
  const run = (input: unknown) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli.ts'), 'cyfun-score'], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      cwd: path.join(repoRoot, 'server'),
    });

  it('prints the score, and exits 2 with the missing ids', () => {
    const answers = all(editions['2023-03-01'], 'basic', 2, 3);
    answers.push({ id: 'DE.CM-1.4', documentation: 1, implementation: 1 }); // Essential only: ignored
    const ok = run({ edition: '2023-03-01', level: 'basic', answers });
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out).toMatchObject({ total: 2.5, passed: true, failures: [] });
    expect(out.categories['ID.AM']).toEqual({ documentation: 2, implementation: 3, maturity: 2.5 });
    expect(out.keyMeasures['PR.AC-1.1']).toBe(2.5);

    const missing = run({
      edition: '2023-03-01',
      level: 'basic',
      answers: [
        { id: 'ID.AM-1.1', documentation: 2, implementation: 3 },
        { id: 'PR.AC-1.1', na: true },
      ],
    });
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).missing).toHaveLength(32);
    expect(missing.stderr).toContain('32 requirement(s) of the level have no answer');
  }, 60_000);
});
