import type { RequirementReason } from '@baken/contracts';
import type { TFunction } from 'i18next';
import { inLang, type Lang } from '../catalog/format';

/** Why a measure is required, as people say it: "Aanvraagdossier reispas — V4 ≥ V3", or "basismaatregel". */
export function reasonText(r: RequirementReason, t: TFunction, lang: Lang): string {
  if (r.kind === 'baseline') return t('processes.measures.baseline');
  const dim = t(`catalog.dimensions.${r.dimension}`);
  return t('processes.measures.classReason', {
    asset: inLang(r.assetName, lang),
    actual: `${dim}${r.assetClass}`,
    threshold: `${dim}${r.fromClass}`,
  });
}
