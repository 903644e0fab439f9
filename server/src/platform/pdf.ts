/**
 * What every PDF of Baken shares: a report with the Baken header (title, bestuur, date), page
 * numbers, sections, tables whose header row repeats on every page, and simple bar charts.
 * A module describes its document in blocks; only this file knows the PDF library (pdfmake,
 * docs/decisions/0008-pdf-reports.md).
 */
import type { Lang } from '@baken/contracts';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';

export const PDF_TYPE = 'application/pdf';

/** A table cell: text, or text with emphasis, a background colour (a heat map) and alignment. */
export type PdfCell =
  | string
  | number
  | null
  | { text: string | number; bold?: boolean; fill?: string; align?: 'left' | 'center' | 'right' };

export interface PdfColumn {
  header: string;
  /** Points, 'auto' (fits the content) or '*' (shares what is left); '*' by default. */
  width?: number | 'auto' | '*';
  align?: 'left' | 'center' | 'right';
}

export interface PdfBar {
  label: string;
  value: number;
  /** A bar's colour; Baken's blue by default. */
  colour?: string;
}

export type PdfBlock =
  /** A titled part of the document; its title never stays alone at the bottom of a page. */
  | { type: 'section'; title: string; blocks: PdfBlock[] }
  | { type: 'text'; text: string; bold?: boolean; muted?: boolean }
  /** Label and value pairs, as on a cover: "Bestuur: Stad Scheldemonde". */
  | { type: 'facts'; items: [label: string, value: string][] }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: PdfColumn[]; rows: PdfCell[][]; fontSize?: number }
  /** Horizontal bars from 0 to max, with an optional threshold line (e.g. the level's minimum). */
  | { type: 'bars'; max: number; items: PdfBar[]; threshold?: { value: number; label: string } }
  | { type: 'pageBreak' };

export interface PdfReport {
  title: string;
  subtitle?: string;
  /** The bestuur's name, in the header of every page. */
  bestuur: string;
  lang: Lang;
  generatedAt?: Date;
  landscape?: boolean;
  blocks: PdfBlock[];
}

const words = {
  nl: { generated: 'Opgemaakt op', page: (n: number, of: number) => `Pagina ${n} van ${of}`, bestuur: 'Bestuur' },
  en: { generated: 'Generated on', page: (n: number, of: number) => `Page ${n} of ${of}`, bestuur: 'Organisation' },
};

