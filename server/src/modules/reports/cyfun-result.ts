import type { CyfunResult, Lang } from '@baken/contracts';
import { type PdfBlock, type PdfCell, formatDate, renderPdf } from '../../platform/pdf.js';
import { type CyfunLevel, thresholds } from '../cyfun/scoring.js';
import { levelLabel, reportTitle, score } from './labels.js';

/** The result of a CyberFundamentals self-assessment as a PDF. Pure: the cyfun module scored it. */

export interface CyfunReportInput {
  bestuur: string;
  lang: Lang;
  generatedAt: Date;
  assessment: {
    title: string;
    edition: string;
    level: CyfunLevel;
    naRules: Record<CyfunLevel, { max: number; score: number }>;
    createdBy: string | null;
    updatedAt: string;
    answered: number;
    requirements: number;
    result: CyfunResult;
    rows: {
      id: string;
      title: { nl: string; en: string };
      category: string;
      categoryTitle: { nl: string; en: string };
    }[];
  };
  /** The titles of the functions (ID, PR, …) of the edition. */
  functions: Map<string, { nl: string; en: string }>;
}

const t = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);
const functionOf = (category: string) => category.split('.')[0] ?? category;
type Failure = CyfunResult['failures'][number];

function failureText(f: Failure, lang: Lang) {
  const v = score(f.value, lang);
  switch (f.criterion) {
    case 'total':
      return t(lang, `Totaal ${v}`, `Total ${v}`);
    case 'keyMeasure':
    case 'category':
      return t(lang, `${f.id} heeft ${v}`, `${f.id} has ${v}`);
    case 'notApplicableNotAllowed':
      return f.reason === 'managementAspect'
        ? t(
            lang,
            `${f.id} is een managementaspect en mag niet ‘niet van toepassing’ zijn`,
            `${f.id} is a management aspect and cannot be ‘not applicable’`,
          )
        : t(
            lang,
            `${f.id} is een sleutelmaatregel en mag niet ‘niet van toepassing’ zijn`,
            `${f.id} is a key measure and cannot be ‘not applicable’`,
          );
    case 'notApplicableCount':
      return t(
        lang,
        `${f.value} niet van toepassing, hoogstens ${f.threshold}: ${(f.ids ?? []).join(', ')}`,
        `${f.value} not applicable, at most ${f.threshold}: ${(f.ids ?? []).join(', ')}`,
      );
  }
}

function outcome(a: CyfunReportInput['assessment'], lang: Lang) {
  const level = levelLabel[a.level][lang];
  if (a.result.passed === null) return t(lang, 'Onvolledig', 'Incomplete');
  return a.result.passed
    ? t(lang, `Geslaagd voor ${level}`, `Passed ${level}`)
    : t(lang, `Niet geslaagd voor ${level}`, `Not passed for ${level}`);
}

function criteria(a: CyfunReportInput['assessment'], lang: Lang): PdfBlock {
  const th = thresholds[a.level];
  const rule = a.naRules[a.level];
  const of = (...c: Failure['criterion'][]) => a.result.failures.filter((f) => c.includes(f.criterion));
  const rows: [string, string, Failure[]][] = [
    [
      t(lang, 'Sleutelmaatregelen', 'Key measures'),
      t(
        lang,
        `Elke sleutelmaatregel minstens ${score(th.keyMeasure, lang)} (gemiddelde van documentatie en implementatie)`,
        `Every key measure at least ${score(th.keyMeasure, lang)} (mean of documentation and implementation)`,
      ),
      of('keyMeasure'),
    ],
    [
      t(lang, 'Categorieën', 'Categories'),
      th.category === null
        ? t(lang, 'Geen drempel per categorie op dit niveau', 'No threshold per category at this level')
        : t(
            lang,
            `Elke categorie minstens ${score(th.category, lang)}`,
            `Every category at least ${score(th.category, lang)}`,
          ),
      of('category'),
    ],
    [
      t(lang, 'Totale maturiteit', 'Total maturity'),
      t(lang, `Minstens ${score(th.total, lang)}`, `At least ${score(th.total, lang)}`),
      of('total'),
    ],
    [
      t(lang, 'Niet van toepassing', 'Not applicable'),
      t(
        lang,
        `Hoogstens ${rule.max} keer n.v.t., elk telt als ${score(rule.score, lang)}; nooit voor sleutelmaatregelen of managementaspecten`,
        `At most ${rule.max} times n/a, each counting as ${score(rule.score, lang)}; never for key measures or management aspects`,
      ),
      of('notApplicableCount', 'notApplicableNotAllowed'),
    ],
  ];
  return {
    type: 'table',
    columns: [
      { header: t(lang, 'Criterium', 'Criterion'), width: 90 },
      { header: t(lang, 'Regel', 'Rule') },
      { header: t(lang, 'Uitkomst', 'Outcome'), width: 70 },
      { header: t(lang, 'Wat faalt', 'What fails'), width: 170 },
    ],
    rows: rows.map(([name, text, failures]) => [
      { text: name, bold: true },
      text,
      failures.length
        ? { text: t(lang, 'Niet voldaan', 'Not met'), fill: '#ffc9c9', bold: true }
        : { text: t(lang, 'Voldaan', 'Met'), fill: '#b2f2bb', bold: true },
      failures.length ? failures.map((f) => failureText(f, lang)).join('\n') : '-',
    ]),
  };
}

