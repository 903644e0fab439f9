import type { Bia, ContinuityCheck, Plan } from '@baken/contracts';

/**
 * The consistency checks of the continuity work, without a database: what a reviewer would
 * find first. `today` is an ISO date, so a test can fix it.
 */
const hours = (h: number) => (h % 24 === 0 ? `${h / 24} d` : `${h} u`);
const hoursEn = (h: number) => (h % 24 === 0 ? `${h / 24} d` : `${h} h`);

export function continuityChecks(
  bias: Bia[],
  plan: Plan,
  allRecovery: Plan['recovery'],
  today: string,
): ContinuityCheck[] {
  const out: ContinuityCheck[] = [];
  for (const app of allRecovery) {
    for (const p of app.processes) {
      if (app.recoveryTimeHours !== null && p.rtoHours !== null && app.recoveryTimeHours > p.rtoHours)
        out.push({
          code: 'application_slower_than_rto',
          severity: 'hoog',
          subject: { kind: 'application', id: app.applicationId, name: app.name },
          message: {
            nl: `${app.name} heeft ${hours(app.recoveryTimeHours)} nodig om te herstellen, maar ${p.name.nl} moet binnen ${hours(p.rtoHours)} terug draaien (RTO).`,
            en: `${app.name} needs ${hoursEn(app.recoveryTimeHours)} to recover, but ${p.name.en} must run again within ${hoursEn(p.rtoHours)} (RTO).`,
          },
        });
    }
    if (app.recoveryTimeHours === null && app.processes.some((p) => p.critical))
      out.push({
        code: 'application_without_recovery_time',
        severity: 'middel',
        subject: { kind: 'application', id: app.applicationId, name: app.name },
        message: {
          nl: `Van ${app.name} is niet bekend hoe lang het herstel duurt, terwijl een kritiek proces ervan afhangt.`,
          en: `It is not known how long recovering ${app.name} takes, while a critical process depends on it.`,
        },
      });
  }
  for (const b of bias) {
    if (b.rtoHours !== null && b.mtpdHours !== null && b.rtoHours > b.mtpdHours)
      out.push({
        code: 'rto_exceeds_mtpd',
        severity: 'hoog',
        subject: { kind: 'process', id: b.processId, name: b.processName.nl },
        message: {
          nl: `De RTO van ${b.processName.nl} (${hours(b.rtoHours)}) is langer dan de maximaal toelaatbare onderbreking (${hours(b.mtpdHours)}).`,
          en: `The RTO of ${b.processName.en} (${hoursEn(b.rtoHours)}) is longer than the maximum tolerable period of disruption (${hoursEn(b.mtpdHours)}).`,
        },
      });
  }
  for (const s of plan.strategies)
    if (!s.strategy || !s.procedure)
      out.push({
        code: 'critical_without_procedure',
        severity: 'hoog',
        subject: { kind: 'process', id: s.processId, name: s.processName.nl },
        message: {
          nl: `${s.processName.nl} is kritiek maar heeft nog geen herstel- of noodprocedure in het plan.`,
          en: `${s.processName.en} is critical but has no recovery or emergency procedure in the plan yet.`,
        },
      });
  const yearAgo = new Date(`${today}T00:00:00Z`);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const since = yearAgo.toISOString().slice(0, 10);
  if (!plan.exercises.some((e) => e.heldOn !== null && e.heldOn >= since && e.heldOn <= today)) {
    const last = plan.exercises
      .map((e) => e.heldOn)
      .filter((d): d is string => d !== null && d <= today)
      .sort()
      .at(-1);
    out.push({
      code: 'no_recent_exercise',
      severity: 'middel',
      subject: null,
      message: last
        ? {
            nl: `De laatste oefening was op ${last}, meer dan twaalf maanden geleden.`,
            en: `The last exercise was on ${last}, more than twelve months ago.`,
          }
        : { nl: 'Het plan werd nog nooit geoefend.', en: 'The plan has never been exercised.' },
    });
  }
  plan.sections.crisisTeam.forEach((m, i) => {
    const missing = [!m.phone ? m.name : null, m.deputyName && !m.deputyPhone ? m.deputyName : null].filter(
      (x): x is string => x !== null,
    );
    for (const name of missing)
      out.push({
        code: 'crisis_member_without_phone',
        severity: 'hoog',
        subject: { kind: 'crisis-member', id: String(i), name },
        message: {
          nl: `${name} (${m.role}) staat in het crisisteam zonder telefoonnummer.`,
          en: `${name} (${m.role}) is in the crisis team without a phone number.`,
        },
      });
  });
  return out;
}
