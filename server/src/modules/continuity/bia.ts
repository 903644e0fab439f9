import { type ImpactArea, type TimePoint, impactAreas, timePointHours, timePoints } from '@baken/contracts';
import type { ContinuityContent } from './content.js';

/**
 * The rules of the business impact analysis, without a database: the MTPD, whether a
 * process is critical, the proposal from an availability class and the recovery order.
 */
export type Impacts = Record<ImpactArea, number[]>;

export interface Settings {
  unacceptableLevel: number;
  criticalThreshold: TimePoint;
}

/** The first time point at which any impact area reaches the unacceptable level; null if none within a month. */
export function mtpdOf(impacts: Partial<Impacts>, unacceptableLevel: number): TimePoint | null {
  for (let i = 0; i < timePoints.length; i++)
    if (impactAreas.some((a) => (impacts[a]?.[i] ?? 0) >= unacceptableLevel)) return timePoints[i];
  return null;
}

export const hoursOf = (t: TimePoint | null) => (t ? timePointHours[t] : null);

export const isCritical = (mtpd: TimePoint | null, s: Settings) =>
  mtpd !== null && timePointHours[mtpd] <= timePointHours[s.criticalThreshold];

export const highestImpact = (impacts: Partial<Impacts>) =>
  Math.max(0, ...impactAreas.flatMap((a) => impacts[a] ?? []));

/** Every area present, zeros where the source has nothing. */
export const fullImpacts = (source: Partial<Record<string, number[]>>): Impacts =>
  Object.fromEntries(impactAreas.map((a) => [a, timePoints.map((_, i) => source[a]?.[i] ?? 0)])) as Impacts;

/** The proposal for a process without an analysis, from the highest availability class of its assets. */
export function proposalFor(availabilityClass: number | null, content: ContinuityContent) {
  const profile = content.defaults.profiles.find((p) => p.availability === (availabilityClass ?? 1));
  return {
    impacts: fullImpacts(profile?.impacts ?? {}),
    rtoHours: profile?.rtoHours ?? null,
    rpoHours: profile?.rpoHours ?? null,
  };
}

export interface RecoveryInput {
  applicationId: string;
  name: string;
  /** The RTOs of the critical processes that depend on it (null: none set). */
  criticalRtos: (number | null)[];
  dependents: number;
}

/**
 * The order in which applications are recovered: only those a critical process needs; the
 * application whose most urgent dependent process has the smallest RTO first, then the one
 * more processes need, then by name. An application without any RTO among its critical
 * processes goes last among them.
 */
export function recoveryOrder(apps: RecoveryInput[]): Map<string, number> {
  const needed = apps
    .filter((a) => a.criticalRtos.length > 0)
    .map((a) => {
      const known = a.criticalRtos.filter((x): x is number => x !== null);
      return { ...a, required: known.length ? Math.min(...known) : Number.POSITIVE_INFINITY };
    })
    .sort((x, y) => x.required - y.required || y.dependents - x.dependents || x.name.localeCompare(y.name, 'nl'));
  return new Map(needed.map((a, i) => [a.applicationId, i + 1]));
}
