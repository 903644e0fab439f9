import i18n from '../../i18n';
import { type FieldErrors, issueMessage } from '../../lib/forms';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
}
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

/** Like lib/forms `validate`, with the messages of the registers' own rules (phone, dates). */
export function validateRegister<T>(
  schema: Schema<T>,
  value: unknown,
): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_');
    const own = `registers.validation.${issue.message}`;
    errors[key] ??= i18n.exists(own) ? i18n.t(own) : issueMessage(issue as Parameters<typeof issueMessage>[0]);
  }
  return { data: null, errors };
}
