import type { Dashboard } from '@baken/contracts';
import { Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { LevelBadge } from '../risks/LevelBadge';

/** The five highest risks by residual level (inherent where there is none yet), each linking to the register. */
export function RisksSection({ bestuurId, risks }: { bestuurId: string; risks: Dashboard['topRisks'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-risks">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h3" id="dashboard-risks">
          {t('dashboard.risks.title')}
        </Title>
        <AnchorLink to="/b/$bestuurId/risicos" params={{ bestuurId }} size="sm">
          {t('dashboard.risks.all')}
        </AnchorLink>
      </Group>
      {risks.length === 0 ? (
        <Text size="sm">{t('dashboard.risks.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} captionSide="top" data-testid="top-risks">
            <Table.Caption>{t('dashboard.risks.caption', { count: risks.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.risks.risk')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.risks.inherent')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.risks.residual')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.risks.treatment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risks.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw="normal">
                    <AnchorLink to="/b/$bestuurId/risicos" params={{ bestuurId }} search={{ q: r.title }} size="sm">
                      {r.title}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    <LevelBadge level={r.level} />
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={r.residualLevel} />
                  </Table.Td>
                  <Table.Td>
                    {r.treatment ? t(`risks.treatments.${r.treatment}`) : t('dashboard.risks.noTreatment')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
