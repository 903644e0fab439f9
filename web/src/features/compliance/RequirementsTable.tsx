import type { RequirementCompliance } from '@baken/contracts';
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { ResultBadge } from './ResultBadge';

interface Props {
  requirements: RequirementCompliance[];
  onOpen: (id: string) => void;
}

export function KeyMeasureBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="blue.9" radius="sm" style={{ textTransform: 'none' }}>
      {t('compliance.keyMeasure', { level: t(`compliance.levels.${level}`, { defaultValue: level }) })}
    </Badge>
  );
}

/** The requirements with their result and why; the id opens the measures behind it and the override. */
export function RequirementsTable({ requirements, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('compliance.detail.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compliance.detail.requirement')}</Table.Th>
            <Table.Th scope="col">{t('compliance.detail.requirementTitle')}</Table.Th>
            <Table.Th scope="col">{t('compliance.detail.result')}</Table.Th>
            <Table.Th scope="col">{t('compliance.detail.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requirements.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  onClick={() => onOpen(r.id)}
                  aria-label={t('compliance.detail.open', { id: r.id })}
                >
                  {r.id}
                </Anchor>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                <Stack gap={4} align="flex-start">
                  <span>{inLang(r.title, lang)}</span>
                  {r.keyMeasure && <KeyMeasureBadge level={r.keyMeasure} />}
                </Stack>
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <ResultBadge result={r.result} />
                  {r.override && (
                    <Text size="xs" fs="italic">
                      {t('compliance.detail.byHand')}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{inLang(r.explanation, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