/** "23 november 2026" (nl-BE) or "23 November 2026" (en-GB), as the day is in Belgium. */
export const formatDate = (d: Date | string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(typeof d === 'string' ? new Date(d) : d);

/** The day as it is in Belgium, for file names: 2026-11-23. */
export const isoDay = (d: Date = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(d);

// The standard Helvetica of every PDF reader writes Windows-1252 (WinAnsi): Latin-1 and these.
const winAnsiExtra = new Set([
  402, 710, 732, 338, 339, 352, 353, 376, 381, 382, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226,
  8230, 8240, 8249, 8250, 8364, 8482,
]);
const fits = (c: number) => (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || winAnsiExtra.has(c);
const stand_ins: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '✓': 'v',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

/**
 * Text the standard font can write: é, ë, ï, € stay; a letter outside its set loses its accent
 * (ő → o), a few signs get a stand-in (≥ → >=), anything else becomes "?". Line breaks stay.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (fits(c) || ch === '\n') out += ch;
    else if (stand_ins[ch] !== undefined) out += stand_ins[ch];
    else {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare && [...bare].every((x) => fits(x.codePointAt(0) as number)) ? bare : '?';
    }
  }
  return out;
}

const BLUE = '#1c5a8a';
const GREY = '#5c5f66';
const LINE = '#ced4da';
const HEADER_FILL = '#e9ecef';

/** Black or white, whichever reads better on the fill. */
function textOn(fill: string) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#000000';
  const [r, g, b] = m.slice(1).map((x) => Number.parseInt(x, 16) / 255);
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return l > 0.35 ? '#000000' : '#ffffff';
}

function cell(c: PdfCell, align?: PdfColumn['align']): TableCell {
  if (c === null || typeof c !== 'object') return { text: pdfText(c === null ? '' : String(c)), alignment: align };
  return {
    text: pdfText(String(c.text)),
    bold: c.bold,
    alignment: c.align ?? align,
    ...(c.fill ? { fillColor: c.fill, color: textOn(c.fill) } : {}),
  };
}

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const BAR_WIDTH = 240;
const BAR_HEIGHT = 10;

function bars(b: Extract<PdfBlock, { type: 'bars' }>): Content {
  const x = (v: number) => (Math.max(0, Math.min(v, b.max)) / b.max) * BAR_WIDTH;
  const rows = b.items.map((item) => [
    { text: pdfText(item.label), fontSize: 8 },
    {
      canvas: [
        { type: 'rect', x: 0, y: 1, w: BAR_WIDTH, h: BAR_HEIGHT, color: '#f1f3f5' },
        { type: 'rect', x: 0, y: 1, w: x(item.value), h: BAR_HEIGHT, color: item.colour ?? BLUE },
        ...(b.threshold
          ? [
              {
                type: 'line' as const,
                x1: x(b.threshold.value),
                y1: -1,
                x2: x(b.threshold.value),
                y2: BAR_HEIGHT + 3,
                lineWidth: 1,
                lineColor: '#000000',
              },
            ]
          : []),
      ],
    },
    { text: item.value.toLocaleString('nl-BE', { maximumFractionDigits: 2 }), fontSize: 8, alignment: 'right' },
  ]);
  const legend: Content[] = b.threshold
    ? [{ text: pdfText(`| ${b.threshold.label}`), fontSize: 8, color: GREY, margin: [0, 2, 0, 0] }]
    : [];
  return {
    stack: [
      {
        table: { widths: [110, BAR_WIDTH, 30], body: rows as TableCell[][] },
        layout: 'noBorders',
      },
      ...legend,
    ],
    margin: [0, 2, 0, 8],
  };
}

function toContent(block: PdfBlock, depth: number): Content {
  switch (block.type) {
    case 'section':
      return [
        {
          text: pdfText(block.title),
          style: depth === 0 ? 'h1' : 'h2',
          headlineLevel: depth + 1,
        },
        ...block.blocks.map((b) => toContent(b, depth + 1)),
      ];
    case 'text':
      return {
        text: pdfText(block.text),
        bold: block.bold,
        color: block.muted ? GREY : undefined,
        margin: [0, 0, 0, 6],
      };
    case 'facts':
      return {
        table: {
          widths: ['auto', '*'],
          body: block.items.map(([label, value]) => [{ text: pdfText(label), bold: true }, { text: pdfText(value) }]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 8],
      };
    case 'list':
      return { ul: block.items.map(pdfText), margin: [0, 0, 0, 6] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: block.columns.map((c) => c.width ?? '*'),
          body: [
            block.columns.map((c) => ({ text: pdfText(c.header), bold: true, fillColor: HEADER_FILL })),
            ...block.rows.map((r) => r.map((c, i) => cell(c, block.columns[i]?.align))),
          ],
        },
        layout: tableLayout,
        fontSize: block.fontSize ?? 8,
        margin: [0, 0, 0, 10],
      };
    case 'bars':
      return bars(block);
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

/** The document definition: kept apart from rendering so a test can look at it. */
export function definition(report: PdfReport): TDocumentDefinitions {
  const w = words[report.lang];
  const at = report.generatedAt ?? new Date();
  const day = formatDate(at, report.lang);
  const title = pdfText(report.title);
  const bestuur = pdfText(report.bestuur);
  return {
    pageSize: 'A4',
    pageOrientation: report.landscape ? 'landscape' : 'portrait',
    pageMargins: [40, 56, 40, 48],
    language: report.lang === 'nl' ? 'nl-BE' : 'en-GB',
    info: { title, author: 'Baken', subject: `${title} - ${bestuur}`, creator: 'Baken', producer: 'Baken' },
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, color: BLUE },
      subtitle: { fontSize: 12, color: GREY, margin: [0, 2, 0, 0] },
      h1: { fontSize: 13, bold: true, color: BLUE, margin: [0, 10, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    header: () => ({
      columns: [
        { text: `Baken  |  ${bestuur}`, bold: true, color: BLUE },
        { text: title, alignment: 'right', color: GREY },
      ],
      fontSize: 8,
      margin: [40, 24, 40, 0],
    }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${w.generated} ${day}`, color: GREY },
        { text: w.page(page, pages), alignment: 'right', color: GREY },
      ],
      fontSize: 8,
      margin: [40, 16, 40, 0],
    }),
    // A section title at the bottom of a page goes to the next with what it announces.
    pageBreakBefore: (node, q) =>
      node.headlineLevel !== undefined && q.getFollowingNodesOnPage().every((n) => n.headlineLevel !== undefined),
    content: [
      { text: title, style: 'title' },
      ...(report.subtitle ? [{ text: pdfText(report.subtitle), style: 'subtitle' }] : []),
      {
        text: [{ text: `${w.bestuur}: `, bold: true }, bestuur, '   ', { text: `${w.generated} `, bold: true }, day],
        margin: [0, 6, 0, 10],
      },
      ...report.blocks.map((b) => toContent(b, 0)),
    ],
  };
}

const standardFonts = ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'];
let engine: typeof import('pdfmake') | undefined;

// Loaded on first use, like exceljs: most starts never write a PDF.
async function pdfmake() {
  if (!engine) {
    const m = (await import('pdfmake')).default as unknown as typeof import('pdfmake');
    // Only the fonts every reader has: nothing is fetched or read from disk on a document's behalf.
    m.setUrlAccessPolicy(() => false);
    m.setLocalAccessPolicy((path) => standardFonts.includes(path));
    m.setFonts({
      Helvetica: {
        normal: 'Helvetica',
        bold: 'Helvetica-Bold',
        italics: 'Helvetica-Oblique',
        bolditalics: 'Helvetica-BoldOblique',
      },
    });
    engine = m;
  }
  return engine;
}

/** The report as PDF bytes. */
export async function renderPdf(report: PdfReport): Promise<Buffer> {
  const m = await pdfmake();
  return Buffer.from(await m.createPdf(definition(report)).getBuffer());
}
