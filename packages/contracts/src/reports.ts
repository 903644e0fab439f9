import { z } from 'zod';
import { BestuurParams } from './common.js';

/** Reports (issue 4, point 6): Dutch by default, English with lang=en or Accept-Language. */
export const ReportLang = z.enum(['nl', 'en']);
export const ReportQuery = z.object({ lang: ReportLang.optional() });
/** The statement of applicability of a framework; CyFun at a level (Basic by default). */
export const ApplicabilityReportParams = BestuurParams.extend({ frameworkId: z.string().min(1).max(64) });
export const ApplicabilityReportQuery = ReportQuery.extend({
  level: z.enum(['basic', 'important', 'essential']).optional(),
});
