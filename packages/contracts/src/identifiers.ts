/** Belgian enterprise number (KBO/BCE): 10 digits, the last two are 97 - (first eight mod 97). */
export function isValidKbo(value: string): boolean {
  if (!/^[01]\d{9}$/.test(value)) return false;
  const base = Number(value.slice(0, 8));
  const check = Number(value.slice(8));
  return 97 - (base % 97) === check;
}

/** Accepts "0207.451.227", "BE 0207 451 227" and the like; returns the 10 digits. */
export function normaliseKbo(value: string): string {
  return value.replace(/^BE/i, '').replace(/[\s.]/g, '');
}
