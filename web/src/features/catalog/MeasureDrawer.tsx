import type { FrameworkSummary, MeasureDetail } from '@baken/contracts';
import { Badge, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMeasure } from './api';
import { byFramework, classRule, inLang, type Lang, requirementRef, shortFramework } from './format';

interface Props {
  code: string | null;
  frameworks: FrameworkSummary[];
  domainName: (id: string) => string;
  onClose: () => void;
}

/** One measure: its rule, guidance and every framework requirement it serves. */
export function MeasureDrawer({ code, frameworks, domainName, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const measure = useMeasure(code);
  const m = measure.data;
  return (
    <Drawer
      opened={code !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={m ? `${m.code} · ${inLang(m.title, lang)}` : (code ?? '')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <ErrorAlert error={measure.error} />
      {measure.isPending && code !== null && <Loader aria-label={t('common.loading')} />}
      {m && <MeasureBody measure={m} frameworks={frameworks} domainName={domainName} lang={lang} />}
    </Drawer>
  );
}

function MeasureBody({
  measure: m,
  frameworks,
  domainName,
  lang,
}: {
  measure: MeasureDetail;
  frameworks: FrameworkSummary[];
  domainName: (id: string) => string;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const edition = (id: string) => frameworks.find((f) => f.id === id)?.edition;
  const label = (s: MeasureDetail['serves'][number]) =>
    shortFramework({ kind: s.frameworkKind, name: s.frameworkName, edition: edition(s.frameworkId) }, t, lang);
  const conditions = (Object.keys(m.conditions) as (keyof typeof m.conditions)[]).filter((c) => m.conditions[c]);
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color="blue.9">{domainName(m.domain)}</Badge>
        <Badge color="gray.8">{t(`catalog.types.${m.type}`)}</Badge>
        <Badge variant="outline" color="blue.9">
          {t('catalog.applies')}: {classRule(m.applies, t, lang)}
        </Badge>
        {conditions.map((c) => (
          <Badge key={c} variant="outline" color="grape.9">
            {t(`catalog.conditionNames.${c}`)}
          </Badge>
        ))}
      </Group>
      <section aria-labelledby="measure-guidance">
        <Title order={2} size="h4" id="measure-guidance" mb="xs">
          {t('catalog.guidance')}
        </Title>
        <Text>{inLang(m.guidance, lang)}</Text>
      </section>
      <section aria-labelledby="measure-serves">
        <Title order={2} size="h4" id="measure-serves" mb="xs">
          {t('catalog.serves')}
        </Title>
        {m.serves.length === 0 ? (
          <Text>{t('catalog.servesNone')}</Text>
        ) : (
          <>
            <Text size="sm" mb="sm">
              {t('catalog.servesSummary', {
                list: m.serves.map((s) => `${label(s)} ${requirementRef(s.frameworkKind, s.nodeId)}`).join(' · '),
              })}
            </Text>
            {byFramework(m.serves).map((group) => (
              <div key={group[0].frameworkId}>
                <Title order={3} size="h5" mt="sm" mb={4}>
                  {inLang(group[0].frameworkName, lang)}
                </Title>
                <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                  {group.map((s) => (
                    <li key={s.nodeId}>
                      <Text span fw={600}>
                        {label(s)} {requirementRef(s.frameworkKind, s.nodeId)}
                      </Text>{' '}
                      {inLang(s.nodeTitle, lang)}{' '}
                      <Text span size="sm">
                        {t('catalog.relationshipLabel', { relationship: t(`catalog.relationships.${s.relationship}`) })}
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>
    </Stack>
  );
}
