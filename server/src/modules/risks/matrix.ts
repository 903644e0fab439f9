import type { RiskMatrix } from '@baken/contracts';

const steps = {
  3: [
    { nl: 'Laag', en: 'Low' },
    { nl: 'Middel', en: 'Medium' },
    { nl: 'Hoog', en: 'High' },
  ],
  4: [
    { nl: 'Zelden', en: 'Rare' },
    { nl: 'Soms', en: 'Occasional' },
    { nl: 'Vaak', en: 'Frequent' },
    { nl: 'Bijna zeker', en: 'Almost certain' },
  ],
  5: [
    { nl: 'Zeer zelden', en: 'Very rare' },
    { nl: 'Zelden', en: 'Rare' },
    { nl: 'Soms', en: 'Occasional' },
    { nl: 'Vaak', en: 'Frequent' },
    { nl: 'Bijna zeker', en: 'Almost certain' },
  ],
} as const;
const impacts = {
  3: [
    { nl: 'Beperkt', en: 'Limited' },
    { nl: 'Aanzienlijk', en: 'Significant' },
    { nl: 'Ernstig', en: 'Serious' },
  ],
  4: [
    { nl: 'Beperkt', en: 'Limited' },
    { nl: 'Aanzienlijk', en: 'Significant' },
    { nl: 'Ernstig', en: 'Serious' },
    { nl: 'Zeer ernstig', en: 'Very serious' },
  ],
  5: [
    { nl: 'Verwaarloosbaar', en: 'Negligible' },
    { nl: 'Beperkt', en: 'Limited' },
    { nl: 'Aanzienlijk', en: 'Significant' },
    { nl: 'Ernstig', en: 'Serious' },
    { nl: 'Zeer ernstig', en: 'Very serious' },
  ],
} as const;

export const defaultLevels: RiskMatrix['levels'] = [
  { id: 'laag', name: { nl: 'Laag', en: 'Low' }, colour: '#2b8a3e' },
  { id: 'middel', name: { nl: 'Middel', en: 'Medium' }, colour: '#e67700' },
  { id: 'hoog', name: { nl: 'Hoog', en: 'High' }, colour: '#d9480f' },
  { id: 'kritiek', name: { nl: 'Kritiek', en: 'Critical' }, colour: '#a61e4d' },
];

/**
 * A matrix of n steps of likelihood and m of impact; a cell's level follows the product of
 * its position, in four bands (up to a quarter of the maximum, a half, three quarters, above).
 */
export function matrixOf(n: 3 | 4 | 5, m: 3 | 4 | 5): RiskMatrix {
  const max = n * m;
  const grid = Array.from({ length: n }, (_, l) =>
    Array.from({ length: m }, (_, i) => {
      const ratio = ((l + 1) * (i + 1)) / max;
      return ratio <= 0.25 ? 0 : ratio <= 0.5 ? 1 : ratio <= 0.75 ? 2 : 3;
    }),
  );
  return {
    likelihood: steps[n].map((x) => ({ ...x })),
    impact: impacts[m].map((x) => ({ ...x })),
    levels: defaultLevels,
    grid,
  };
}

/** The default: 4 by 4. */
export const defaultMatrix = () => matrixOf(4, 4);

export const levelOf = (matrix: RiskMatrix, likelihood: number, impact: number) =>
  matrix.levels[matrix.grid[likelihood - 1]?.[impact - 1] ?? 0];

/** A class 1–5 on an impact scale of `steps`: 1 stays the lowest, 5 the highest. */
export const impactOfClass = (cls: number, steps: number) => Math.round(((cls - 1) / 4) * (steps - 1)) + 1;
