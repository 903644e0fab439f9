import { type ErrorCode, type Lang, formatErrorMessage, validationMessages } from '@baken/contracts';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

const statusOf: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  RESET_TOKEN_INVALID: 400,
  PASSWORD_INCORRECT: 400,
  OIDC_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  OIDC_NO_ACCOUNT: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  ACCOUNT_INACTIVE: 403,
  SELF_CHANGE: 403,
  NOT_FOUND: 404,
  OIDC_NOT_CONFIGURED: 404,
  TOKEN_BESTUUR_MISMATCH: 404,
  VERSION_CONFLICT: 409,
  REVIEW_OPEN: 409,
  REVIEW_CLOSED: 409,
  MEMBER_EXISTS: 409,
  LAST_ADMIN: 409,
  NIS_CODE_TAKEN: 409,
  KBO_TAKEN: 409,
  SUPPLIER_IN_USE: 409,
  SUPPLIER_EXISTS: 409,
  APPLICATION_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  NOT_APPLICABLE_NEEDS_APPROVAL: 403,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
};

/** The one error type services throw; the handler turns it into `{ code, message, details }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly params: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
  get status(): number {
    return statusOf[this.code] ?? 400;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const conflict = (current: unknown) => new AppError('VERSION_CONFLICT', { current });

/** nl unless the request prefers English. */
export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (!header) return request.principal?.language ?? 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}

const zodLocales = { nl: z.locales.nl(), en: z.locales.en() };

/** Zod's own messages in the caller's language; our rules keep their message key for localiseIssues. */
function localise(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.code === 'custom' || /^[a-z_]+$/.test(issue.message)) return issue.message;
  const localised = zodLocales[lang].localeError?.(issue as never);
  return typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
}

function issuesOf(error: z.ZodError, lang: Lang) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String),
    code: issue.code,
    message: localise(issue, lang),
  }));
}

/**
 * fastify-type-provider-zod hands each zod issue over as { keyword: code, instancePath, message,
 * params: the rest of the issue }; put it back together so it can be localised.
 */
function issuesOfValidation(validation: FastifySchemaValidationError[], lang: Lang) {
  return validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const issue = { ...v.params, code: v.keyword, path, message: v.message ?? '' } as unknown as z.core.$ZodIssue;
    return { path, code: v.keyword, message: localise(issue, lang) };
  });
}

interface Issue {
  path: string[];
  code: string;
  message: string;
}

/** Our own rules give a message key; people get the text in their language. */
function localiseIssues(details: unknown, lang: Lang): unknown {
  const issues = (details as { issues?: Issue[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return details;
  return {
    ...(details as object),
    issues: issues.map((i) => {
      const known = validationMessages[i.message as keyof typeof validationMessages];
      return known ? { ...i, code: i.message, message: known[lang] } : i;
    }),
  };
}

export function sendError(reply: FastifyReply, lang: Lang, err: AppError) {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  const details = err.code === 'VALIDATION_FAILED' ? localiseIssues(err.details, lang) : err.details;
  return reply.status(err.status).send({
    code: err.code,
    message: formatErrorMessage(err.code, lang, err.params),
    ...(details === undefined ? {} : { details }),
  });
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = languageOf(request);
    if (error instanceof AppError) return sendError(reply, lang, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(
        reply,
        lang,
        new AppError('VALIDATION_FAILED', { issues: issuesOfValidation(error.validation, lang) }),
      );
    }
    if (error instanceof z.ZodError) {
      return sendError(reply, lang, new AppError('VALIDATION_FAILED', { issues: issuesOf(error, lang) }));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, lang, new AppError('PAYLOAD_TOO_LARGE'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, lang, new AppError('VALIDATION_FAILED', { reason: error.message }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error.cause, url: request.url }, 'response does not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendError(reply, lang, new AppError('INTERNAL_ERROR'));
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, languageOf(request), notFound()));
}
