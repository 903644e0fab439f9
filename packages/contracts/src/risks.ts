import { z } from 'zod';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Timestamp } from './common.js';

const Label = z.object({ nl: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) });
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour like #d9480f');

/**
 * A bestuur's risk matrix: 3 to 5 steps of likelihood and of impact, with labels, the risk
 * levels (lowest first) with a name and colour, and per cell the level it gives
 * (grid[likelihood - 1][impact - 1] = index into levels).
 */
export const RiskMatrix = z
  .object({
    likelihood: z.array(Label).min(3).max(5),
    impact: z.array(Label).min(3).max(5),
    levels: z
      .array(z.object({ id: z.string().regex(/^[a-z-]+$/), name: Label, colour: Colour }))
      .min(2)
      .max(6),
    grid: z.array(z.array(z.number().int().min(0).max(5))),
  })
  .superRefine((m, ctx) => {
    if (m.grid.length !== m.likelihood.length || m.grid.some((row) => row.length !== m.impact.length))
      ctx.addIssue({ code: 'custom', path: ['grid'], message: 'risk_grid_size' });
    if (m.grid.some((row) => row.some((v) => v >= m.levels.length)))
      ctx.addIssue({ code: 'custom', path: ['grid'], message: 'risk_grid_level' });
  });
export type RiskMatrix = z.infer<typeof RiskMatrix>;
export const RiskMatrixState = z.object({ matrix: RiskMatrix, version: z.number().int().min(0) });
export const RiskMatrixUpdate = z.object({ version: z.number().int().min(0), matrix: RiskMatrix });

export const treatments = ['verminderen', 'aanvaarden', 'overdragen', 'vermijden'] as const;
export const Treatment = z.enum(treatments);
export const Quality = z.enum(['c', 'i', 'a']);
const Step = z.number().int().min(1).max(5);
const DateOnly = z.iso.date();

export const RiskLevel = z.object({ id: z.string(), name: LocalText, colour: z.string() });

export const Risk = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  threatId: z.string().nullable(),
  threatName: LocalText.nullable(),
  processId: Id.nullable(),
  processName: LocalText.nullable(),
  assetId: Id.nullable(),
  assetName: LocalText.nullable(),
  qualities: z.array(Quality),
  likelihood: Step,
  impact: Step,
  inherentLevel: RiskLevel,
  treatment: Treatment.nullable(),
  residualLikelihood: Step.nullable(),
  residualImpact: Step.nullable(),
  residualLevel: RiskLevel.nullable(),
  measures: z.array(z.object({ code: z.string(), title: LocalText })),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  acceptance: z.object({ by: z.string().nullable(), at: Timestamp, until: DateOnly }).nullable(),
  reviewDate: DateOnly.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Risk = z.infer<typeof Risk>;
export const RiskList = z.object({ items: z.array(Risk) });
export const RiskParams = BestuurParams.extend({ riskId: Id });

const RiskFields = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000).nullable(),
  threatId: z.string().max(100).nullable(),
  processId: Id.nullable(),
  assetId: Id.nullable(),
  qualities: z.array(Quality).min(1).max(3),
  likelihood: Step,
  impact: Step,
  treatment: Treatment.nullable(),
  residualLikelihood: Step.nullable(),
  residualImpact: Step.nullable(),
  measureCodes: z.array(z.string().min(1).max(16)).max(50),
  ownerId: Id.nullable(),
  /** With the treatment aanvaarden: accept the risk formally until this date (needs risks.accept). */
  acceptUntil: DateOnly.nullable(),
  reviewDate: DateOnly.nullable(),
});
export const NewRisk = RiskFields.partial().required({ title: true, qualities: true, likelihood: true, impact: true });
export const RiskUpdate = RiskFields.partial().extend({ version: z.number().int().min(1) });
export const RiskDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const HeatMap = z.object({
  matrix: RiskMatrix,
  /** counts[likelihood - 1][impact - 1] */
  inherent: z.array(z.array(z.number().int())),
  residual: z.array(z.array(z.number().int())),
});

/** A typical risk of an adopted generic process that the register does not hold yet. */
export const RiskProposal = z.object({
  processId: Id,
  processName: LocalText,
  title: LocalText,
  /** The process's highest class on the impact scale of the matrix. */
  impact: Step,
  qualities: z.array(Quality),
});
export const RiskProposalList = z.object({ items: z.array(RiskProposal) });

export const Threat = z.object({
  id: z.string(),
  category: z.string(),
  name: LocalText,
  description: LocalText,
  affects: z.array(Quality),
  measures: z.array(z.string()),
});
export const ThreatList = z.object({ items: z.array(Threat) });
