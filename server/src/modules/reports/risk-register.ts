import type { Lang, Risk, RiskMatrix } from '@baken/contracts';
import { type PdfBlock, type PdfCell, formatDate, renderPdf } from '../../platform/pdf.js';
import { loadExcel } from '../../platform/xlsx.js';
import { qualityLetter, reportTitle, treatmentLabel } from './labels.js';

/** The risk register as a workbook and as a PDF with the heat map. Pure: the risks module decided every level. */

export interface RiskRegisterInput {
  bestuur: string;
  lang: Lang;
  generatedAt: Date;
  risks: Risk[];
  matrix: RiskMatrix;
  /** counts[likelihood - 1][impact - 1], as the heat map gives them. */
  inherent: number[][];
  residual: number[][];
}

const t = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);
const local = (x: { nl: string; en: string } | null, lang: Lang) => (x ? x[lang] || x.nl : '');
/** … in the order the risks were recorded. */
export const riskNumber = (i: number) => `R-${String(i + 1).padStart(2, '0')}`;

/** "3 - Vaak": the step and its label on the bestuur's matrix. */
const step = (labels: RiskMatrix['likelihood'], v: number | null, lang: Lang) =>
  v === null ? '' : `${v} - ${local(labels[v - 1] ?? null, lang)}`;
const day = (d: string | null, lang: Lang) => (d ? formatDate(d, lang) : '');

function columns(lang: Lang) {
  return [
    t(lang, 'Nr.', 'No.'),
    t(lang, 'Risico', 'Risk'),
    t(lang, 'Omschrijving', 'Description'),
    t(lang, 'Proces', 'Process'),
    t(lang, 'Informatie-asset', 'Information asset'),
    t(lang, 'Dreiging', 'Threat'),
    qualityLetter.c[lang],
    qualityLetter.i[lang],
    qualityLetter.a[lang],
    t(lang, 'Waarschijnlijkheid', 'Likelihood'),
    t(lang, 'Impact', 'Impact'),
    t(lang, 'Inherent niveau', 'Inherent level'),
    t(lang, 'Behandeling', 'Treatment'),
    t(lang, 'Maatregelen', 'Measures'),
    t(lang, 'Restwaarschijnlijkheid', 'Residual likelihood'),
    t(lang, 'Restimpact', 'Residual impact'),
    t(lang, 'Restniveau', 'Residual level'),
    t(lang, 'Eigenaar', 'Owner'),
    t(lang, 'Aanvaard door', 'Accepted by'),
    t(lang, 'Aanvaard op', 'Accepted on'),
    t(lang, 'Aanvaard tot', 'Accepted until'),
    t(lang, 'Herzieningsdatum', 'Review date'),
  ];
}

const has = (r: Risk, q: 'c' | 'i' | 'a') => (r.qualities.includes(q) ? 'x' : '');

