import type { MeasureSummary } from '@baken/contracts';
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { classRule, inLang, type Lang } from './format';

interface Props {
  measures: MeasureSummary[];
  domainName: (id: string) => string;
  onOpen: (code: string) => void;
}

export function MeasuresTable({ measures, domainName, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('catalog.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalog.code')}</Table.Th>
            <Table.Th scope="col">{t('catalog.measureTitle')}</Table.Th>
            <Table.Th scope="col">{t('catalog.domain')}</Table.Th>
            <Table.Th scope="col">{t('catalog.type')}</Table.Th>
            <Table.Th scope="col">{t('catalog.applies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((m) => (
            <Table.Tr key={m.code}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  onClick={() => onOpen(m.code)}
                  aria-label={t('catalog.open', { code: m.code })}
                >
                  {m.code}
                </Anchor>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {inLang(m.title, lang)}
              </Table.Th>
              <Table.Td>{domainName(m.domain)}</Table.Td>
              <Table.Td>{t(`catalog.types.${m.type}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{classRule(m.applies, t, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
