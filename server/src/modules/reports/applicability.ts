import type { FrameworkCompliance, Lang, RequirementCompliance } from '@baken/contracts';
import { type PdfBlock, formatDate, renderPdf } from '../../platform/pdf.js';
import { loadExcel } from '../../platform/xlsx.js';
import { levelLabel, reportTitle, resultLabel, statusLabel, yesNo } from './labels.js';

/**
 * The statement of applicability of one framework: per requirement whether it applies and why,
 * its result and why, the measures behind it and any result set by hand. Pure: the compliance
 * module computed everything; this only writes it down.
 */

export interface ApplicabilityInput {
  bestuur: string;
  lang: Lang;
  generatedAt: Date;
  framework: FrameworkCompliance & { requirements: RequirementCompliance[] };
  /** Why the bestuur marked a measure "niet van toepassing", by measure code. */
  naReasons: Map<string, string | null>;
}

export interface ApplicabilityRow {
  id: string;
  title: string;
  keyMeasure: boolean;
  applicable: boolean;
  applicableReason: string;
  result: string;
  reason: string;
  measures: string;
  override: string;
}

const t = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);

function applicability(r: RequirementCompliance, input: ApplicabilityInput) {
  const { lang } = input;
  const level = input.framework.level as keyof typeof levelLabel | null;
  if (r.result === 'not-applicable') {
    if (r.override) return { applicable: false, reason: r.override.reason };
    const why = r.contributions
      .filter((c) => c.status === 'niet-van-toepassing')
      .map((c) => {
        const reason = input.naReasons.get(c.code);
        return (
          t(lang, `maatregel ${c.code} is niet van toepassing`, `measure ${c.code} does not apply`) +
          (reason ? `: ${reason}` : '')
        );
      });
    return { applicable: false, reason: why.join('; ') };
  }
  const required = level
    ? t(lang, `Vereist op niveau ${levelLabel[level].nl}`, `Required at level ${levelLabel[level].en}`)
    : t(lang, 'Vereiste van het raamwerk', 'Requirement of the framework');
  const codes = r.contributions.map((c) => c.code);
  const covered = codes.length
    ? t(lang, `gedekt door ${codes.join(', ')}`, `covered by ${codes.join(', ')}`)
    : t(lang, 'nog geen maatregel van het bestuur', 'no measure of the organisation yet');
  return { applicable: true, reason: `${required}; ${covered}` };
}

export function applicabilityRows(input: ApplicabilityInput): ApplicabilityRow[] {
  const { lang } = input;
  return input.framework.requirements.map((r) => {
    const a = applicability(r, input);
    return {
      id: r.id,
      title: r.title[lang],
      keyMeasure: r.keyMeasure !== null,
      applicable: a.applicable,
      applicableReason: a.reason,
      result: resultLabel[r.result][lang],
      reason: r.explanation[lang],
      measures: r.contributions.map((c) => `${c.code} ${c.title[lang]} (${statusLabel[c.status][lang]})`).join('\n'),
      override: r.override
        ? `${resultLabel[r.override.result][lang]}: ${r.override.reason} (${[
            r.override.by,
            formatDate(r.override.at, lang),
          ]
            .filter(Boolean)
            .join(', ')})`
        : '',
    };
  });
}

/** Label and value pairs of the front page: who, what, when, and the totals. */
function front(input: ApplicabilityInput, rows: ApplicabilityRow[]): [string, string | number][] {
  const { lang, framework: f } = input;
  const c = f.counts;
  return [
    [t(lang, 'Bestuur', 'Organisation'), input.bestuur],
    [t(lang, 'Raamwerk', 'Framework'), f.name[lang]],
    ...(f.level
      ? [[t(lang, 'Niveau', 'Level'), levelLabel[f.level as keyof typeof levelLabel][lang]] as [string, string]]
      : []),
    [t(lang, 'Datum', 'Date'), formatDate(input.generatedAt, lang)],
    [t(lang, 'Vereisten', 'Requirements'), rows.length],
    [t(lang, 'Van toepassing', 'Applicable'), rows.filter((r) => r.applicable).length],
    [t(lang, 'Niet van toepassing', 'Not applicable'), rows.filter((r) => !r.applicable).length],
    [resultLabel.compliant[lang], c.compliant],
    [resultLabel['partially-compliant'][lang], c['partially-compliant']],
    [resultLabel['non-compliant'][lang], c['non-compliant']],
    [resultLabel['not-assessed'][lang], c['not-assessed']],
    [t(lang, 'Score (%)', 'Score (%)'), f.score ?? '-'],
  ];
}

