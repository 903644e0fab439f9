import type { ComplianceResult, Contribution, MeasureStatus } from '@baken/contracts';

/** What a measure's status says about a requirement it fully covers. */
const byStatus: Record<MeasureStatus, ComplianceResult> = {
  geimplementeerd: 'compliant',
  'in-uitvoering': 'partially-compliant',
  gepland: 'non-compliant',
  'niet-gestart': 'non-compliant',
  'niet-van-toepassing': 'not-applicable',
};

/** Equal and superset mappings pass the result through; subset and intersect give at most partial. */
export function contribution(status: MeasureStatus, relationship: Contribution['relationship']) {
  const full = byStatus[status];
  const capped = (relationship === 'subset' || relationship === 'intersect') && full === 'compliant';
  return { result: capped ? ('partially-compliant' as const) : full, capped };
}

/**
 * A requirement's result from its measures' contributions: not assessed without measures of
 * the bestuur; not applicable when all of them are; otherwise the best result any gives
 * (one compliant measure that covers it fully is enough).
 */
export function derive(contributions: Pick<Contribution, 'result'>[]): ComplianceResult {
  if (contributions.length === 0) return 'not-assessed';
  const counted = contributions.filter((c) => c.result !== 'not-applicable');
  if (counted.length === 0) return 'not-applicable';
  if (counted.some((c) => c.result === 'compliant')) return 'compliant';
  if (counted.some((c) => c.result === 'partially-compliant')) return 'partially-compliant';
  return 'non-compliant';
}

const resultWords: Record<ComplianceResult, { nl: string; en: string }> = {
  compliant: { nl: 'conform', en: 'compliant' },
  'partially-compliant': { nl: 'gedeeltelijk conform', en: 'partially compliant' },
  'non-compliant': { nl: 'niet conform', en: 'non-compliant' },
  'not-assessed': { nl: 'niet beoordeeld', en: 'not assessed' },
  'not-applicable': { nl: 'niet van toepassing', en: 'not applicable' },
};
const statusWords: Record<MeasureStatus, { nl: string; en: string }> = {
  geimplementeerd: { nl: 'geïmplementeerd is', en: 'is implemented' },
  'in-uitvoering': { nl: 'in uitvoering is', en: 'is in progress' },
  gepland: { nl: 'gepland is', en: 'is planned' },
  'niet-gestart': { nl: 'niet gestart is', en: 'has not started' },
  'niet-van-toepassing': { nl: 'niet van toepassing is', en: 'does not apply' },
};

/** "gedeeltelijk conform, omdat maatregel TB-03 in uitvoering is", from the contributions that decide. */
export function explain(result: ComplianceResult, contributions: Contribution[], override: boolean) {
  const head = resultWords[result];
  if (override) return { nl: `${head.nl} (handmatig vastgesteld)`, en: `${head.en} (set by hand)` };
  if (contributions.length === 0)
    return {
      nl: `${head.nl}: geen maatregel van dit bestuur dekt deze vereiste`,
      en: `${head.en}: no measure of this organisation covers this requirement`,
    };
  const deciding = contributions.filter((c) => c.result === result);
  const why = (deciding.length ? deciding : contributions).slice(0, 3);
  const part = (lang: 'nl' | 'en') =>
    why
      .map((c) =>
        lang === 'nl'
          ? `maatregel ${c.code} ${statusWords[c.status].nl}${c.capped ? ' maar de vereiste slechts deels dekt' : ''}`
          : `measure ${c.code} ${statusWords[c.status].en}${c.capped ? ' but covers the requirement only in part' : ''}`,
      )
      .join(lang === 'nl' ? ' en ' : ' and ');
  return { nl: `${head.nl}, omdat ${part('nl')}`, en: `${head.en}, because ${part('en')}` };
}
