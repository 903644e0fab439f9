import type { RequirementCompliance } from '@baken/contracts';
import { Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import { OverrideSection } from './OverrideSection';
import { KeyMeasureBadge } from './RequirementsTable';
import { ResultBadge } from './ResultBadge';

interface Props {
  bestuurId: string;
  frameworkId: string;
  requirement: RequirementCompliance | null;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}

/** One requirement: its result and why, the measures that give it, and the override. */
export function RequirementDrawer({ bestuurId, frameworkId, requirement: r, canEdit, onReload, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Drawer
      opened={r !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={r ? `${r.id} · ${inLang(r.title, lang)}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {r && (
        <Stack gap="lg">
          <section aria-labelledby="requirement-result">
            <Title order={2} size="h4" id="requirement-result" mb="xs">
              {t('compliance.drawer.result')}
            </Title>
            <Group gap="xs" mb="xs">
              <ResultBadge result={r.result} />
              {r.override && (
                <Text size="sm">
                  {t('compliance.drawer.derivedBeside')} <ResultBadge result={r.derived} />
                </Text>
              )}
              {r.keyMeasure && <KeyMeasureBadge level={r.keyMeasure} />}
            </Group>
            <Text>{inLang(r.explanation, lang)}</Text>
            {r.levels.length > 0 && (
              <Text size="sm" mt="xs">
                {t('compliance.drawer.levels', {
                  levels: r.levels.map((l) => t(`compliance.levels.${l}`, { defaultValue: l })).join(', '),
                })}
              </Text>
            )}
          </section>
          <section aria-labelledby="requirement-measures">
            <Title order={2} size="h4" id="requirement-measures" mb="xs">
              {t('compliance.drawer.measures')}
            </Title>
            <Contributions bestuurId={bestuurId} requirement={r} />
          </section>
          <section aria-labelledby="requirement-override">
            <Title order={2} size="h4" id="requirement-override" mb="xs">
              {t('compliance.override.title')}
            </Title>
            <OverrideSection
              // A saved or reloaded override gives a new version: the form starts again from it.
              key={`${r.id}-${r.override?.version ?? 0}`}
              bestuurId={bestuurId}
              frameworkId={frameworkId}
              requirement={r}
              canEdit={canEdit}
              onReload={onReload}
            />
          </section>
        </Stack>
      )}
    </Drawer>
  );
}

function Contributions({ bestuurId, requirement: r }: { bestuurId: string; requirement: RequirementCompliance }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  if (r.contributions.length === 0) return <Text size="sm">{t('compliance.drawer.noMeasures')}</Text>;
  return (
    <>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('compliance.drawer.measuresCaption', { id: r.id })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compliance.drawer.measure')}</Table.Th>
            <Table.Th scope="col">{t('compliance.drawer.status')}</Table.Th>
            <Table.Th scope="col">{t('compliance.drawer.relationship')}</Table.Th>
            <Table.Th scope="col">{t('compliance.drawer.gives')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.contributions.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Th scope="row" fw={400}>
                <AnchorLink to="/b/$bestuurId/maatregelen" params={{ bestuurId }} search={{ q: c.code }} fw={600}>
                  {c.code}
                </AnchorLink>{' '}
                {inLang(c.title, lang)}
              </Table.Th>
              <Table.Td>{t(`compliance.statuses.${c.status}`)}</Table.Td>
              <Table.Td>
                {t(`compliance.relationships.${c.relationship}`)}
                {c.capped && (
                  <Text size="xs" fs="italic">
                    {t('compliance.drawer.capped')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ResultBadge result={c.result} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('compliance.drawer.rule')}
      </Text>
    </>
  );
}