function perFunction(input: CyfunReportInput): PdfBlock[] {
  const { lang, assessment: a } = input;
  const th = thresholds[a.level];
  const line = th.category ?? th.total;
  const titles = new Map(a.rows.map((r) => [r.category, r.categoryTitle]));
  const byFunction = new Map<string, [string, CyfunResult['categories'][string]][]>();
  for (const [id, d] of Object.entries(a.result.categories))
    byFunction.set(functionOf(id), [...(byFunction.get(functionOf(id)) ?? []), [id, d]]);
  return [...byFunction].map(([f, cats]) => ({
    type: 'section' as const,
    title: `${f} ${input.functions.get(f)?.[lang] ?? ''}`.trim(),
    blocks: [
      {
        type: 'bars' as const,
        max: 5,
        items: cats.map(([id, d]) => ({
          label: id,
          value: d.maturity,
          colour: d.maturity < line ? '#c92a2a' : '#1c5a8a',
        })),
        threshold: {
          value: line,
          label: t(
            lang,
            `drempel ${score(line, lang)} (schaal 0 tot 5)`,
            `threshold ${score(line, lang)} (scale 0 to 5)`,
          ),
        },
      },
      {
        type: 'table' as const,
        columns: [
          { header: t(lang, 'Categorie', 'Category'), width: 50 },
          { header: t(lang, 'Titel', 'Title') },
          { header: t(lang, 'Documentatie', 'Documentation'), width: 70, align: 'right' as const },
          { header: t(lang, 'Implementatie', 'Implementation'), width: 70, align: 'right' as const },
          { header: t(lang, 'Maturiteit', 'Maturity'), width: 60, align: 'right' as const },
        ],
        rows: cats.map(([id, d]) => [
          id,
          titles.get(id)?.[lang] ?? '',
          score(d.documentation, lang),
          score(d.implementation, lang),
          { text: score(d.maturity, lang), bold: true },
        ]),
      },
    ],
  }));
}

function keyMeasures(input: CyfunReportInput): PdfBlock {
  const { lang, assessment: a } = input;
  const th = thresholds[a.level].keyMeasure;
  const titles = new Map(a.rows.map((r) => [r.id, r.title]));
  const entries = Object.entries(a.result.keyMeasures);
  if (!entries.length)
    return { type: 'text', text: t(lang, 'Geen sleutelmaatregelen gescoord.', 'No key measures scored.') };
  return {
    type: 'table',
    columns: [
      { header: t(lang, 'Vereiste', 'Requirement'), width: 70 },
      { header: t(lang, 'Titel', 'Title') },
      { header: t(lang, 'Score', 'Score'), width: 50, align: 'right' },
      { header: t(lang, 'Drempel', 'Threshold'), width: 50, align: 'right' },
      { header: t(lang, 'Uitkomst', 'Outcome'), width: 70 },
    ],
    rows: entries.map(([id, v]): PdfCell[] => [
      id,
      titles.get(id)?.[lang] ?? '',
      score(v, lang),
      score(th, lang),
      v >= th
        ? { text: t(lang, 'Voldaan', 'Met'), fill: '#b2f2bb' }
        : { text: t(lang, 'Niet voldaan', 'Not met'), fill: '#ffc9c9' },
    ]),
  };
}

export function cyfunPdf(input: CyfunReportInput): Promise<Buffer> {
  const { lang, assessment: a } = input;
  const summary: PdfBlock = {
    type: 'facts',
    items: [
      [t(lang, 'Zelfevaluatie', 'Self-assessment'), a.title],
      [t(lang, 'Editie', 'Edition'), a.edition],
      [t(lang, 'Niveau', 'Level'), levelLabel[a.level][lang]],
      [t(lang, 'Opgesteld door', 'Created by'), a.createdBy ?? '-'],
      [t(lang, 'Laatst gewijzigd', 'Last changed'), formatDate(a.updatedAt, lang)],
      [t(lang, 'Beantwoord', 'Answered'), `${a.answered} / ${a.requirements}`],
      [t(lang, 'Totale maturiteit', 'Total maturity'), score(a.result.total, lang)],
      [t(lang, 'Uitkomst', 'Outcome'), outcome(a, lang)],
    ],
  };
  const blocks: PdfBlock[] = [{ type: 'section', title: t(lang, 'Samenvatting', 'Summary'), blocks: [summary] }];
  if (!a.result.complete) {
    blocks.push({
      type: 'section',
      title: t(lang, 'Nog niet volledig', 'Not complete yet'),
      blocks: [
        {
          type: 'text',
          text: t(
            lang,
            `${a.result.missing.length} vereisten hebben nog geen antwoord. Het resultaat volgt als elke vereiste een score heeft of niet van toepassing is:`,
            `${a.result.missing.length} requirements have no answer yet. The result follows once every requirement has a score or is not applicable:`,
          ),
        },
        { type: 'text', text: a.result.missing.join(', ') },
      ],
    });
  } else {
    blocks.push(
      {
        type: 'section',
        title: t(lang, 'Criteria van het niveau', 'Criteria of the level'),
        blocks: [criteria(a, lang)],
      },
      { type: 'section', title: t(lang, 'Sleutelmaatregelen', 'Key measures'), blocks: [keyMeasures(input)] },
      {
        type: 'section',
        title: t(lang, 'Maturiteit per functie en categorie', 'Maturity per function and category'),
        blocks: perFunction(input),
      },
    );
  }
  return renderPdf({
    title: reportTitle.cyfun[lang],
    subtitle: `${a.title} - ${t(lang, 'editie', 'edition')} ${a.edition}, ${t(lang, 'niveau', 'level')} ${levelLabel[a.level][lang]}`,
    bestuur: input.bestuur,
    lang,
    generatedAt: input.generatedAt,
    blocks,
  });
}
