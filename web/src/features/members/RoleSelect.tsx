import { type BestuurRole, bestuurRoles } from '@baken/contracts';
import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  value: BestuurRole;
  onChange: (role: BestuurRole) => void;
  error?: string;
}

/** Role picker: Dutch role names, each option with a one-line explanation. */
export function RoleSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('members.role')}
      description={t(`roleDescriptions.${value}`)}
      data={bestuurRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as BestuurRole)}
      allowDeselect={false}
      required
      error={error}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {option.label}
          </Text>
          <Text size="xs">{t(`roleDescriptions.${option.value}`)}</Text>
        </Stack>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
