import { type Risk, treatments } from '@baken/contracts';
import { Accordion, Alert, Button, Group, Loader, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { ReportDownloads } from '../reports/ReportDownloads';
import { riskRegisterUrl } from '../reports/urls';
import { useDeleteRisk, useHeatMap, useRisks } from './api';
import { HeatMapGrid } from './HeatMapGrid';
import { RiskModal, type RiskTarget } from './RiskModal';
import { RiskProposals } from './RiskProposals';
import { RiskTable } from './RiskTable';
import { filterRisks, type TreatmentFilter } from './search';
import { useRiskSearch } from './useRiskSearch';

/** The risk register: the heat map of inherent beside residual risk, the risks, and proposals to take over. */
export function RisksPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const risks = useRisks(bestuurId);
  const heatmap = useHeatMap(bestuurId);
  const remove = useDeleteRisk(bestuurId);
  const { search, set, clear, inputProps } = useRiskSearch();
  const [editing, setEditing] = useState<RiskTarget | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);

  const matrix = heatmap.data?.matrix;
  const shown = filterRisks(risks.data ?? [], search);
  const anyFilter = Boolean(search.q || search.level || search.treatment || search.overdue);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('risks.title')}</PageTitle>
        <Group>
          {canEdit && (
            <ButtonLink to="/b/$bestuurId/risicos/matrix" params={{ bestuurId }} variant="default">
              {t('risks.matrix.link')}
            </ButtonLink>
          )}
          {canEdit && (
            <Button onClick={() => setEditing({ kind: 'new' })} disabled={!matrix}>
              {t('risks.create')}
            </Button>
          )}
        </Group>
      </Group>
      <Text mb="md" maw={760}>
        {t('risks.intro')}
      </Text>
      <Group mb="md">
        <ReportDownloads
          links={[
            { label: t('reports.risksXlsx'), href: riskRegisterUrl(bestuurId, 'xlsx') },
            { label: t('reports.risksPdf'), href: riskRegisterUrl(bestuurId, 'pdf') },
          ]}
        />
      </Group>
      <ErrorAlert error={heatmap.error} />
      {heatmap.isPending && <Loader aria-label={t('common.loading')} />}
      {heatmap.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg" spacing="xl">
          <HeatMapGrid
            matrix={heatmap.data.matrix}
            counts={heatmap.data.inherent}
            caption={t('risks.heatmap.inherent')}
          />
          <HeatMapGrid
            matrix={heatmap.data.matrix}
            counts={heatmap.data.residual}
            caption={t('risks.heatmap.residual')}
          />
        </SimpleGrid>
      )}
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput label={t('risks.filters.search')} {...inputProps} w={280} />
        <Select
          label={t('risks.filters.level')}
          placeholder={t('common.all')}
          data={(matrix?.levels ?? []).map((l) => ({ value: l.id, label: inLang(l.name, lang) }))}
          value={search.level ?? null}
          onChange={(v) => set({ level: v ?? undefined })}
          clearable
          w={200}
        />
        <Select
          label={t('risks.filters.treatment')}
          placeholder={t('common.all')}
          data={[
            ...treatments.map((x) => ({ value: x, label: t(`risks.treatments.${x}`) })),
            { value: 'none', label: t('risks.filters.noTreatment') },
          ]}
          value={search.treatment ?? null}
          onChange={(v) => set({ treatment: (v ?? undefined) as TreatmentFilter | undefined })}
          clearable
          w={200}
        />
        <Switch
          label={t('risks.filters.overdue')}
          checked={search.overdue === true}
          onChange={(e) => set({ overdue: e.currentTarget.checked ? true : undefined })}
          mb={8}
        />
        {anyFilter && (
          <Button variant="subtle" onClick={clear}>
            {t('risks.filters.clear')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={risks.error} />
      {risks.isPending && <Loader aria-label={t('common.loading')} />}
      {risks.data && shown.length === 0 && (
        <Alert color="blue" mb="md">
          {risks.data.length === 0 ? t('risks.empty') : t('risks.noResults')}
        </Alert>
      )}
      {shown.length > 0 && (
        <RiskTable
          risks={shown}
          canEdit={canEdit}
          onEdit={setEditing}
          onDelete={(r) => {
            remove.reset();
            setDeleting(r);
          }}
        />
      )}
      {canEdit && (
        <Accordion mt="lg" variant="separated" defaultValue={risks.data?.length === 0 ? 'proposals' : undefined}>
          <Accordion.Item value="proposals">
            <Accordion.Control>{t('risks.proposals.title')}</Accordion.Control>
            <Accordion.Panel>
              <RiskProposals
                bestuurId={bestuurId}
                onTakeOver={(p) =>
                  setEditing({
                    kind: 'new',
                    title: inLang(p.title, lang),
                    processId: p.processId,
                    impact: p.impact,
                    qualities: p.qualities,
                  })
                }
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      <RiskModal bestuurId={bestuurId} matrix={matrix} target={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('risks.deleteTitle')}
        message={t('risks.deleteMessage', { title: deleting?.title ?? '' })}
        confirmLabel={t('risks.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('risks.deleted', { title: deleting.title }) });
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
