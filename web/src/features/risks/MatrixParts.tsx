import type { RiskMatrix } from '@baken/contracts';
import { Button, ColorInput, Group, NativeSelect, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { addLevel, removeLevel, setCell, setLabel, setLevel } from './matrixEdit';

/** Error messages keyed by the path joined with dots, e.g. `matrix.levels.1.colour`. */
export type PathErrors = Record<string, string>;

interface Part {
  matrix: RiskMatrix;
  onChange: (m: RiskMatrix) => void;
  disabled: boolean;
}

export function LabelsEditor({
  axis,
  matrix,
  onChange,
  errors,
  disabled,
}: Part & { axis: 'likelihood' | 'impact'; errors: PathErrors }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`labels-${axis}`}>
      <Title order={2} size="h4" mb="xs" id={`labels-${axis}`}>
        {t(`risks.matrix.${axis}Labels`)}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('risks.matrix.step')}</Table.Th>
            <Table.Th scope="col">{t('risks.matrix.nameNl')}</Table.Th>
            <Table.Th scope="col">{t('risks.matrix.nameEn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix[axis]
            .map((label, i) => ({ label, i }))
            .map(({ label, i }) => (
              <Table.Tr key={`${axis}${i + 1}`}>
                <Table.Th scope="row">{i + 1}</Table.Th>
                {(['nl', 'en'] as const).map((lang) => (
                  <Table.Td key={lang}>
                    <TextInput
                      aria-label={t(`risks.matrix.${axis}Label`, { n: i + 1, lang: lang.toUpperCase() })}
                      value={label[lang]}
                      onChange={(e) => onChange(setLabel(matrix, axis, i, lang, e.currentTarget.value))}
                      error={errors[`matrix.${axis}.${i}.${lang}`]}
                      disabled={disabled}
                      size="xs"
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function LevelsEditor({ matrix, onChange, errors, disabled }: Part & { errors: PathErrors }) {
  const { t } = useTranslation();
  const newLevel = {
    nl: t('risks.matrix.newLevel', { n: matrix.levels.length + 1, lng: 'nl' }),
    en: t('risks.matrix.newLevel', { n: matrix.levels.length + 1, lng: 'en' }),
  };
  return (
    <section aria-labelledby="levels-title">
      <Title order={2} size="h4" mb="xs" id="levels-title">
        {t('risks.matrix.levels')}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('risks.matrix.order')}</Table.Th>
            <Table.Th scope="col">{t('risks.matrix.nameNl')}</Table.Th>
            <Table.Th scope="col">{t('risks.matrix.nameEn')}</Table.Th>
            <Table.Th scope="col">{t('risks.matrix.colour')}</Table.Th>
            {!disabled && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.levels.map((level, i) => (
            <Table.Tr key={level.id}>
              <Table.Th scope="row">{i + 1}</Table.Th>
              {(['nl', 'en'] as const).map((lang) => (
                <Table.Td key={lang}>
                  <TextInput
                    aria-label={t('risks.matrix.levelName', { n: i + 1, lang: lang.toUpperCase() })}
                    value={level.name[lang]}
                    onChange={(e) => onChange(setLevel(matrix, i, { [lang]: e.currentTarget.value }))}
                    error={errors[`matrix.levels.${i}.name.${lang}`]}
                    disabled={disabled}
                    size="xs"
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <ColorInput
                  aria-label={t('risks.matrix.levelColour', { n: i + 1 })}
                  value={level.colour}
                  onChange={(colour) => onChange(setLevel(matrix, i, { colour }))}
                  format="hex"
                  withEyeDropper={false}
                  error={errors[`matrix.levels.${i}.colour`]}
                  disabled={disabled}
                  size="xs"
                  w={140}
                />
              </Table.Td>
              {!disabled && (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={matrix.levels.length <= 2}
                    onClick={() => onChange(removeLevel(matrix, i))}
                    aria-label={t('risks.matrix.removeLevel', { name: level.name.nl })}
                  >
                    {t('risks.matrix.remove')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!disabled && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            disabled={matrix.levels.length >= 6}
            onClick={() => onChange(addLevel(matrix, newLevel))}
          >
            {t('risks.matrix.addLevel')}
          </Button>
        </Group>
      )}
    </section>
  );
}

/** Every cell as a select of the levels; likelihood in rows, highest on top, as in the heat map. */
export function GridEditor({ matrix, onChange, disabled }: Part) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rows = matrix.likelihood.map((label, l) => ({ label, l })).reverse();
  const cols = matrix.impact.map((label, i) => ({ label, i }));
  const options = matrix.levels.map((x, i) => ({ value: String(i), label: inLang(x.name, lang) }));
  return (
    <Table withTableBorder withColumnBorders captionSide="top" verticalSpacing={4}>
      <Table.Caption>{t('risks.matrix.gridCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('risks.heatmap.corner')}</Table.Th>
          {cols.map(({ label, i }) => (
            <Table.Th scope="col" key={`i${i + 1}`}>
              {i + 1}. {inLang(label, lang)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ label, l }) => (
          <Table.Tr key={`l${l + 1}`}>
            <Table.Th scope="row">
              {l + 1}. {inLang(label, lang)}
            </Table.Th>
            {cols.map(({ i }) => (
              <Table.Td key={`c${l + 1}-${i + 1}`}>
                <NativeSelect
                  aria-label={t('risks.matrix.cell', { l: l + 1, i: i + 1 })}
                  data={options}
                  value={String(matrix.grid[l]?.[i] ?? 0)}
                  onChange={(e) => onChange(setCell(matrix, l, i, Number(e.currentTarget.value)))}
                  disabled={disabled}
                  size="xs"
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
