import type { RiskMatrix } from '@baken/contracts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { textOn } from './colour';

interface Props {
  matrix: RiskMatrix;
  /** counts[likelihood - 1][impact - 1]; without counts the cells show their level (the matrix preview). */
  counts?: number[][];
  caption: string;
}

/**
 * The matrix as a table: likelihood in rows (highest on top), impact in columns, each cell on
 * the colour of its level with the count (or the level's name) as text.
 */
export function HeatMapGrid({ matrix, counts, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rows = matrix.likelihood.map((label, l) => ({ label, l })).reverse();
  const cols = matrix.impact.map((label, i) => ({ label, i }));
  return (
    <Table withTableBorder withColumnBorders captionSide="top" layout="fixed" verticalSpacing={6}>
      <Table.Caption>
        <Text fw={600} component="span">
          {caption}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            <Text size="xs" c="dimmed" component="span">
              {t('risks.heatmap.corner')}
            </Text>
          </Table.Th>
          {cols.map(({ label, i }) => (
            <Table.Th scope="col" key={`i${i + 1}`} ta="center">
              <Text size="xs" component="span">
                {i + 1}. {inLang(label, lang)}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ label, l }) => (
          <Table.Tr key={`l${l + 1}`}>
            <Table.Th scope="row">
              <Text size="xs" component="span">
                {l + 1}. {inLang(label, lang)}
              </Text>
            </Table.Th>
            {cols.map(({ i }) => {
              const level = matrix.levels[matrix.grid[l]?.[i] ?? 0];
              const name = level ? inLang(level.name, lang) : '';
              const colour = level?.colour ?? '#ffffff';
              return (
                <Table.Td
                  key={`c${l + 1}-${i + 1}`}
                  ta="center"
                  style={{ backgroundColor: colour, color: textOn(colour) }}
                  title={name}
                >
                  {counts ? (
                    <>
                      <Text fw={700} component="span">
                        {counts[l]?.[i] ?? 0}
                      </Text>
                      <VisuallyHidden>{` (${name})`}</VisuallyHidden>
                    </>
                  ) : (
                    <Text size="xs" component="span">
                      {name}
                    </Text>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
