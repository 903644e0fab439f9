/** Search parameters of the process list screens, parsed leniently: a bad value is dropped. */
const num = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

export interface VersionsSearch {
  versie?: number;
}
export const parseVersionsSearch = (s: Record<string, unknown>): VersionsSearch => ({ versie: num(s.versie) });

/** `naar` is a version number or `concept` (the coach's draft). */
export interface DiffSearch {
  van?: number;
  naar?: number | 'concept';
}
export const parseDiffSearch = (s: Record<string, unknown>): DiffSearch => ({
  van: num(s.van),
  naar: s.naar === 'concept' ? 'concept' : num(s.naar),
});
