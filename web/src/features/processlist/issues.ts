import { ApiError } from '../../api/client';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/forms';
import { fieldLabel } from './format';

/** A path in words: "assets.0.name.en" is "Assets #1 › Naam › en". */
export function pathLabel(path: string): string {
  return path
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : fieldLabel(i18n.t.bind(i18n), s)))
    .join(' › ');
}

/** Errors keyed by their path ("assets.0.class.c"). */
export type PathErrors = Record<string, string>;

interface Parsed<T> {
  success: boolean;
  data?: T;
  error?: { issues: { code: string; path: PropertyKey[]; message: string }[] };
}

/** Checks a value with a contract schema; the errors are keyed by their full path. */
export function check<T>(schema: { safeParse(v: unknown): unknown }, value: unknown) {
  const r = schema.safeParse(value) as Parsed<T>;
  if (r.success) return { data: r.data as T, errors: {} as PathErrors };
  const errors: PathErrors = {};
  for (const issue of r.error?.issues ?? []) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueMessage(issue);
  }
  return { data: null, errors };
}

/** The issues of a VALIDATION_FAILED answer as lines for the user: "bz-reispassen: unknown process domain x". */
export function serverIssues(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.map((i) => {
    const message = issueText(i.message);
    const where = i.path.map(String).filter(Boolean).join(' › ');
    return where ? `${where}: ${message}` : message;
  });
}

/**
 * The list check's messages are English sentences with the offending value at the end or start;
 * the known ones are shown in the user's language, anything else as it came.
 */
const CHECKS: [RegExp, string][] = [
  [/^measure code used twice$/, 'measureTwice'],
  [/^process id used twice$/, 'processTwice'],
  [/^asset id used twice$/, 'assetTwice'],
  [/^unknown security domain (.+)$/, 'unknownSecurityDomain'],
  [/^unknown process domain (.+)$/, 'unknownProcessDomain'],
  [/^unknown application kind (.+)$/, 'unknownApplicationKind'],
  [/^unknown framework (.+)$/, 'unknownFramework'],
  [/^unknown requirement (.+)$/, 'unknownRequirement'],
  [/^(.+) is not assessable$/, 'notAssessable'],
];

function issueText(message: string): string {
  const key = `processlist.issues.${message}`;
  if (i18n.exists(key)) return i18n.t(key);
  for (const [re, name] of CHECKS) {
    const m = re.exec(message);
    if (m) return i18n.t(`processlist.issues.${name}`, { value: m[1] ?? '' });
  }
  return message;
}
