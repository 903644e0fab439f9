import { currentLanguage, downloadUrl } from '../../api/client';

/** Where the reports of a bestuur are downloaded, in the language of the screen. */
export type ReportFormat = 'xlsx' | 'pdf';
const base = (bestuurId: string) => `/besturen/${bestuurId}/reports`;

export const applicabilityUrl = (bestuurId: string, frameworkId: string, format: ReportFormat, level?: string | null) =>
  downloadUrl(`${base(bestuurId)}/statement-of-applicability/${encodeURIComponent(frameworkId)}/${format}`, {
    level: level ?? undefined,
    lang: currentLanguage(),
  });

export const riskRegisterUrl = (bestuurId: string, format: ReportFormat) =>
  downloadUrl(`${base(bestuurId)}/risk-register/${format}`, { lang: currentLanguage() });

export const cyfunResultUrl = (bestuurId: string, assessmentId: string) =>
  downloadUrl(`${base(bestuurId)}/cyfun-result/${assessmentId}/pdf`, { lang: currentLanguage() });
