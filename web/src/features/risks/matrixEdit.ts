import type { RiskMatrix } from '@baken/contracts';

type Label = { nl: string; en: string };

/** Resizes the likelihood (rows) or impact (columns) scale; new steps copy the last row or column of the grid. */
export function resize(m: RiskMatrix, axis: 'likelihood' | 'impact', size: number, label: (n: number) => Label) {
  const labels = m[axis].slice(0, size);
  while (labels.length < size) labels.push(label(labels.length + 1));
  let grid = m.grid.map((row) => [...row]);
  if (axis === 'likelihood') {
    grid = grid.slice(0, size);
    while (grid.length < size) grid.push([...(grid[grid.length - 1] ?? [])]);
  } else {
    grid = grid.map((row) => {
      const r = row.slice(0, size);
      while (r.length < size) r.push(r[r.length - 1] ?? 0);
      return r;
    });
  }
  return { ...m, [axis]: labels, grid };
}

export function setLabel(m: RiskMatrix, axis: 'likelihood' | 'impact', index: number, lang: 'nl' | 'en', text: string) {
  return { ...m, [axis]: m[axis].map((l, i) => (i === index ? { ...l, [lang]: text } : l)) };
}

export function setCell(m: RiskMatrix, l: number, i: number, level: number): RiskMatrix {
  return { ...m, grid: m.grid.map((row, r) => (r === l ? row.map((v, c) => (c === i ? level : v)) : row)) };
}

/** A level id the matrix does not use yet (lowercase letters and hyphens, as the contract wants). */
function freshId(m: RiskMatrix): string {
  const used = new Set(m.levels.map((x) => x.id));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) if (!used.has(`niveau-${a}`)) return `niveau-${a}`;
  return `niveau-${letters[m.levels.length % 26]}-extra`;
}

export function addLevel(m: RiskMatrix, name: Label): RiskMatrix {
  return { ...m, levels: [...m.levels, { id: freshId(m), name, colour: '#862e9c' }] };
}

/** Removes a level; cells that pointed at it or above move one down. */
export function removeLevel(m: RiskMatrix, index: number): RiskMatrix {
  return {
    ...m,
    levels: m.levels.filter((_, i) => i !== index),
    grid: m.grid.map((row) => row.map((v) => (v > index ? v - 1 : v === index ? Math.max(0, v - 1) : v))),
  };
}

export function setLevel(m: RiskMatrix, index: number, patch: { nl?: string; en?: string; colour?: string }) {
  return {
    ...m,
    levels: m.levels.map((x, i) =>
      i === index
        ? {
            ...x,
            name: { nl: patch.nl ?? x.name.nl, en: patch.en ?? x.name.en },
            colour: patch.colour ?? x.colour,
          }
        : x,
    ),
  };
}
