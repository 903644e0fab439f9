import { type TimePoint, timePoints } from '@baken/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { type ContinuitySettings, type Framework, useBiaList, useFramework, useSaveSettings } from './api';
import { ContinuityNav } from './ContinuityNav';
import { hoursLabel, isConflict, timePointLabel } from './values';

/** The BIA overview: every applicable process with MTPD, RTO, RPO and whether it is critical; the bestuur's settings. */
export function BiaPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bestuurId = useBestuurId();
  const canEdit = hasPermission(useRequiredSession(), 'isms.edit', bestuurId);
  const list = useBiaList(bestuurId);
  const framework = useFramework(bestuurId);
  const root = `/b/${bestuurId}/continuiteit/bia`;
  const [q, setQ] = useState('');
  const [criticalOnly, setCriticalOnly] = useState(false);
  const needle = q.trim().toLowerCase();
  const shown = (list.data?.items ?? []).filter(
    (b) => (!criticalOnly || b.critical) && (!needle || inLang(b.processName, lang).toLowerCase().includes(needle)),
  );

  return (
    <>
      <PageTitle>{t('continuity.bia.title')}</PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <Text mb="md" maw={760}>
        {t('continuity.bia.intro')}
      </Text>
      {framework.data && <SettingsForm bestuurId={bestuurId} framework={framework.data} canEdit={canEdit} />}
      <ErrorAlert error={list.error ?? framework.error} />
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && (
        <section aria-labelledby="bia-processes">
          <Title order={2} size="h3" id="bia-processes" mb="xs">
            {t('continuity.bia.processes')}
          </Title>
          <Text size="sm" mb="sm">
            {t('continuity.bia.counts', list.data.counts)}
          </Text>
          <Group mb="sm" align="flex-end">
            <TextInput
              label={t('continuity.bia.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={280}
            />
            <Switch
              label={t('continuity.bia.criticalOnly')}
              checked={criticalOnly}
              onChange={(e) => setCriticalOnly(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {list.data.items.length === 0 && <Alert color="blue">{t('continuity.bia.empty')}</Alert>}
          {list.data.items.length > 0 && shown.length === 0 && (
            <Alert color="blue">{t('continuity.bia.noResults')}</Alert>
          )}
          {shown.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('continuity.bia.process')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.state')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.mtpd')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.rto')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.rpo')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.critical')}</Table.Th>
                    <Table.Th scope="col">{t('continuity.bia.dependencies')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((b) => (
                    <Table.Tr key={b.processId}>
                      <Table.Th scope="row" fw={500}>
                        <AnchorLink to={`${root}/${b.processId}`}>{inLang(b.processName, lang)}</AnchorLink>
                      </Table.Th>
                      <Table.Td>{b.saved ? t('continuity.bia.saved') : t('continuity.bia.proposal')}</Table.Td>
                      <Table.Td>{timePointLabel(b.mtpd, t)}</Table.Td>
                      <Table.Td>{hoursLabel(b.rtoHours, t)}</Table.Td>
                      <Table.Td>{hoursLabel(b.rpoHours, t)}</Table.Td>
                      <Table.Td>
                        {b.critical ? (
                          <Badge color="red" variant="light">
                            {t('continuity.bia.criticalYes')}
                          </Badge>
                        ) : (
                          t('continuity.bia.criticalNo')
                        )}
                      </Table.Td>
                      <Table.Td>{b.dependencyCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      )}
    </>
  );
}

function SettingsForm({
  bestuurId,
  framework,
  canEdit,
}: {
  bestuurId: string;
  framework: Framework;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveSettings(bestuurId);
  const [form, setForm] = useState<ContinuitySettings>(framework.settings);
  useEffect(() => setForm(framework.settings), [framework.settings]);
  const levelLabel = (n: number) => t('continuity.levelLabel', { n, name: t(`continuity.levels.${n}`) });
  const send = (version: number) =>
    save.mutate(
      { version, unacceptableLevel: form.unacceptableLevel, criticalThreshold: form.criticalThreshold },
      { onSuccess: () => notifications.show({ color: 'green', message: t('continuity.settings.saved') }) },
    );

  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="bia-settings">
      <Title order={2} size="h3" id="bia-settings" mb="xs">
        {t('continuity.settings.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('continuity.settings.explain')}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('continuity.settings.unacceptableLevel')}
          data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: levelLabel(n) }))}
          value={String(form.unacceptableLevel)}
          onChange={(e) => setForm({ ...form, unacceptableLevel: Number(e.currentTarget.value) })}
          disabled={!canEdit}
          w={280}
        />
        <NativeSelect
          label={t('continuity.settings.criticalThreshold')}
          data={timePoints.map((tp) => ({ value: tp, label: t(`continuity.timePoints.${tp}`) }))}
          value={form.criticalThreshold}
          onChange={(e) => setForm({ ...form, criticalThreshold: e.currentTarget.value as TimePoint })}
          disabled={!canEdit}
          w={220}
        />
        {canEdit && (
          <Button onClick={() => send(form.version)} loading={save.isPending}>
            {t('continuity.settings.save')}
          </Button>
        )}
      </Group>
      <ConflictDialog<ContinuitySettings>
        error={save.error}
        compare={(cur) => [
          {
            label: t('continuity.settings.unacceptableLevel'),
            mine: levelLabel(form.unacceptableLevel),
            current: levelLabel(cur.unacceptableLevel),
          },
          {
            label: t('continuity.settings.criticalThreshold'),
            mine: t(`continuity.timePoints.${form.criticalThreshold}`),
            current: t(`continuity.timePoints.${cur.criticalThreshold}`),
          },
        ]}
        onReload={(cur) => {
          setForm(cur);
          save.reset();
        }}
        onKeepMine={(cur) => send(cur.version)}
        saving={save.isPending}
      />
      {!isConflict(save.error) && <ErrorAlert error={save.error} />}
      <Text size="xs" mt="xs">
        {t('continuity.settings.current', {
          level: levelLabel(framework.settings.unacceptableLevel),
          threshold: timePointLabel(framework.settings.criticalThreshold, t),
        })}
      </Text>
    </Card>
  );
}
