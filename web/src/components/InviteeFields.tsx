import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/forms';

interface Props {
  email: string;
  displayName: string;
  onEmailChange: (value: string) => void;
  onDisplayNameChange: (value: string) => void;
  errors: FieldErrors;
  /** e.g. "off" where the browser should not offer the signed-in user's own address. */
  autoComplete?: string;
}

/** The e-mail address (focused first) and name of the person being invited. */
export function InviteeFields({ email, displayName, onEmailChange, onDisplayNameChange, errors, autoComplete }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('fields.email')}
        type="email"
        autoComplete={autoComplete}
        required
        data-autofocus
        value={email}
        onChange={(e) => onEmailChange(e.currentTarget.value)}
        error={errors.email}
      />
      <TextInput
        label={t('fields.displayName')}
        autoComplete={autoComplete}
        required
        value={displayName}
        onChange={(e) => onDisplayNameChange(e.currentTarget.value)}
        error={errors.displayName}
      />
    </>
  );
}
