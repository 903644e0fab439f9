import { type ImpactArea, type TimePoint, timePointHours, timePoints } from '@baken/contracts';
import { ApiError } from '../../api/client';
import type { TFunction } from 'i18next';

/** The MTPD as the server computes it: the first time point at which any area reaches the unacceptable level. */
export function mtpdOf(impacts: Partial<Record<ImpactArea, number[]>>, unacceptableLevel: number): TimePoint | null {
  const rows = Object.values(impacts).filter((r): r is number[] => Array.isArray(r));
  const i = timePoints.findIndex((_, t) => rows.some((row) => (row[t] ?? 0) >= unacceptableLevel));
  return i < 0 ? null : timePoints[i];
}

export const isCritical = (mtpd: TimePoint | null, threshold: TimePoint) =>
  mtpd !== null && timePointHours[mtpd] <= timePointHours[threshold];

/** A rating changed at one time point: the later ones rise with it and the earlier ones fall with it, as time only makes an outage worse. */
export function setRating(row: number[], index: number, value: number): number[] {
  return row.map((v, i) => (i < index ? Math.min(v, value) : i > index ? Math.max(v, value) : value));
}

/** Hours as people say them: "4 uur", "3 dagen", "2 weken". */
export function hoursLabel(h: number | null | undefined, t: TFunction): string {
  if (h === null || h === undefined) return t('continuity.common.none');
  if (h % 168 === 0) return t('continuity.common.weeks', { count: h / 168 });
  if (h % 24 === 0) return t('continuity.common.days', { count: h / 24 });
  return t('continuity.common.hours', { count: h });
}

export const timePointLabel = (tp: TimePoint | null, t: TFunction) =>
  tp === null ? t('continuity.bia.noMtpd') : t(`continuity.timePoints.${tp}`);

export const formatDate = (iso: string | null | undefined, lang: string) =>
  iso
    ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-BE')
    : '';

export const formatDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short' });

/** A 409 that the conflict dialog handles; other errors show as an alert. */
export const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'VERSION_CONFLICT';

/** Spread on a Mantine `component="form"`: the server validates, so the browser's own checks stay out of the way. */
export const noValidate = { noValidate: true } as Record<string, unknown>;
