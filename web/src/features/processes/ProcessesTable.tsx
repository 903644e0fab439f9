import type { BestuurProcess } from '@baken/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { AnchorLink } from '../../components/links';
import { ClassBadges } from './ClassBadges';

interface Props {
  bestuurId: string;
  processes: BestuurProcess[];
  label: (id: string) => string;
}

export function ProcessesTable({ bestuurId, processes, label }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('processes.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('processes.name')}</Table.Th>
            <Table.Th scope="col">{t('processes.domain')}</Table.Th>
            <Table.Th scope="col">{t('processes.class')}</Table.Th>
            <Table.Th scope="col">{t('processes.assetCount')}</Table.Th>
            <Table.Th scope="col">{t('processes.origin')}</Table.Th>
            <Table.Th scope="col">{t('processes.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {processes.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/b/$bestuurId/processen/$processId" params={{ bestuurId, processId: p.id }}>
                  {inLang(p.name, lang)}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{label(p.domain)}</Table.Td>
              <Table.Td>
                <ClassBadges value={p.class} />
              </Table.Td>
              <Table.Td>{p.assets.length}</Table.Td>
              <Table.Td>{p.templateId === null ? t('processes.own') : t('processes.template')}</Table.Td>
              <Table.Td>
                {p.applicable ? (
                  t('processes.applicable')
                ) : (
                  <>
                    <Badge color="gray.8" variant="filled">
                      {t('processes.notApplicable')}
                    </Badge>
                    {p.notApplicableReason && (
                      <Text size="sm" mt={4}>
                        {p.notApplicableReason}
                      </Text>
                    )}
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
