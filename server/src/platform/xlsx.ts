/** What the Excel exports and imports share. */

// Loaded on first use: the library takes half a second to import, which every start would pay.
export const loadExcel = async () => (await import('exceljs')).default;

/** A cell's value as a person sees it: formulas give their result, rich text its text. */
export type Cell = string | number | boolean | null;
export function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('result' in v) return cellValue(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return cellValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/** A name for a file: lowercase ASCII words joined by dashes ("Stad Scheldemonde" → "stad-scheldemonde"). */
export const fileSlug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
