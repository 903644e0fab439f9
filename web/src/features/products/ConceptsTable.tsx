import type { IpdcConcept } from '@baken/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { conceptName, targetGroupLabels, themeLabels, typeLabel } from './format';

/** IPDC concepts as a table: name (and identifier), type, themes and target groups. */
export function ConceptsTable({ concepts, caption }: { concepts: IpdcConcept[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('products.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('products.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('products.columns.themes')}</Table.Th>
            <Table.Th scope="col">{t('products.columns.targetGroups')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {concepts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text fw={500}>{conceptName(c, lang)}</Text>
                {c.description && (
                  <Text size="sm" lineClamp={2}>
                    {c.description}
                  </Text>
                )}
                <Text size="xs" style={{ wordBreak: 'break-all' }}>
                  {c.id}
                </Text>
              </Table.Td>
              <Table.Td>{typeLabel(t, c.productType)}</Table.Td>
              <Table.Td>{themeLabels(t, c.themes)}</Table.Td>
              <Table.Td>{targetGroupLabels(t, c.targetGroups)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
