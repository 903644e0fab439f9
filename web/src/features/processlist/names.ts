import type { ListSnapshot } from '@baken/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFrameworks, useSecurityDomains } from '../catalog/api';
import type { Lang } from '../catalog/format';
import type { Names } from './format';

/** The names a diff or a version needs, from a snapshot (domains, kinds) and the catalogue. */
export function useNames(snapshot: ListSnapshot | undefined): Names {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const securityDomains = useSecurityDomains().data;
  const frameworks = useFrameworks().data;
  return useMemo(
    () => ({
      t,
      lang,
      processDomains: snapshot?.processDomains ?? [],
      applicationKinds: snapshot?.applicationKinds ?? [],
      securityDomains: securityDomains ?? [],
      frameworks: frameworks ?? [],
    }),
    [t, lang, snapshot, securityDomains, frameworks],
  );
}
