import { describe, expect, it } from 'vitest';
import type { Measure } from '../src/modules/catalog/content.schema.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import {
  type ClassifiedAsset,
  type RequirementReason,
  requiredMeasures,
  summariseRequiredMeasures,
} from '../src/modules/processes/required-measures.js';

const measure = (code: string, applies: Measure['applies'], conditions?: Measure['conditions']): Measure => ({
  code,
  domain: 'x',
  type: 'technical',
  title: { nl: code, en: code },
  guidance: { nl: code, en: code },
  applies,
  conditions,
  mappings: [{ framework: 'nis2-art21', requirement: '21.2.h', relationship: 'intersect' }],
});
const asset = (id: string, c: number, i: number, a: number, flags: Partial<ClassifiedAsset> = {}): ClassifiedAsset => ({
  id,
  class: { c, i, a },
  personalData: false,
  kszData: false,
  ...flags,
});
const codes = (r: ReturnType<typeof requiredMeasures>) => r.map((m) => m.code).sort();

describe('required measures (ICR class rules)', () => {
  const set = [
    measure('BL-01', 'always'),
    measure('CR-01', { c: 3 }),
    measure('CR-02', { c: 4 }),
    measure('BC-01', { a: 3, i: 4 }),
    measure('GB-01', 'always', { personalData: true }),
    measure('GB-02', { c: 3 }, { personalData: true }),
    measure('KS-01', { c: 2 }, { ksz: true }),
    measure('NI-01', 'always', { nis2: true }),
  ];

  it('always requires the baseline, and more as classes rise (cumulative)', () => {
    expect(codes(requiredMeasures(set, [asset('x', 1, 1, 1)], { nis2: false }))).toEqual(['BL-01']);
    expect(codes(requiredMeasures(set, [asset('x', 3, 1, 1)], { nis2: false }))).toEqual(['BL-01', 'CR-01']);
    expect(codes(requiredMeasures(set, [asset('x', 4, 1, 1)], { nis2: false }))).toEqual(['BL-01', 'CR-01', 'CR-02']);
  });

  it('takes any dimension that reaches its class, and says which asset and class require it', () => {
    const r = requiredMeasures(set, [asset('dossier', 1, 4, 2), asset('agenda', 1, 1, 3)], { nis2: false });
    expect(r.find((m) => m.code === 'BC-01')?.reasons).toEqual([
      { kind: 'class', assetId: 'dossier', dimension: 'i', assetClass: 4, fromClass: 4 },
      { kind: 'class', assetId: 'agenda', dimension: 'a', assetClass: 3, fromClass: 3 },
    ]);
    expect(r.find((m) => m.code === 'BC-01')?.serves).toEqual(['nis2-art21:21.2.h']);
  });

  it('applies personal-data and KSZ measures only where the same asset carries such data', () => {
    const plain = requiredMeasures(set, [asset('a', 3, 1, 1)], { nis2: false });
    expect(codes(plain)).not.toContain('GB-01');
    expect(codes(plain)).not.toContain('GB-02');
    // Personal data in one asset and class 3 in another: the class rule is not met by the personal data.
    const split = requiredMeasures(set, [asset('a', 3, 1, 1), asset('b', 1, 1, 1, { personalData: true })], {
      nis2: false,
    });
    expect(codes(split)).toContain('GB-01');
    expect(codes(split)).not.toContain('GB-02');
    const ksz = requiredMeasures(set, [asset('k', 2, 1, 1, { personalData: true, kszData: true })], { nis2: false });
    expect(codes(ksz)).toContain('KS-01');
  });

  it('adds NIS2 measures only for a bestuur in NIS2 scope', () => {
    expect(codes(requiredMeasures(set, [asset('x', 1, 1, 1)], { nis2: true }))).toContain('NI-01');
  });

  it('works on the real content: a higher class never needs fewer measures', () => {
    const { measures, processes } = loadContent();
    const assets = processes.flatMap((p) => p.assets);
    const all = requiredMeasures(measures, assets, { nis2: false });
    expect(all.length).toBeGreaterThan(100);
    for (const k of [1, 2, 3, 4] as const) {
      const low = requiredMeasures(measures, [asset('x', k, k, k)], { nis2: false });
      const high = requiredMeasures(measures, [asset('x', k + 1, k + 1, k + 1)], { nis2: false });
      expect(codes(high)).toEqual(expect.arrayContaining(codes(low)));
      expect(high.length).toBeGreaterThanOrEqual(low.length);
    }
  });

  it('summarises as the whole list does: the strongest reasons in order, and the counts', () => {
    const { measures, processes } = loadContent();
    // The generic list's assets with classes spread over 1–5 (as many equals as a bestuur has).
    const assets = processes
      .flatMap((p) => p.assets)
      .map((a, n) => ({ ...a, id: `${a.id}-${n}`, class: { c: 1 + (n % 5), i: 1 + ((n * 7) % 5), a: a.class.a } }));
    const strength = (r: RequirementReason) => (r.kind === 'class' ? r.assetClass : 0);
    const whole = requiredMeasures(measures, assets, { nis2: false });
    for (const limit of [5, undefined]) {
      const summary = summariseRequiredMeasures(measures, assets, { nis2: false }, limit);
      expect(summary.map((m) => m.code)).toEqual(whole.map((m) => m.code));
      for (const [k, m] of summary.entries()) {
        const all = whole[k].reasons;
        const sorted = [...all].sort((x, y) => strength(y) - strength(x));
        expect(m.reasons).toEqual(limit === undefined ? sorted : sorted.slice(0, limit));
        expect(m.reasonCount).toBe(all.length);
        expect(m.assetCount).toBe(new Set(all.flatMap((r) => (r.kind === 'class' ? [r.assetId] : []))).size);
        expect(m.serves).toEqual(whole[k].serves);
      }
    }
  });
});
