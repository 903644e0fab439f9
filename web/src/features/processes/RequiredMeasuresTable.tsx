import type { RequiredMeasure } from '@baken/contracts';
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { reasonText } from './reasons';

interface Props {
  measures: RequiredMeasure[];
  domainOf: (code: string) => string;
  onOpen: (code: string) => void;
}

export function RequiredMeasuresTable({ measures, domainOf, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('processes.measures.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalog.code')}</Table.Th>
            <Table.Th scope="col">{t('catalog.measureTitle')}</Table.Th>
            <Table.Th scope="col">{t('processes.measures.securityDomain')}</Table.Th>
            <Table.Th scope="col">{t('processes.measures.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((m) => {
            const more = m.reasonCount - m.reasons.length;
            return (
              <Table.Tr key={m.code}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    onClick={() => onOpen(m.code)}
                    aria-label={t('processes.measures.open', { code: m.code })}
                  >
                    {m.code}
                  </Anchor>
                </Table.Td>
                <Table.Th scope="row" fw={500}>
                  {inLang(m.title, lang)}
                </Table.Th>
                <Table.Td>{domainOf(m.code)}</Table.Td>
                <Table.Td>
                  <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
                    {m.reasons.map((r) => (
                      <li key={r.kind === 'baseline' ? 'baseline' : `${r.assetId}-${r.dimension}`}>
                        {reasonText(r, t, lang)}
                      </li>
                    ))}
                  </ul>
                  {more > 0 && (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onOpen(m.code)}
                      aria-label={t('processes.measures.moreLabel', { count: more, code: m.code })}
                    >
                      {t('processes.measures.more', { count: more })}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
