import type { PlanSections } from '@baken/contracts';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from './api';
import { PlanSectionCard } from './PlanSectionCard';

interface SectionProps {
  plan: Plan;
  bestuurId: string;
  canEdit: boolean;
}

const nn = (v: string) => (v.trim() ? v : null);
const s = (v: string | null | undefined) => v ?? '';

export function ScopeSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <PlanSectionCard
      {...props}
      id="toepassingsgebied"
      title={t('continuity.plan.sections.toepassingsgebied')}
      intro={t('continuity.plan.scopeIntro')}
      pick={(x) => s(x.scope)}
      body={(v) => ({ scope: nn(v) })}
      rows={(v) => [{ label: t('continuity.plan.scope'), text: v }]}
    >
      {(v, set, errors) => (
        <Textarea
          label={t('continuity.plan.scope')}
          autosize
          minRows={3}
          maxLength={8000}
          value={v}
          onChange={(e) => set(e.currentTarget.value)}
          error={errors.scope}
        />
      )}
    </PlanSectionCard>
  );
}

type Member = PlanSections['crisisTeam'][number];
interface Crisis {
  crisisTeam: Member[];
  callTree: string;
  meetingPlace: string;
  alternativeMeetingPlace: string;
}
const emptyMember: Member = { role: '', name: '', phone: null, deputyName: null, deputyPhone: null };

export function CrisisSection(props: SectionProps) {
  const { t } = useTranslation();
  const memberText = (m: Member) =>
    [m.role, m.name, m.phone, m.deputyName, m.deputyPhone].map((x) => x ?? '—').join(' / ');
  return (
    <PlanSectionCard<Crisis>
      {...props}
      id="crisisorganisatie"
      title={t('continuity.plan.sections.crisisorganisatie')}
      intro={t('continuity.plan.crisisIntro')}
      pick={(x) => ({
        crisisTeam: x.crisisTeam,
        callTree: s(x.callTree),
        meetingPlace: s(x.meetingPlace),
        alternativeMeetingPlace: s(x.alternativeMeetingPlace),
      })}
      body={(v) => ({
        crisisTeam: v.crisisTeam.map((m) => ({
          role: m.role,
          name: m.name,
          phone: m.phone?.trim() ? m.phone : null,
          deputyName: m.deputyName?.trim() ? m.deputyName : null,
          deputyPhone: m.deputyPhone?.trim() ? m.deputyPhone : null,
        })),
        callTree: nn(v.callTree),
        meetingPlace: nn(v.meetingPlace),
        alternativeMeetingPlace: nn(v.alternativeMeetingPlace),
      })}
      rows={(v) => [
        { label: t('continuity.plan.crisisTeam'), text: v.crisisTeam.map(memberText).join('; ') },
        { label: t('continuity.plan.callTree'), text: v.callTree },
        { label: t('continuity.plan.meetingPlace'), text: v.meetingPlace },
        { label: t('continuity.plan.alternativeMeetingPlace'), text: v.alternativeMeetingPlace },
      ]}
    >
      {(v, set, errors) => {
        const setMember = (i: number, patch: Partial<Member>) =>
          set({ ...v, crisisTeam: v.crisisTeam.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
        return (
          <>
            {v.crisisTeam.length === 0 && <Text size="sm">{t('continuity.plan.noMembers')}</Text>}
            {v.crisisTeam.map((m, i) => {
              const n = i + 1;
              const e = (f: string) => errors[`crisisTeam.${i}.${f}`];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: members have no id; the order is theirs
                <Paper key={i} withBorder p="sm" component="fieldset">
                  <Text component="legend" fw={600} size="sm">
                    {t('continuity.plan.member', { n })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t('continuity.plan.role', { n })}
                      value={m.role}
                      maxLength={200}
                      required
                      onChange={(ev) => setMember(i, { role: ev.currentTarget.value })}
                      error={e('role')}
                    />
                    <TextInput
                      label={t('continuity.plan.name', { n })}
                      value={m.name}
                      maxLength={200}
                      required
                      onChange={(ev) => setMember(i, { name: ev.currentTarget.value })}
                      error={e('name')}
                    />
                    <TextInput
                      label={t('continuity.plan.phone', { n })}
                      type="tel"
                      value={m.phone ?? ''}
                      onChange={(ev) => setMember(i, { phone: ev.currentTarget.value })}
                      error={e('phone')}
                    />
                    <TextInput
                      label={t('continuity.plan.deputyName', { n })}
                      value={m.deputyName ?? ''}
                      maxLength={200}
                      onChange={(ev) => setMember(i, { deputyName: ev.currentTarget.value })}
                      error={e('deputyName')}
                    />
                    <TextInput
                      label={t('continuity.plan.deputyPhone', { n })}
                      type="tel"
                      value={m.deputyPhone ?? ''}
                      onChange={(ev) => setMember(i, { deputyPhone: ev.currentTarget.value })}
                      error={e('deputyPhone')}
                    />
                    <Group align="flex-end">
                      <Button
                        variant="subtle"
                        color="red.9"
                        onClick={() => set({ ...v, crisisTeam: v.crisisTeam.filter((_, j) => j !== i) })}
                      >
                        {t('continuity.plan.removeMember', { n })}
                      </Button>
                    </Group>
                  </SimpleGrid>
                </Paper>
              );
            })}
            <Group>
              <Button variant="default" onClick={() => set({ ...v, crisisTeam: [...v.crisisTeam, emptyMember] })}>
                {t('continuity.plan.addMember')}
              </Button>
            </Group>
            <Textarea
              label={t('continuity.plan.callTree')}
              description={t('continuity.plan.callTreeHelp')}
              autosize
              minRows={3}
              maxLength={8000}
              value={v.callTree}
              onChange={(ev) => set({ ...v, callTree: ev.currentTarget.value })}
              error={errors.callTree}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('continuity.plan.meetingPlace')}
                maxLength={1000}
                value={v.meetingPlace}
                onChange={(ev) => set({ ...v, meetingPlace: ev.currentTarget.value })}
                error={errors.meetingPlace}
              />
              <TextInput
                label={t('continuity.plan.alternativeMeetingPlace')}
                maxLength={1000}
                value={v.alternativeMeetingPlace}
                onChange={(ev) => set({ ...v, alternativeMeetingPlace: ev.currentTarget.value })}
                error={errors.alternativeMeetingPlace}
              />
            </SimpleGrid>
          </>
        );
      }}
    </PlanSectionCard>
  );
}

