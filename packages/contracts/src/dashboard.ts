import { z } from 'zod';
import { LocalText } from './catalog.js';
import { FrameworkCompliance } from './compliance.js';
import { CyfunFailure, CyfunLevel } from './cyfun.js';
import { RiskLevel } from './risks.js';

/** The bestuur's dashboard (issue 4, point 5): everything in one answer. */
export const Dashboard = z.object({
  compliance: z.array(FrameworkCompliance),
  readiness: z.object({
    /** The regional target: CyFun Basic. */
    target: CyfunLevel,
    /** 'assessment': from the newest complete self-assessment at the target level; 'measures': from the register. */
    basis: z.enum(['assessment', 'measures']),
    assessmentId: z.string().nullable(),
    total: z.number().nullable(),
    passed: z.boolean(),
    /** What blocks it: failing criteria of the assessment, or requirements not yet compliant. */
    failures: z.array(CyfunFailure),
    blockingRequirements: z.array(
      z.object({ id: z.string(), title: LocalText, keyMeasure: z.boolean(), result: z.string() }),
    ),
  }),
  measures: z.object({
    required: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    overdue: z.array(
      z.object({
        code: z.string(),
        title: LocalText,
        status: z.string(),
        dueDate: z.string().nullable(),
        reviewDate: z.string().nullable(),
        ownerName: z.string().nullable(),
      }),
    ),
  }),
  topRisks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      level: RiskLevel,
      residualLevel: RiskLevel.nullable(),
      treatment: z.string().nullable(),
    }),
  ),
  /** Per month (YYYY-MM): measures implemented by then, from the audit trail. */
  progress: z.array(z.object({ month: z.string(), implemented: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;
