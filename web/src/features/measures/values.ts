import type { MeasureStatus, MeasureTrackingUpdate, TrackedMeasure } from '@baken/contracts';

export interface TrackingValues {
  status: MeasureStatus;
  ownerId: string | null;
  dueDate: string;
  reviewDate: string;
  documentation: number | null;
  implementation: number | null;
  naReason: string;
}

export const valuesOf = (m: TrackedMeasure): TrackingValues => ({
  status: m.status,
  ownerId: m.ownerId,
  dueDate: m.dueDate ?? '',
  reviewDate: m.reviewDate ?? '',
  documentation: m.documentation,
  implementation: m.implementation,
  naReason: m.naReason ?? '',
});

/** The whole form as the request: keeping mine after a conflict saves every field as the form has it. */
export function bodyOf(v: TrackingValues, version: number): MeasureTrackingUpdate {
  return {
    version,
    status: v.status,
    ownerId: v.ownerId,
    dueDate: v.dueDate || null,
    reviewDate: v.reviewDate || null,
    documentation: v.documentation,
    implementation: v.implementation,
    ...(v.status === 'niet-van-toepassing' ? { naReason: v.naReason.trim() } : {}),
  };
}

export const doneStatuses: MeasureStatus[] = ['geimplementeerd', 'niet-van-toepassing'];

/** Which of the two dates has passed: the review date, or the due date of a measure not yet done. */
export function passed(m: Pick<TrackedMeasure, 'status' | 'dueDate' | 'reviewDate'>, today: string) {
  return {
    due: m.dueDate !== null && m.dueDate < today && !doneStatuses.includes(m.status),
    review: m.reviewDate !== null && m.reviewDate < today,
  };
}
