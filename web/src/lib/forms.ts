import { ApiError } from '../api/client';
import i18n from '../i18n';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  origin?: string;
}

/** Translates a zod issue (client-side validation) into a message for the user. */
export function issueMessage(issue: IssueLike): string {
  const t = i18n.t.bind(i18n);
  if (i18n.exists(`validation.${issue.message}`)) return t(`validation.${issue.message}`);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
    case 'invalid_value':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** Validates with a contract schema; returns the parsed value or errors keyed by field. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: IssueLike[] } };
}

export function validate<T>(
  schema: Schema<T>,
  value: unknown,
): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issueMessage(issue);
  }
  return { data: null, errors };
}

/**
 * Field errors from a VALIDATION_FAILED answer. The server's message is already localised;
 * a known machine code (e.g. `kbo_invalid`) is translated here.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    const msg = i18n.exists(`validation.${issue.message}`) ? i18n.t(`validation.${issue.message}`) : issue.message;
    errors[key] ??= msg;
  }
  return errors;
}

/** Field errors of a failed invitation: those of VALIDATION_FAILED, and MEMBER_EXISTS at the e-mail address. */
export function inviteFieldErrors(error: unknown): FieldErrors {
  const errors = serverFieldErrors(error);
  if (error instanceof ApiError && error.code === 'MEMBER_EXISTS') errors.email = error.message;
  return errors;
}
