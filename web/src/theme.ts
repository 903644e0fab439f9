import {
  Autocomplete,
  createTheme,
  Modal,
  type ModalProps,
  Notification,
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { TFunction } from 'i18next';

/*
 * Required fields get their asterisk from CSS (styles.css) rather than from a span inside
 * the <label>, so the label text stays exactly the field name for people and for tests.
 */
const noAsterisk = { defaultProps: { withAsterisk: false } };

/**
 * The modal header is a <header>; inside a dialog it must not count as a second page banner.
 * `attributes` works at runtime but is not in the Modal's compound prop types.
 */
function modalDefaults(close: Record<string, string>): Partial<ModalProps> {
  const defaults: Record<string, unknown> = { closeButtonProps: close, attributes: { header: { role: 'none' } } };
  return defaults as Partial<ModalProps>;
}

/** Mantine theme; built per language so built-in close buttons get a translated name. */
export function makeTheme(t: TFunction) {
  const close = { 'aria-label': t('common.close') };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    focusRing: 'auto',
    defaultRadius: 'sm',
    components: {
      TextInput: TextInput.extend(noAsterisk),
      PasswordInput: PasswordInput.extend(noAsterisk),
      Select: Select.extend(noAsterisk),
      NumberInput: NumberInput.extend(noAsterisk),
      Autocomplete: Autocomplete.extend(noAsterisk),
      Textarea: Textarea.extend(noAsterisk),
      DateInput: DateInput.extend(noAsterisk),
      Modal: Modal.extend({ defaultProps: modalDefaults(close) }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
    },
  });
}

/** Text colours on tinted (light/subtle) backgrounds, dark enough for AA contrast. */
const onTint: Record<string, string> = {
  blue: '#1864ab',
  teal: '#065f46',
  green: '#1e6b30',
  red: '#a51d1d',
  orange: '#8a3206',
  yellow: '#6b4400',
  gray: '#212529',
};

/** Dimmed text, error text and text on tinted backgrounds use darker shades (AA contrast). */
export const cssVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.entries(onTint).map(([c, v]) => [`--mantine-color-${c}-light-color`, v])),
  },
  dark: {},
});
