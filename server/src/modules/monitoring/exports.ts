import type {
  BestuurKind,
  ContinuityStatus,
  Lang,
  MeasureRanking,
  MonitoringOverview,
  OverviewQuery,
  SizeClass,
  VulnerabilityFactor,
  VulnerabilityReason,
  VulnerableList,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { type PdfBlock, formatDate, isoDay, renderPdf } from '../../platform/pdf.js';
import { loadExcel } from '../../platform/xlsx.js';
import { score, yesNo } from '../reports/labels.js';
import { overview, ranking, vulnerable } from './answers.js';
import { sectorTrend } from './monitoring.service.js';

/** The overview as a workbook and the steering group's report as a PDF (issue 5, point 7). */

type Words = Record<Lang, string>;
const w = (nl: string, en: string): Words => ({ nl, en });

export const kindLabel: Record<BestuurKind, Words> = {
  gemeente: w('Gemeente', 'Municipality'),
  stad: w('Stad', 'City'),
  ocmw: w('OCMW', 'Public social welfare centre'),
  politiezone: w('Politiezone', 'Police zone'),
  hulpverleningszone: w('Hulpverleningszone', 'Fire and rescue zone'),
  intergemeentelijk_samenwerkingsverband: w('Intergemeentelijk samenwerkingsverband', 'Intermunicipal partnership'),
  provincie: w('Provincie', 'Province'),
  andere: w('Andere', 'Other'),
};
export const sizeLabel: Record<SizeClass, Words> = {
  'tot-10k': w('tot 10.000 inwoners', 'under 10,000 inhabitants'),
  '10k-25k': w('10.000 – 25.000', '10,000 – 25,000'),
  '25k-50k': w('25.000 – 50.000', '25,000 – 50,000'),
  '50k-100k': w('50.000 – 100.000', '50,000 – 100,000'),
  '100k-plus': w('100.000 of meer', '100,000 or more'),
};
export const continuityLabel: Record<ContinuityStatus, Words> = {
  geen: w('Niet gestart', 'Not started'),
  gestart: w('Zelfevaluatie', 'Self-evaluation'),
  bia: w('Impactanalyse (BIA)', 'Impact analysis (BIA)'),
  plan: w('Plan in opmaak', 'Plan in progress'),
  goedgekeurd: w('Plan goedgekeurd', 'Plan approved'),
};
const factorLabel: Record<VulnerabilityFactor, Words> = {
  maturity: w('Lage maturiteit (CyFun Basis)', 'Low maturity (CyFun Basic)'),
  continuity: w('Geen goedgekeurd continuïteitsplan', 'No approved continuity plan'),
  highClass: w('Veel informatie in hoge klassen', 'Much information in high classes'),
  inactivity: w('Geen recente activiteit', 'No recent activity'),
  highRisks: w("Hoge risico's open", 'High risks open'),
  overdue: w('Maatregelen over tijd', 'Overdue measures'),
};

/** The facts behind a reason, short (the screens say them in sentences). */
function factOf(r: VulnerabilityReason, lang: Lang): string {
  switch (r.factor) {
    case 'maturity':
      return r.readinessScore === null ? w('nog geen score', 'no score yet')[lang] : pct(r.readinessScore, lang);
    case 'continuity':
      return continuityLabel[r.continuity][lang].toLowerCase();
    case 'highClass':
      return w(`${r.assetsHigh} van ${r.assets} assets`, `${r.assetsHigh} of ${r.assets} assets`)[lang];
    case 'inactivity':
      return r.daysInactive === null
        ? w('nooit actief', 'never active')[lang]
        : w(`${r.daysInactive} dagen`, `${r.daysInactive} days`)[lang];
    case 'highRisks':
      return String(r.risksHigh);
    case 'overdue':
      return w(`${r.measuresOverdue} van ${r.measuresRequired}`, `${r.measuresOverdue} of ${r.measuresRequired}`)[lang];
  }
}

const title = {
  overview: w('Monitoring lokale besturen', 'Monitoring of local governments'),
  steering: w('Rapport voor de stuurgroep', 'Report for the steering group'),
  region: w('Alle lokale besturen', 'All local governments'),
};

const pct = (v: number | null, lang: Lang) => (v === null ? '-' : `${score(v, lang)} %`);

function filterText(q: OverviewQuery, lang: Lang) {
  const parts = [
    q.kind ? kindLabel[q.kind][lang] : null,
    q.province ?? null,
    q.size ? sizeLabel[q.size][lang] : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : w('geen (alle besturen)', 'none (all)')[lang];
}

/** The overview of every bestuur of the filter, one row each, with the sector totals on a sheet of its own. */
export async function overviewWorkbook(db: Kysely<DB>, ctx: Ctx, q: OverviewQuery, lang: Lang) {
  const o = MonitoringOverviewOf(await overview(db, ctx, q));
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  const frameworks = [...new Set(o.items.flatMap((i) => Object.keys(i.compliance)))].sort();
  const headers = [
    w('Bestuur', 'Organisation'),
    w('Soort', 'Kind'),
    w('Provincie', 'Province'),
    w('Inwoners', 'Population'),
    w('Grootteklasse', 'Size class'),
    w('CyFun Basis bereikt', 'CyFun Basic reached'),
    w('Score CyFun Basis (%)', 'CyFun Basic score (%)'),
    w('Totaal zelfevaluatie (0–5)', 'Self-assessment total (0–5)'),
    w('Vereiste maatregelen', 'Required measures'),
    w('Geïmplementeerd', 'Implemented'),
    w('Geïmplementeerd (%)', 'Implemented (%)'),
    w('Over tijd', 'Overdue'),
    w("Open risico's", 'Open risks'),
    w("Hoge risico's", 'High risks'),
    w('Informatie-items', 'Assets'),
    w('In hoge klassen', 'In high classes'),
    w('Continuïteit', 'Continuity'),
    w('Kwetsbaarheid (0–100)', 'Vulnerability (0–100)'),
    w('Laatste activiteit', 'Last activity'),
    ...frameworks.map((f) => w(`Conformiteit ${f} (%)`, `Compliance ${f} (%)`)),
  ].map((h) => h[lang]);
  const sheet = wb.addWorksheet(w('Besturen', 'Organisations')[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const i of o.items) {
    sheet.addRow([
      i.name,
      kindLabel[i.kind][lang],
      i.province,
      i.population,
      sizeLabel[i.sizeClass][lang],
      yesNo(i.readinessPassed, lang),
      i.readinessScore,
      i.cyfunTotal,
      i.measuresRequired,
      i.measuresImplemented,
      i.implementedShare,
      i.measuresOverdue,
      i.risksOpen,
      i.risksHigh,
      i.assets,
      i.assetsHigh,
      continuityLabel[i.continuity][lang],
      i.vulnerability,
      i.lastActivity ? new Date(i.lastActivity) : null,
      ...frameworks.map((f) => i.compliance[f] ?? null),
    ]);
  }
  sheet.columns.forEach((c, k) => {
    c.width = k === 0 ? 40 : 16;
  });
  sheet.getColumn(19).numFmt = 'dd/mm/yyyy';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  const totals = wb.addWorksheet(w('Sector', 'Sector')[lang]);
  const t = o.totals;
  const facts: [Words, string | number | null][] = [
    [w('Titel', 'Title'), title.overview[lang]],
    [w('Opgemaakt op', 'Generated on'), formatDate(new Date(), lang)],
    [w('Cijfers berekend tot', 'Figures computed up to'), o.computedAt ? formatDate(o.computedAt, lang) : '-'],
    [w('Filter', 'Filter'), filterText(q, lang)],
    [w('Besturen', 'Organisations'), t.besturen],
    [w('CyFun Basis bereikt', 'CyFun Basic reached'), t.readinessPassed],
    [w('Mediaan score CyFun Basis (%)', 'Median CyFun Basic score (%)'), t.medianReadiness],
    [w('Mediaan geïmplementeerd (%)', 'Median implemented (%)'), t.medianImplementedShare],
    [w("Hoge risico's (som)", 'High risks (sum)'), t.risksHigh],
    [w('Maatregelen over tijd (som)', 'Overdue measures (sum)'), t.measuresOverdue],
    [w('Zonder activiteit in 6 maanden', 'No activity in 6 months'), t.inactive],
    ...(Object.keys(continuityLabel) as ContinuityStatus[]).map(
      (s) =>
        [w(`Continuïteit: ${continuityLabel[s].nl}`, `Continuity: ${continuityLabel[s].en}`), t.continuity[s]] as [
          Words,
          number,
        ],
    ),
  ];
  for (const [label, value] of facts) totals.addRow([label[lang], value]);
  totals.getColumn(1).width = 44;
  totals.getColumn(1).font = { bold: true };
  totals.getColumn(2).width = 30;
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    fileName: `${w('monitoring', 'monitoring')[lang]}-${isoDay()}.xlsx`,
  };
}

// The service answers JSON text (passed on as it is by the routes); the exports read it.
const MonitoringOverviewOf = (body: string) => JSON.parse(body) as MonitoringOverview;

/** For the steering group: the sector in figures and charts, the trend, the most vulnerable, the measures to invest in. */
export async function steeringReport(db: Kysely<DB>, ctx: Ctx, q: OverviewQuery, lang: Lang) {
  const o = MonitoringOverviewOf(await overview(db, ctx, q));
  const vul = JSON.parse(await vulnerable(db, ctx, { ...q, limit: 15 })) as VulnerableList;
  const rank = JSON.parse(await ranking(db, ctx, { ...q, sort: 'impact', limit: 15 })) as MeasureRanking;
  const trend = await sectorTrend(db, ctx, q);
  const t = o.totals;
  const histogram = (h: MonitoringOverview['distributions']['readiness']): PdfBlock => ({
    type: 'bars',
    max: Math.max(1, ...h.map((b) => b.count)),
    items: h.map((b) => ({ label: `${b.from}–${b.to} %`, value: b.count })),
  });
  const blocks: PdfBlock[] = [
    {
      type: 'facts',
      items: [
        [w('Filter', 'Filter')[lang], filterText(q, lang)],
        [
          w('Cijfers berekend tot', 'Figures computed up to')[lang],
          o.computedAt ? formatDate(o.computedAt, lang) : '-',
        ],
        [w('Besturen', 'Organisations')[lang], String(t.besturen)],
        [w('CyFun Basis bereikt', 'CyFun Basic reached')[lang], `${t.readinessPassed} / ${t.besturen}`],
        [w('Mediaan score CyFun Basis', 'Median CyFun Basic score')[lang], pct(t.medianReadiness, lang)],
        [
          w('Mediaan geïmplementeerde maatregelen', 'Median implemented measures')[lang],
          pct(t.medianImplementedShare, lang),
        ],
        [w("Hoge risico's open", 'High risks open')[lang], String(t.risksHigh)],
        [w('Zonder activiteit in 6 maanden', 'No activity in 6 months')[lang], String(t.inactive)],
      ],
    },
    {
      type: 'section',
      title: w('Score CyFun Basis: spreiding', 'CyFun Basic score: distribution')[lang],
      blocks: [
        {
          type: 'text',
          text: w('Aantal besturen per scoreband.', 'Number of organisations per score band.')[lang],
          muted: true,
        },
        histogram(o.distributions.readiness),
      ],
    },
    {
      type: 'section',
      title: w('Geïmplementeerde maatregelen: spreiding', 'Implemented measures: distribution')[lang],
      blocks: [histogram(o.distributions.implementedShare)],
    },
    {
      type: 'section',
      title: w('Bedrijfscontinuïteit', 'Business continuity')[lang],
      blocks: [
        {
          type: 'bars',
          max: Math.max(1, ...Object.values(t.continuity)),
          items: (Object.keys(continuityLabel) as ContinuityStatus[]).map((s) => ({
            label: continuityLabel[s][lang],
            value: t.continuity[s],
          })),
        },
      ],
    },
    {
      type: 'section',
      title: w('Evolutie per maand', 'Trend per month')[lang],
      blocks: trend.points.length
        ? [
            {
              type: 'bars',
              max: Math.max(1, ...trend.points.map((p) => p.besturen)),
              items: trend.points.map((p) => ({ label: p.month, value: p.readinessPassed })),
            },
            {
              type: 'table',
              columns: [
                { header: w('Maand', 'Month')[lang], width: 'auto' },
                { header: w('Besturen', 'Organisations')[lang], align: 'right' },
                { header: w('CyFun Basis bereikt', 'CyFun Basic reached')[lang], align: 'right' },
                { header: w('Mediaan score', 'Median score')[lang], align: 'right' },
                { header: w('Mediaan geïmplementeerd', 'Median implemented')[lang], align: 'right' },
                { header: w('Plan goedgekeurd', 'Plan approved')[lang], align: 'right' },
              ],
              rows: trend.points.map((p) => [
                p.month,
                p.besturen,
                p.readinessPassed,
                pct(p.medianReadiness, lang),
                pct(p.medianImplementedShare, lang),
                p.continuityApproved,
              ]),
            },
          ]
        : [{ type: 'text', text: w('Nog geen maandelijkse momentopnames.', 'No monthly snapshots yet.')[lang] }],
    },
    {
      type: 'section',
      title: w('Meest kwetsbare besturen', 'Most vulnerable organisations')[lang],
      blocks: [
        {
          type: 'table',
          columns: [
            { header: w('Bestuur', 'Organisation')[lang] },
            { header: w('Score', 'Score')[lang], width: 'auto', align: 'right' },
            { header: w('Redenen (punten)', 'Reasons (points)')[lang] },
          ],
          rows: vul.items.map((v) => [
            v.name,
            score(v.vulnerability, lang),
            v.reasons
              .map((r) => `${factorLabel[r.factor][lang]}: ${factOf(r, lang)} (+${score(r.points, lang)})`)
              .join('; '),
          ]),
        },
      ],
    },
    {
      type: 'section',
      title: w('Maatregelen met de grootste impact', 'Measures with the largest impact')[lang],
      blocks: [
        {
          type: 'text',
          text: w(
            'Impact: het gewicht dat de sector zou afbouwen als elk bestuur dat de maatregel mist, ze invoert (docs/monitoring.md).',
            'Impact: the weight the sector would shed if every organisation missing the measure implemented it (docs/monitoring.md).',
          )[lang],
          muted: true,
        },
        {
          type: 'table',
          columns: [
            { header: w('Code', 'Code')[lang], width: 'auto' },
            { header: w('Maatregel', 'Measure')[lang] },
            { header: w('Nodig bij', 'Needed by')[lang], width: 'auto', align: 'right' },
            { header: w('Ontbreekt bij', 'Missing at')[lang], width: 'auto', align: 'right' },
            { header: w('Impact', 'Impact')[lang], width: 'auto', align: 'right' },
          ],
          rows: rank.items.map((m) => [m.code, m.title[lang], m.needed, m.missing, score(m.impact, lang)]),
        },
      ],
    },
  ];
  const body = await renderPdf({
    title: title.steering[lang],
    subtitle: title.overview[lang],
    bestuur: title.region[lang],
    lang,
    blocks,
  });
  return { body, fileName: `${w('stuurgroep-monitoring', 'steering-group-monitoring')[lang]}-${isoDay()}.pdf` };
}