export async function riskWorkbook(input: RiskRegisterInput): Promise<Buffer> {
  const { lang, matrix } = input;
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  wb.created = input.generatedAt;
  const cover = wb.addWorksheet(t(lang, 'Voorblad', 'Cover'));
  cover.addRow([reportTitle.risks[lang]]).font = { bold: true, size: 14 };
  cover.addRow([]);
  const facts: [string, string | number][] = [
    [t(lang, 'Bestuur', 'Organisation'), input.bestuur],
    [t(lang, 'Datum', 'Date'), formatDate(input.generatedAt, lang)],
    [t(lang, 'Risico’s', 'Risks'), input.risks.length],
    [t(lang, 'Matrix', 'Matrix'), `${matrix.likelihood.length} × ${matrix.impact.length}`],
    ...matrix.levels.map(
      (l) =>
        [
          `${t(lang, 'Inherent niveau', 'Inherent level')} ${local(l.name, lang)}`,
          input.risks.filter((r) => r.inherentLevel.id === l.id).length,
        ] as [string, number],
    ),
  ];
  for (const [label, value] of facts) cover.addRow([label, value]).getCell(1).font = { bold: true };
  cover.getColumn(1).width = 30;
  cover.getColumn(2).width = 50;

  const ws = wb.addWorksheet(t(lang, 'Risico’s', 'Risks'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [8, 36, 40, 28, 28, 28, 4, 4, 4, 18, 18, 14, 14, 40, 18, 18, 14, 22, 22, 16, 16, 16];
  ws.columns = columns(lang).map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  const fill = (colour: string) => ({
    type: 'pattern' as const,
    pattern: 'solid' as const,
    fgColor: { argb: `FF${colour.slice(1).toUpperCase()}` },
  });
  input.risks.forEach((r, i) => {
    const row = ws.addRow([
      riskNumber(i),
      r.title,
      r.description ?? '',
      local(r.processName, lang),
      local(r.assetName, lang),
      local(r.threatName, lang),
      has(r, 'c'),
      has(r, 'i'),
      has(r, 'a'),
      step(matrix.likelihood, r.likelihood, lang),
      step(matrix.impact, r.impact, lang),
      local(r.inherentLevel.name, lang),
      r.treatment ? treatmentLabel[r.treatment][lang] : '',
      r.measures.map((m) => `${m.code} ${local(m.title, lang)}`).join('\n'),
      step(matrix.likelihood, r.residualLikelihood, lang),
      step(matrix.impact, r.residualImpact, lang),
      r.residualLevel ? local(r.residualLevel.name, lang) : '',
      r.ownerName ?? '',
      r.acceptance?.by ?? '',
      r.acceptance ? formatDate(r.acceptance.at, lang) : '',
      day(r.acceptance?.until ?? null, lang),
      day(r.reviewDate, lang),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(12).fill = fill(r.inherentLevel.colour);
    if (r.residualLevel) row.getCell(17).fill = fill(r.residualLevel.colour);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A heat map: likelihood from high to low in rows, impact in columns, each cell in its level's colour. */
function heatMap(matrix: RiskMatrix, counts: number[][], lang: Lang): PdfBlock {
  const n = matrix.likelihood.length;
  const rows: PdfCell[][] = [];
  for (let l = n; l >= 1; l--) {
    rows.push([
      { text: `${l} ${local(matrix.likelihood[l - 1], lang)}`, bold: true },
      ...matrix.impact.map((_, i) => {
        const level = matrix.levels[matrix.grid[l - 1][i]];
        const count = counts[l - 1]?.[i] ?? 0;
        return { text: count ? String(count) : '', fill: level.colour, align: 'center' as const, bold: true };
      }),
    ]);
  }
  return {
    type: 'table',
    columns: [
      { header: t(lang, 'Waarschijnlijkheid / impact', 'Likelihood / impact'), width: 130 },
      ...matrix.impact.map((x, i) => ({ header: `${i + 1} ${local(x, lang)}`, width: 70, align: 'center' as const })),
    ],
    rows,
  };
}

export function riskPdf(input: RiskRegisterInput): Promise<Buffer> {
  const { lang, matrix } = input;
  const levelCell = (l: Risk['inherentLevel'] | null): PdfCell =>
    l ? { text: local(l.name, lang), fill: l.colour, bold: true } : '-';
  const blocks: PdfBlock[] = [
    {
      type: 'section',
      title: t(lang, 'Heat map', 'Heat map'),
      blocks: [
        {
          type: 'text',
          muted: true,
          text: t(
            lang,
            'Aantal risico’s per cel van de risicomatrix van het bestuur, eerst inherent (voor maatregelen), dan rest (na maatregelen).',
            'Number of risks per cell of the organisation’s risk matrix, first inherent (before measures), then residual (after measures).',
          ),
        },
        { type: 'text', bold: true, text: t(lang, 'Inherent risico', 'Inherent risk') },
        heatMap(matrix, input.inherent, lang),
        { type: 'text', bold: true, text: t(lang, 'Restrisico', 'Residual risk') },
        heatMap(matrix, input.residual, lang),
      ],
    },
    {
      type: 'section',
      title: t(lang, 'Risico’s', 'Risks'),
      blocks: input.risks.length
        ? [
            {
              type: 'table',
              fontSize: 7,
              columns: [
                { header: t(lang, 'Nr.', 'No.'), width: 28 },
                { header: t(lang, 'Risico', 'Risk'), width: 130 },
                {
                  header: `${qualityLetter.c[lang]}/${qualityLetter.i[lang]}/${qualityLetter.a[lang]}`,
                  width: 28,
                },
                { header: t(lang, 'Inherent', 'Inherent'), width: 80 },
                { header: t(lang, 'Behandeling en maatregelen', 'Treatment and measures') },
                { header: t(lang, 'Rest', 'Residual'), width: 80 },
                { header: t(lang, 'Eigenaar', 'Owner'), width: 70 },
                { header: t(lang, 'Aanvaarding', 'Acceptance'), width: 90 },
                { header: t(lang, 'Herziening', 'Review'), width: 60 },
              ],
              rows: input.risks.map((r, i) => [
                riskNumber(i),
                [
                  r.title,
                  [local(r.processName, lang), local(r.assetName, lang)].filter(Boolean).join(' / '),
                  r.threatName ? `${t(lang, 'Dreiging', 'Threat')}: ${local(r.threatName, lang)}` : '',
                ]
                  .filter(Boolean)
                  .join('\n'),
                r.qualities.map((q) => qualityLetter[q][lang]).join(', '),
                {
                  ...(levelCell(r.inherentLevel) as object),
                  text: `${local(r.inherentLevel.name, lang)}\n${t(lang, 'W', 'L')}${r.likelihood} × I${r.impact}`,
                } as PdfCell,
                [
                  r.treatment ? treatmentLabel[r.treatment][lang] : '-',
                  ...r.measures.map((m) => `${m.code} ${local(m.title, lang)}`),
                ].join('\n'),
                r.residualLevel
                  ? ({
                      ...(levelCell(r.residualLevel) as object),
                      text: `${local(r.residualLevel.name, lang)}\n${t(lang, 'W', 'L')}${r.residualLikelihood} × I${r.residualImpact}`,
                    } as PdfCell)
                  : '-',
                r.ownerName ?? '-',
                r.acceptance
                  ? `${r.acceptance.by ?? '-'}, ${formatDate(r.acceptance.at, lang)}\n${t(lang, 'tot', 'until')} ${day(r.acceptance.until, lang)}`
                  : '-',
                r.reviewDate ? day(r.reviewDate, lang) : '-',
              ]),
            },
          ]
        : [{ type: 'text', text: t(lang, 'Er zijn nog geen risico’s geregistreerd.', 'No risks recorded yet.') }],
    },
  ];
  return renderPdf({
    title: reportTitle.risks[lang],
    subtitle: `${input.risks.length} ${t(lang, input.risks.length === 1 ? 'risico' : 'risico’s', input.risks.length === 1 ? 'risk' : 'risks')}`,
    bestuur: input.bestuur,
    lang,
    generatedAt: input.generatedAt,
    landscape: true,
    blocks,
  });
}
