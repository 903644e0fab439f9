import type { BestuurProcess, FrameworkSummary } from '@baken/contracts';
import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMeasure } from '../catalog/api';
import { byFramework, classRule, inLang, type Lang, requirementRef, shortFramework } from '../catalog/format';
import { useRequiredMeasure } from './api';
import { reasonText } from './reasons';

interface Props {
  bestuurId: string;
  code: string;
  frameworks: FrameworkSummary[];
  processes: BestuurProcess[];
  domainName: (id: string) => string;
}

/** Why a measure is required: every reason (with the process of each asset), its guidance and what it serves. */
export function RequiredMeasureWhy({ bestuurId, code, frameworks, processes, domainName }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const required = useRequiredMeasure(bestuurId, code);
  const measure = useMeasure(code);
  const m = required.data;
  const detail = measure.data;
  const processOf = new Map(processes.flatMap((p) => p.assets.map((a) => [a.id, p] as const)));
  const edition = (id: string) => frameworks.find((f) => f.id === id)?.edition;
  const label = (s: NonNullable<typeof detail>['serves'][number]) =>
    `${shortFramework({ kind: s.frameworkKind, name: s.frameworkName, edition: edition(s.frameworkId) }, t, lang)} ${requirementRef(s.frameworkKind, s.nodeId)}`;

  // `framework:requirement` as the catalogue cites it ("NIS2 21(2)(i)").
  const servesRef = (ref: string) => {
    const at = ref.indexOf(':');
    const f = frameworks.find((x) => x.id === ref.slice(0, at));
    return f ? `${shortFramework(f, t, lang)} ${requirementRef(f.kind, ref.slice(at + 1))}` : ref;
  };

  return (
    <>
      {/* The catalogue's side (guidance, titles of what it serves) is extra: without it the reasons still show. */}
      <ErrorAlert error={required.error} />
      {(required.isPending || (measure.isPending && !measure.error)) && <Loader aria-label={t('common.loading')} />}
      {m && (
        <Stack gap="md">
          {detail && (
            <Group gap="xs">
              <Badge color="blue.9">{domainName(detail.domain)}</Badge>
              <Badge variant="outline" color="blue.9">
                {t('catalog.applies')}: {classRule(detail.applies, t, lang)}
              </Badge>
            </Group>
          )}
          <section aria-labelledby="required-why">
            <Title order={2} size="h4" id="required-why" mb="xs">
              {t('processes.measures.whyTitle')}
            </Title>
            {m.reasons.some((r) => r.kind === 'class') && (
              <Text size="sm" mb="xs">
                {t('processes.measures.reasonSummary', {
                  reasons: t('processes.measures.reasonCount', { count: m.reasonCount }),
                  assets: t('processes.measures.assetCount', { count: m.assetCount }),
                })}
              </Text>
            )}
            <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
              {m.reasons.map((r) => {
                if (r.kind === 'baseline') return <li key="baseline">{t('processes.measures.baselineLong')}</li>;
                const p = processOf.get(r.assetId);
                return (
                  <li key={`${r.assetId}-${r.dimension}`}>
                    {reasonText(r, t, lang)}
                    {p && (
                      <>
                        {' · '}
                        <AnchorLink
                          to="/b/$bestuurId/processen/$processId"
                          params={{ bestuurId, processId: p.id }}
                          size="sm"
                        >
                          {inLang(p.name, lang)}
                        </AnchorLink>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
          {detail && (
            <section aria-labelledby="required-guidance">
              <Title order={2} size="h4" id="required-guidance" mb="xs">
                {t('catalog.guidance')}
              </Title>
              <Text>{inLang(detail.guidance, lang)}</Text>
            </section>
          )}
          <section aria-labelledby="required-serves">
            <Title order={2} size="h4" id="required-serves" mb="xs">
              {t('catalog.serves')}
            </Title>
            {!detail ? (
              <Text size="sm">
                {m.serves.length === 0
                  ? t('catalog.servesNone')
                  : t('catalog.servesSummary', { list: m.serves.map(servesRef).join(' · ') })}
              </Text>
            ) : detail.serves.length === 0 ? (
              <Text>{t('catalog.servesNone')}</Text>
            ) : (
              <>
                <Text size="sm" mb="sm">
                  {t('catalog.servesSummary', { list: detail.serves.map(label).join(' · ') })}
                </Text>
                {byFramework(detail.serves).map((group) => (
                  <div key={group[0].frameworkId}>
                    <Title order={3} size="h5" mt="sm" mb={4}>
                      {inLang(group[0].frameworkName, lang)}
                    </Title>
                    <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                      {group.map((s) => (
                        <li key={s.nodeId}>
                          <Text span fw={600}>
                            {label(s)}
                          </Text>{' '}
                          {inLang(s.nodeTitle, lang)}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