const headers = (lang: Lang, cyfun: boolean) => [
  t(lang, 'Id', 'Id'),
  t(lang, 'Titel', 'Title'),
  ...(cyfun ? [t(lang, 'Sleutelmaatregel', 'Key measure')] : []),
  t(lang, 'Van toepassing', 'Applicable'),
  t(lang, 'Reden van toepasselijkheid', 'Reason for applicability'),
  t(lang, 'Resultaat', 'Result'),
  t(lang, 'Reden van het resultaat', 'Reason for the result'),
  t(lang, 'Maatregelen en status', 'Measures and status'),
  t(lang, 'Handmatig vastgesteld', 'Set by hand'),
];

export async function applicabilityWorkbook(input: ApplicabilityInput): Promise<Buffer> {
  const { lang } = input;
  const rows = applicabilityRows(input);
  const cyfun = input.framework.level !== null;
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  wb.created = input.generatedAt;
  const cover = wb.addWorksheet(t(lang, 'Voorblad', 'Cover'));
  cover.addRow([reportTitle.applicability[lang]]).font = { bold: true, size: 14 };
  cover.addRow([]);
  for (const [label, value] of front(input, rows)) cover.addRow([label, value]).getCell(1).font = { bold: true };
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 60;

  const ws = wb.addWorksheet(t(lang, 'Vereisten', 'Requirements'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [14, 48, ...(cyfun ? [16] : []), 14, 48, 20, 60, 60, 48];
  ws.columns = headers(lang, cyfun).map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([
      r.id,
      r.title,
      ...(cyfun ? [yesNo(r.keyMeasure, lang)] : []),
      yesNo(r.applicable, lang),
      r.applicableReason,
      r.result,
      r.reason,
      r.measures,
      r.override,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function applicabilityPdf(input: ApplicabilityInput): Promise<Buffer> {
  const { lang, framework: f } = input;
  const rows = applicabilityRows(input);
  const cyfun = f.level !== null;
  const [, ...facts] = front(input, rows);
  const blocks: PdfBlock[] = [
    {
      type: 'section',
      title: t(lang, 'Samenvatting', 'Summary'),
      blocks: [{ type: 'facts', items: facts.map(([k, v]) => [k, String(v)]) }],
    },
    {
      type: 'section',
      title: t(lang, 'Vereisten', 'Requirements'),
      blocks: [
        {
          type: 'table',
          fontSize: 7,
          columns: [
            { header: t(lang, 'Id', 'Id'), width: 52 },
            { header: t(lang, 'Titel', 'Title'), width: 120 },
            { header: t(lang, 'Van toepassing', 'Applicable'), width: 120 },
            { header: t(lang, 'Resultaat', 'Result'), width: 150 },
            { header: t(lang, 'Maatregelen en status', 'Measures and status') },
            { header: t(lang, 'Handmatig vastgesteld', 'Set by hand'), width: 90 },
          ],
          rows: rows.map((r) => [
            cyfun && r.keyMeasure ? `${r.id}\n(${t(lang, 'sleutelmaatregel', 'key measure')})` : r.id,
            r.title,
            `${yesNo(r.applicable, lang)}: ${r.applicableReason}`,
            { text: `${r.result}\n${r.reason}` },
            r.measures || '-',
            r.override || '-',
          ]),
        },
      ],
    },
  ];
  const level = f.level
    ? ` - ${t(lang, 'niveau', 'level')} ${levelLabel[f.level as keyof typeof levelLabel][lang]}`
    : '';
  return renderPdf({
    title: reportTitle.applicability[lang],
    subtitle: `${f.name[lang]}${level}`,
    bestuur: input.bestuur,
    lang,
    generatedAt: input.generatedAt,
    landscape: true,
    blocks,
  });
}
