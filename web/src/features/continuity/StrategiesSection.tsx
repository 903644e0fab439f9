import { strategies } from '@baken/contracts';
import {
  Accordion,
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLocation } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { inLang, type Lang } from '../catalog/format';
import { type ApplicationRecovery, type Plan, useRecovery, useRefresh, useSaveRecovery, useSaveStrategy } from './api';
import { hoursLabel, isConflict, timePointLabel, noValidate } from './values';

type ProcessStrategy = Plan['strategies'][number];
type StrategyValue = (typeof strategies)[number];
interface Strat {
  strategy: StrategyValue | '';
  description: string;
  procedure: string;
}
const of = (x: { strategy: StrategyValue | null; description: string | null; procedure: string | null }): Strat => ({
  strategy: x.strategy ?? '',
  description: x.description ?? '',
  procedure: x.procedure ?? '',
});

/** A 409 carries the process's strategy as it is now (null when the process is no longer critical). */
type Current = ProcessStrategy | null;

/** The strategy and emergency procedure of each critical process, most urgent first. */
export function StrategiesSection({ plan, bestuurId, canEdit }: { plan: Plan; bestuurId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hash } = useLocation();
  // A check links to one process (#strategie-<id>): that one opens. Only open items render their form.
  const [open, setOpen] = useState<string[]>(() => (hash.startsWith('strategie-') ? [hash.slice(10)] : []));
  useEffect(() => {
    if (hash.startsWith('strategie-')) setOpen((o) => (o.includes(hash.slice(10)) ? o : [...o, hash.slice(10)]));
  }, [hash]);
  const done = plan.strategies.filter((s) => s.strategy && s.procedure).length;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="plan-strategieen-title"
      id="strategieen"
      style={{ scrollMarginTop: 80 }}
    >
      <Title order={2} size="h3" id="plan-strategieen-title" mb="xs">
        {t('continuity.plan.sections.strategieen')}
      </Title>
      <Text size="sm" mb="sm">
        {t('continuity.plan.strategiesIntro')}
      </Text>
      {plan.strategies.length === 0 ? (
        <Alert color="blue">
          {t('continuity.plan.noCritical')}{' '}
          <AnchorLink to={`/b/${bestuurId}/continuiteit/bia`}>{t('continuity.plan.toBia')}</AnchorLink>
        </Alert>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {t('continuity.plan.strategiesDone', { done, count: plan.strategies.length })}
          </Text>
          <Accordion multiple variant="separated" value={open} onChange={setOpen}>
            {plan.strategies.map((s) => (
              <Accordion.Item key={s.processId} value={s.processId} id={`strategie-${s.processId}`}>
                <Accordion.Control>
                  {t(
                    s.strategy && s.procedure
                      ? 'continuity.plan.strategyItemDone'
                      : 'continuity.plan.strategyItemMissing',
                    {
                      name: inLang(s.processName, lang),
                      strategy: s.strategy ? t(`continuity.plan.strategies.${s.strategy}`) : '',
                    },
                  )}
                </Accordion.Control>
                <Accordion.Panel>
                  {open.includes(s.processId) && <StrategyForm s={s} bestuurId={bestuurId} canEdit={canEdit} />}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Card>
  );
}

function StrategyForm({ s, bestuurId, canEdit }: { s: ProcessStrategy; bestuurId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const save = useSaveStrategy(bestuurId);
  const refresh = useRefresh(bestuurId);
  const [v, setV] = useState<Strat>(() => of(s));
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setV(of(s));
  }, [s]);
  const edit = (x: Strat) => {
    dirty.current = true;
    setV(x);
  };
  const name = inLang(s.processName, lang);
  const send = (version: number) =>
    v.strategy &&
    save.mutate(
      {
        processId: s.processId,
        body: {
          version,
          strategy: v.strategy,
          description: v.description.trim() || null,
          procedure: v.procedure.trim() || null,
        },
      },
      {
        onSuccess: () => {
          dirty.current = false;
          notifications.show({ color: 'green', message: t('continuity.plan.strategySaved', { name }) });
        },
      },
    );
  const label = (x: string) => (x ? t(`continuity.plan.strategies.${x}`) : '');
  return (
    <Card
      withBorder
      component="form"
      {...noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        send(s.version);
      }}
    >
      <Title order={3} size="h5">
        {name}
      </Title>
      <Text size="sm" mb="xs">
        {t('continuity.plan.strategyFacts', {
          mtpd: timePointLabel(s.mtpd, t),
          rto: hoursLabel(s.rtoHours, t),
          rpo: hoursLabel(s.rpoHours, t),
        })}
        {s.minimumServiceLevel ? ` ${t('continuity.plan.minimum', { text: s.minimumServiceLevel })}` : ''}
      </Text>
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label={t('continuity.plan.strategyFor', { name })}
            data={[
              { value: '', label: t('continuity.plan.chooseStrategy') },
              ...strategies.map((x) => ({ value: x, label: label(x) })),
            ]}
            value={v.strategy}
            onChange={(e) => edit({ ...v, strategy: e.currentTarget.value as StrategyValue | '' })}
          />
          <Textarea
            label={t('continuity.plan.strategyDescription', { name })}
            autosize
            minRows={2}
            maxLength={4000}
            value={v.description}
            onChange={(e) => edit({ ...v, description: e.currentTarget.value })}
          />
          <Textarea
            label={t('continuity.plan.procedureFor', { name })}
            autosize
            minRows={2}
            maxLength={8000}
            value={v.procedure}
            onChange={(e) => edit({ ...v, procedure: e.currentTarget.value })}
          />
        </SimpleGrid>
      </fieldset>
      <ConflictDialog<Current>
        error={save.error}
        compare={(cur) => [
          { label: t('continuity.plan.strategy'), mine: label(v.strategy), current: label(cur?.strategy ?? '') },
          { label: t('continuity.plan.description'), mine: v.description, current: cur?.description ?? '' },
          { label: t('continuity.plan.procedure'), mine: v.procedure, current: cur?.procedure ?? '' },
        ]}
        onReload={(cur) => {
          if (cur) setV(of(cur));
          dirty.current = false;
          save.reset();
          void refresh();
        }}
        onKeepMine={(cur) => send(cur?.version ?? 0)}
        saving={save.isPending}
      />
      {!isConflict(save.error) && <ErrorAlert error={save.error} />}
      {canEdit && (
        <Group mt="sm">
          <Button type="submit" size="sm" loading={save.isPending} disabled={!v.strategy}>
            {t('continuity.plan.saveStrategy', { name })}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** The applications with their recovery time and procedure; those critical processes need first, in recovery order. */
export function RecoverySection({ bestuurId, canEdit }: { bestuurId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const recovery = useRecovery(bestuurId);
  const items = [...(recovery.data ?? [])].sort(
    (a, b) =>
      (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name),
  );
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="plan-herstel-title"
      id="herstel"
      style={{ scrollMarginTop: 80 }}
    >
      <Title order={2} size="h3" id="plan-herstel-title" mb="xs">
        {t('continuity.plan.sections.herstel')}
      </Title>
      <Text size="sm" mb="sm">
        {t('continuity.plan.recoveryIntro')}
      </Text>
      <ErrorAlert error={recovery.error} />
      {recovery.data && items.length === 0 && <Alert color="blue">{t('continuity.plan.noApplications')}</Alert>}
      <Stack>
        {items.map((a) => (
          <RecoveryForm key={a.applicationId} app={a} bestuurId={bestuurId} canEdit={canEdit} />
        ))}
      </Stack>
    </Card>
  );
}

function RecoveryForm({ app, bestuurId, canEdit }: { app: ApplicationRecovery; bestuurId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const save = useSaveRecovery(bestuurId);
  const refresh = useRefresh(bestuurId);
  const [hours, setHours] = useState<number | null>(app.recoveryTimeHours);
  const [procedure, setProcedure] = useState(app.procedure ?? '');
  const dirty = useRef(false);
  useEffect(() => {
    if (dirty.current) return;
    setHours(app.recoveryTimeHours);
    setProcedure(app.procedure ?? '');
  }, [app]);
  const slow = hours !== null && app.requiredHours !== null && hours > app.requiredHours;
  const send = (version: number) =>
    save.mutate(
      {
        applicationId: app.applicationId,
        body: { version, recoveryTimeHours: hours, procedure: procedure.trim() || null },
      },
      {
        onSuccess: () => {
          dirty.current = false;
          notifications.show({ color: 'green', message: t('continuity.plan.recoverySaved', { name: app.name }) });
        },
      },
    );
  return (
    <Card
      withBorder
      component="form"
      {...noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        send(app.version);
      }}
    >
      <Title order={3} size="h5">
        {app.order ? t('continuity.plan.recoveryOrder', { n: app.order, name: app.name }) : app.name}
      </Title>
      <Text size="sm">
        {app.processes.length === 0
          ? t('continuity.plan.noProcesses')
          : t('continuity.plan.neededBy', {
              list: app.processes
                .map((p) => `${inLang(p.name, lang)} (${t('continuity.bia.rto')} ${hoursLabel(p.rtoHours, t)})`)
                .join(', '),
            })}
      </Text>
      {app.requiredHours !== null && (
        <Text size="sm" mb="xs">
          {t('continuity.plan.requiredWithin', { time: hoursLabel(app.requiredHours, t) })}
        </Text>
      )}
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('continuity.plan.recoveryTime', { name: app.name })}
            min={1}
            max={8760}
            allowDecimal={false}
            value={hours ?? ''}
            onChange={(x) => {
              dirty.current = true;
              setHours(x === '' ? null : Number(x));
            }}
            error={slow ? t('continuity.plan.tooSlow', { time: hoursLabel(app.requiredHours, t) }) : undefined}
          />
          <Textarea
            label={t('continuity.plan.recoveryProcedure', { name: app.name })}
            autosize
            minRows={2}
            maxLength={8000}
            value={procedure}
            onChange={(e) => {
              dirty.current = true;
              setProcedure(e.currentTarget.value);
            }}
          />
        </SimpleGrid>
      </fieldset>
      <ConflictDialog<ApplicationRecovery>
        error={save.error}
        compare={(cur) => [
          {
            label: t('continuity.plan.recoveryTimeShort'),
            mine: hoursLabel(hours, t),
            current: hoursLabel(cur.recoveryTimeHours, t),
          },
          { label: t('continuity.plan.procedure'), mine: procedure, current: cur.procedure ?? '' },
        ]}
        onReload={(cur) => {
          setHours(cur.recoveryTimeHours);
          setProcedure(cur.procedure ?? '');
          dirty.current = false;
          save.reset();
          void refresh();
        }}
        onKeepMine={(cur) => send(cur.version)}
        saving={save.isPending}
      />
      {!isConflict(save.error) && <ErrorAlert error={save.error} />}
      {canEdit && (
        <Group mt="sm">
          <Button type="submit" size="sm" loading={save.isPending}>
            {t('continuity.plan.saveRecovery', { name: app.name })}
          </Button>
        </Group>
      )}
    </Card>
  );
}
