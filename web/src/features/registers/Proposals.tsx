import type { ApplicationProposal } from '@baken/contracts';
import { Alert, Button, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inLang, type Lang } from '../catalog/format';
import { useProposals } from './api';

/** Application kinds the adopted processes use that no registered application has yet. */
export function Proposals({
  bestuurId,
  onRegister,
}: {
  bestuurId: string;
  onRegister: (p: ApplicationProposal) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const proposals = useProposals(bestuurId);
  if (proposals.isPending) return <Loader aria-label={t('common.loading')} />;
  if (proposals.error) return <ErrorAlert error={proposals.error} />;
  if (proposals.data.length === 0) return <Alert color="blue">{t('registers.proposals.empty')}</Alert>;
  return (
    <>
      <Text size="sm" mb="sm">
        {t('registers.proposals.intro')}
      </Text>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('registers.applications.kind')}</Table.Th>
            <Table.Th scope="col">{t('registers.proposals.usedBy')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.data.map((p) => (
            <Table.Tr key={p.kind}>
              <Table.Th scope="row" fw={500}>
                {inLang(p.name, lang)}
              </Table.Th>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {p.processes.map((x) => inLang(x.name, lang)).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onRegister(p)}
                  aria-label={t('registers.proposals.registerNamed', { name: inLang(p.name, lang) })}
                >
                  {t('registers.proposals.register')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
