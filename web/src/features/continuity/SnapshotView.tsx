import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import type { Bia, BiaOverview, Plan } from './api';
import { hoursLabel, timePointLabel } from './values';

const Line = ({ label, value }: { label: string; value: string | null | undefined }) => (
  <Text size="sm">
    <strong>{label}:</strong> {value?.trim() ? value : '—'}
  </Text>
);

function SmallTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  if (rows.length === 0) return <Text size="sm">{`${caption}: —`}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder captionSide="top" fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a snapshot never move
            <Table.Tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row
                <Table.Td key={j}>{c || '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function planSection(key: string, p: Plan, t: TFunction, lang: Lang) {
  const s = p.sections;
  switch (key) {
    case 'toepassingsgebied':
      return <Line label={t('continuity.plan.scope')} value={s.scope} />;
    case 'crisisorganisatie':
      return (
        <>
          <SmallTable
            caption={t('continuity.plan.crisisTeam')}
            head={[
              t('continuity.review.col.role'),
              t('continuity.review.col.name'),
              t('continuity.review.col.phone'),
              t('continuity.review.col.deputy'),
              t('continuity.review.col.deputyPhone'),
            ]}
            rows={s.crisisTeam.map((m) => [m.role, m.name, m.phone ?? '', m.deputyName ?? '', m.deputyPhone ?? ''])}
          />
          <Line label={t('continuity.plan.callTree')} value={s.callTree} />
          <Line label={t('continuity.plan.meetingPlace')} value={s.meetingPlace} />
          <Line label={t('continuity.plan.alternativeMeetingPlace')} value={s.alternativeMeetingPlace} />
        </>
      );
    case 'activatie':
      return (
        <>
          <Line label={t('continuity.plan.activationCriteria')} value={s.activationCriteria} />
          <Line label={t('continuity.plan.escalation')} value={s.escalation} />
        </>
      );
    case 'strategieen':
      return (
        <SmallTable
          caption={t('continuity.plan.sections.strategieen')}
          head={[
            t('continuity.bia.process'),
            t('continuity.bia.mtpd'),
            t('continuity.bia.rto'),
            t('continuity.plan.strategy'),
            t('continuity.plan.procedure'),
          ]}
          rows={p.strategies.map((x) => [
            inLang(x.processName, lang),
            timePointLabel(x.mtpd, t),
            hoursLabel(x.rtoHours, t),
            x.strategy ? t(`continuity.plan.strategies.${x.strategy}`) : '',
            x.procedure ?? '',
          ])}
        />
      );
    case 'herstel':
      return (
        <SmallTable
          caption={t('continuity.plan.sections.herstel')}
          head={[
            t('continuity.review.col.order'),
            t('continuity.review.col.application'),
            t('continuity.plan.recoveryTimeShort'),
            t('continuity.plan.procedure'),
          ]}
          rows={p.recovery.map((a) => [
            String(a.order ?? ''),
            a.name,
            hoursLabel(a.recoveryTimeHours, t),
            a.procedure ?? '',
          ])}
        />
      );
    case 'communicatie':
      return (['staff', 'citizens', 'press', 'authorities'] as const).map((a) => (
        <Line key={a} label={t(`continuity.plan.audiences.${a}`)} value={s.communication[a]} />
      ));
    case 'oefeningen':
      return (
        <SmallTable
          caption={t('continuity.plan.sections.oefeningen')}
          head={[
            t('continuity.plan.exerciseTitle'),
            t('continuity.plan.plannedOn'),
            t('continuity.plan.heldOn'),
            t('continuity.plan.findings'),
          ]}
          rows={p.exercises.map((e) => [e.title, e.plannedOn ?? '', e.heldOn ?? '', e.findings ?? ''])}
        />
      );
    case 'documentbeheer':
      return (
        <>
          <Line label={t('continuity.plan.documentVersion')} value={s.documentControl.documentVersion} />
          <Line
            label={t('continuity.plan.approvedBy')}
            value={s.documentControl.approvedBy ? t(`continuity.plan.approvers.${s.documentControl.approvedBy}`) : null}
          />
          <Line label={t('continuity.plan.approvedOn')} value={s.documentControl.approvedOn} />
        </>
      );
    default:
      return null;
  }
}

function biaSection(key: string, b: Omit<BiaOverview, 'items'> & { items: Bia[] }, t: TFunction, lang: Lang) {
  if (key === 'instellingen')
    return (
      <>
        <Line
          label={t('continuity.settings.unacceptableLevel')}
          value={t('continuity.levelLabel', {
            n: b.settings.unacceptableLevel,
            name: t(`continuity.levels.${b.settings.unacceptableLevel}`),
          })}
        />
        <Line
          label={t('continuity.settings.criticalThreshold')}
          value={t(`continuity.timePoints.${b.settings.criticalThreshold}`)}
        />
        <Text size="sm">{t('continuity.bia.counts', b.counts)}</Text>
      </>
    );
  const bia = b.items.find((x) => `proces:${x.processId}` === key);
  if (!bia) return null;
  return (
    <>
      <Text size="sm">
        {t('continuity.review.biaLine', {
          mtpd: timePointLabel(bia.mtpd, t),
          rto: hoursLabel(bia.rtoHours, t),
          rpo: hoursLabel(bia.rpoHours, t),
          critical: bia.critical ? t('continuity.bia.criticalYes') : t('continuity.bia.criticalNo'),
        })}
      </Text>
      <SmallTable
        caption={t('continuity.bia.impacts')}
        head={[
          t('continuity.bia.area'),
          ...(['4h', '1d', '3d', '1w', '2w', '1m'] as const).map((tp) => t(`continuity.timePoints.${tp}`)),
        ]}
        rows={Object.entries(bia.impacts).map(([area, row]) => [t(`continuity.areas.${area}`), ...row.map(String)])}
      />
      <Line label={t('continuity.bia.minimumServiceLevel')} value={bia.minimumServiceLevel} />
      <Line
        label={t('continuity.bia.dependencies')}
        value={[
          ...bia.dependencies.applications.map((a) => a.name),
          ...bia.dependencies.suppliers.map((s) => s.name),
          ...bia.dependencies.processes.map((p) => inLang(p.name, lang)),
        ].join(', ')}
      />
    </>
  );
}

/** One section of a submitted snapshot, as it was when it was submitted. */
export function SnapshotSection({
  subject,
  sectionKey,
  snapshot,
}: {
  subject: 'bia' | 'plan';
  sectionKey: string;
  snapshot: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return subject === 'plan'
    ? planSection(sectionKey, snapshot as unknown as Plan, t, lang)
    : biaSection(sectionKey, snapshot as unknown as Omit<BiaOverview, 'items'> & { items: Bia[] }, t, lang);
}