export function ActivationSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <PlanSectionCard<{ activationCriteria: string; escalation: string }>
      {...props}
      id="activatie"
      title={t('continuity.plan.sections.activatie')}
      pick={(x) => ({ activationCriteria: s(x.activationCriteria), escalation: s(x.escalation) })}
      body={(v) => ({ activationCriteria: nn(v.activationCriteria), escalation: nn(v.escalation) })}
      rows={(v) => [
        { label: t('continuity.plan.activationCriteria'), text: v.activationCriteria },
        { label: t('continuity.plan.escalation'), text: v.escalation },
      ]}
    >
      {(v, set, errors) => (
        <>
          <Textarea
            label={t('continuity.plan.activationCriteria')}
            description={t('continuity.plan.activationHelp')}
            autosize
            minRows={3}
            maxLength={8000}
            value={v.activationCriteria}
            onChange={(e) => set({ ...v, activationCriteria: e.currentTarget.value })}
            error={errors.activationCriteria}
          />
          <Textarea
            label={t('continuity.plan.escalation')}
            autosize
            minRows={3}
            maxLength={8000}
            value={v.escalation}
            onChange={(e) => set({ ...v, escalation: e.currentTarget.value })}
            error={errors.escalation}
          />
        </>
      )}
    </PlanSectionCard>
  );
}

const audiences = ['staff', 'citizens', 'press', 'authorities'] as const;
type Comms = Record<(typeof audiences)[number], string>;

export function CommunicationSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <PlanSectionCard<Comms>
      {...props}
      id="communicatie"
      title={t('continuity.plan.sections.communicatie')}
      pick={(x) => Object.fromEntries(audiences.map((a) => [a, s(x.communication[a])])) as Comms}
      body={(v) => ({ communication: Object.fromEntries(audiences.map((a) => [a, nn(v[a])])) as never })}
      rows={(v) => audiences.map((a) => ({ label: t(`continuity.plan.audiences.${a}`), text: v[a] }))}
    >
      {(v, set, errors) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {audiences.map((a) => (
            <Textarea
              key={a}
              label={t(`continuity.plan.audiences.${a}`)}
              autosize
              minRows={2}
              maxLength={4000}
              value={v[a]}
              onChange={(e) => set({ ...v, [a]: e.currentTarget.value })}
              error={errors[`communication.${a}`]}
            />
          ))}
        </SimpleGrid>
      )}
    </PlanSectionCard>
  );
}

type Control = PlanSections['documentControl'];

export function DocumentControlSection(props: SectionProps) {
  const { t } = useTranslation();
  const approver = (a: Control['approvedBy']) => (a ? t(`continuity.plan.approvers.${a}`) : '');
  return (
    <PlanSectionCard<Control>
      {...props}
      id="documentbeheer"
      title={t('continuity.plan.sections.documentbeheer')}
      pick={(x) => x.documentControl}
      body={(v) => ({
        documentControl: {
          documentVersion: v.documentVersion?.trim() ? v.documentVersion : null,
          approvedBy: v.approvedBy,
          approvedOn: v.approvedOn || null,
          nextReview: v.nextReview || null,
        },
      })}
      rows={(v) => [
        { label: t('continuity.plan.documentVersion'), text: s(v.documentVersion) },
        { label: t('continuity.plan.approvedBy'), text: approver(v.approvedBy) },
        { label: t('continuity.plan.approvedOn'), text: s(v.approvedOn) },
        { label: t('continuity.plan.nextReview'), text: s(v.nextReview) },
      ]}
    >
      {(v, set, errors) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('continuity.plan.documentVersion')}
            maxLength={20}
            value={v.documentVersion ?? ''}
            onChange={(e) => set({ ...v, documentVersion: e.currentTarget.value })}
            error={errors['documentControl.documentVersion']}
          />
          <NativeSelect
            label={t('continuity.plan.approvedBy')}
            data={[
              { value: '', label: t('continuity.plan.notApproved') },
              ...(['college', 'raad', 'vast-bureau'] as const).map((a) => ({ value: a, label: approver(a) })),
            ]}
            value={v.approvedBy ?? ''}
            onChange={(e) => set({ ...v, approvedBy: (e.currentTarget.value || null) as Control['approvedBy'] })}
          />
          <TextInput
            type="date"
            label={t('continuity.plan.approvedOn')}
            value={v.approvedOn ?? ''}
            onChange={(e) => set({ ...v, approvedOn: e.currentTarget.value || null })}
            error={errors['documentControl.approvedOn']}
          />
          <TextInput
            type="date"
            label={t('continuity.plan.nextReview')}
            value={v.nextReview ?? ''}
            onChange={(e) => set({ ...v, nextReview: e.currentTarget.value || null })}
            error={errors['documentControl.nextReview']}
          />
        </SimpleGrid>
      )}
    </PlanSectionCard>
  );
}
