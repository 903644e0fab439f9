import type { ComplianceResult, Lang, MeasureStatus, Risk } from '@baken/contracts';

/** The words of the reports, Dutch first; the same as the screens use. */

type Words = Record<Lang, string>;
const w = (nl: string, en: string): Words => ({ nl, en });

export const resultLabel: Record<ComplianceResult, Words> = {
  compliant: w('Conform', 'Compliant'),
  'partially-compliant': w('Gedeeltelijk conform', 'Partially compliant'),
  'non-compliant': w('Niet conform', 'Non-compliant'),
  'not-assessed': w('Niet beoordeeld', 'Not assessed'),
  'not-applicable': w('Niet van toepassing', 'Not applicable'),
};

export const statusLabel: Record<MeasureStatus, Words> = {
  'niet-gestart': w('niet gestart', 'not started'),
  gepland: w('gepland', 'planned'),
  'in-uitvoering': w('in uitvoering', 'in progress'),
  geimplementeerd: w('geïmplementeerd', 'implemented'),
  'niet-van-toepassing': w('niet van toepassing', 'not applicable'),
};

export const levelLabel: Record<'basic' | 'important' | 'essential', Words> = {
  basic: w('Basis', 'Basic'),
  important: w('Belangrijk', 'Important'),
  essential: w('Essentieel', 'Essential'),
};

export const treatmentLabel: Record<NonNullable<Risk['treatment']>, Words> = {
  verminderen: w('Verminderen', 'Reduce'),
  aanvaarden: w('Aanvaarden', 'Accept'),
  overdragen: w('Overdragen', 'Transfer'),
  vermijden: w('Vermijden', 'Avoid'),
};

/** V, I, B in Dutch (vertrouwelijkheid, integriteit, beschikbaarheid); C, I, A in English. */
export const qualityLetter: Record<'c' | 'i' | 'a', Words> = { c: w('V', 'C'), i: w('I', 'I'), a: w('B', 'A') };

export const yesNo = (b: boolean, lang: Lang) => (b ? w('ja', 'yes') : w('nee', 'no'))[lang];

/** 2,5 in Dutch, 2.5 in English. */
export const score = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined
    ? '-'
    : v.toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

export const reportTitle = {
  applicability: w('Verklaring van toepasselijkheid', 'Statement of applicability'),
  risks: w('Risicoregister', 'Risk register'),
  cyfun: w('Resultaat CyberFundamentals-zelfevaluatie', 'CyberFundamentals self-assessment result'),
};

/** The start of a report's file name. */
export const fileWord = {
  applicability: w('verklaring-van-toepasselijkheid', 'statement-of-applicability'),
  risks: w('risicoregister', 'risk-register'),
  cyfun: w('cyberfundamentals-resultaat', 'cyberfundamentals-result'),
};
