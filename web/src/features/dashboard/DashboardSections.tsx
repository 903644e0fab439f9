import type { Dashboard } from '@baken/contracts';
import { Stack } from '@mantine/core';
import { ComplianceSection } from './ComplianceSection';
import { MeasuresSection } from './MeasuresSection';
import { ProgressChart } from './ProgressChart';
import { ReadinessSection } from './ReadinessSection';
import { RisksSection } from './RisksSection';

/** The bestuur at a glance: readiness for the target level first, then compliance, measures, risks and progress. */
export function DashboardSections({ bestuurId, data }: { bestuurId: string; data: Dashboard }) {
  return (
    <Stack gap="xl">
      <ReadinessSection bestuurId={bestuurId} readiness={data.readiness} compliance={data.compliance} />
      <ComplianceSection bestuurId={bestuurId} items={data.compliance} />
      <MeasuresSection bestuurId={bestuurId} measures={data.measures} />
      <RisksSection bestuurId={bestuurId} risks={data.topRisks} />
      <ProgressChart progress={data.progress} />
    </Stack>
  );
}
