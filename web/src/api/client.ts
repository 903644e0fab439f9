import type { ErrorCode } from '@baken/contracts';
import i18n from '../i18n';

/** One issue of a VALIDATION_FAILED answer; `message` is already localised by the server. */
export interface ValidationIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get issues(): ValidationIssue[] {
    const d = this.details as { issues?: ValidationIssue[] } | undefined;
    return this.code === 'VALIDATION_FAILED' && Array.isArray(d?.issues) ? d.issues : [];
  }

  /** The current object carried by a 409 VERSION_CONFLICT answer. */
  get current(): unknown {
    const d = this.details as { current?: unknown } | undefined;
    return this.code === 'VERSION_CONFLICT' ? d?.current : undefined;
  }
}

let csrfToken: string | null = null;

/** Set from the session; every mutating request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export function queryString(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function currentLanguage(): 'nl' | 'en' {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const body = (data ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
    throw new ApiError(
      res.status,
      body.code ?? 'INTERNAL_ERROR',
      body.message ?? i18n.t('errors.unexpected'),
      body.details ?? null,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** URL for a file download that the session cookie authenticates (plain navigation). */
export function downloadUrl(path: string, query?: Record<string, QueryValue>): string {
  return `/api${path}${queryString(query)}`;
}
