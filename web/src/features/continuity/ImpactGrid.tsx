import type { ImpactArea, TimePoint } from '@baken/contracts';
import { Accordion, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import type { Framework } from './api';

interface Props {
  framework: Framework;
  impacts: Record<string, number[]>;
  mtpd: TimePoint | null;
  unacceptableLevel: number;
  disabled: boolean;
  onChange: (area: ImpactArea, index: number, value: number) => void;
}

/**
 * The impact areas over the six time points, one labelled select per cell (area and time point in
 * words), so the grid reads the same with a screen reader and without colour. Cells at or above the
 * unacceptable level carry a word as well as a border.
 */
export function ImpactGrid({ framework, impacts, mtpd, unacceptableLevel, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders captionSide="top">
          <Table.Caption>{t('continuity.bia.gridCaption', { level: unacceptableLevel })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('continuity.bia.area')}</Table.Th>
              {framework.timePoints.map((tp) => (
                <Table.Th key={tp.id} scope="col">
                  {t(`continuity.timePoints.${tp.id}`)}
                  {tp.id === mtpd && (
                    <Text component="span" size="xs" fw={700} display="block">
                      {t('continuity.bia.mtpdMarker')}
                    </Text>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {framework.impactAreas.map((area) => {
              const row = impacts[area.id] ?? framework.timePoints.map(() => 0);
              return (
                <Table.Tr key={area.id}>
                  <Table.Th scope="row">{inLang(area.name, lang)}</Table.Th>
                  {framework.timePoints.map((tp, i) => {
                    const value = row[i] ?? 0;
                    const over = value >= unacceptableLevel;
                    return (
                      <Table.Td key={tp.id} p={4}>
                        <NativeSelect
                          aria-label={t('continuity.bia.cellLabel', {
                            area: inLang(area.name, lang),
                            time: t(`continuity.timePoints.${tp.id}`),
                          })}
                          size="xs"
                          value={String(value)}
                          disabled={disabled}
                          onChange={(e) => onChange(area.id, i, Number(e.currentTarget.value))}
                          data={[0, 1, 2, 3, 4].map((n) => ({
                            value: String(n),
                            label: t('continuity.levelLabel', { n, name: t(`continuity.levels.${n}`) }),
                          }))}
                          styles={
                            over ? { input: { borderWidth: 2, borderColor: 'var(--mantine-color-red-9)' } } : undefined
                          }
                        />
                        {over && (
                          <Text size="xs" c="red.9" fw={600}>
                            {t('continuity.bia.unacceptable')}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Accordion variant="contained" mt="xs">
        <Accordion.Item value="scales">
          <Accordion.Control>{t('continuity.bia.scales')}</Accordion.Control>
          <Accordion.Panel>
            {framework.impactAreas.map((area) => (
              <div key={area.id}>
                <Text fw={600} size="sm">
                  {inLang(area.name, lang)}
                </Text>
                <ul style={{ marginTop: 0, listStyle: 'none', paddingLeft: 0 }}>
                  {area.scale.map((s, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the level is the index
                    <li key={`${area.id}-${n}`}>
                      <Text size="sm">{`${n}: ${inLang(s, lang)}`}</Text>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </>
  );
}
