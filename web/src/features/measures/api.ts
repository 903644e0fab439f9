import type {
  AuditEvent,
  ErrorCode,
  Evidence,
  MeasureTrackingUpdate,
  RegisterImportResult,
  SessionInfo,
  TrackedMeasure,
  TrackedMeasureDetail,
} from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, currentLanguage, downloadUrl } from '../../api/client';
import { sessionQuery } from '../../api/session';
import type { Page } from '../../api/types';
import i18n from '../../i18n';

export type MeasureDetail = z.infer<typeof TrackedMeasureDetail>;
export type MeasureComment = MeasureDetail['comments'][number];
export type ImportResult = z.infer<typeof RegisterImportResult>;
export type BulkChanges = {
  status?: TrackedMeasure['status'];
  ownerId?: string | null;
  dueDate?: string | null;
  reviewDate?: string | null;
  naReason?: string;
};

const registerKey = (bestuurId: string) => ['measures', bestuurId];
const base = (bestuurId: string) => `/besturen/${bestuurId}/measures`;
const one = (bestuurId: string, code: string) => `${base(bestuurId)}/${encodeURIComponent(code)}`;

export function useMeasureRegister(bestuurId: string) {
  return useQuery({
    queryKey: [...registerKey(bestuurId), 'list'],
    queryFn: async () => (await api<{ items: TrackedMeasure[] }>(base(bestuurId))).items,
  });
}

export function useMeasureDetail(bestuurId: string, code: string | null) {
  return useQuery({
    queryKey: [...registerKey(bestuurId), 'detail', code],
    queryFn: () => api<MeasureDetail>(one(bestuurId, code ?? '')),
    enabled: code !== null,
  });
}

/** The measure's own history: the audit trail of the object `measure` with this code. */
export function useMeasureHistory(bestuurId: string, code: string, enabled: boolean) {
  return useQuery({
    queryKey: [...registerKey(bestuurId), 'history', code],
    queryFn: () =>
      api<Page<AuditEvent>>(`/besturen/${bestuurId}/audit-events`, {
        query: { objectType: 'measure', objectId: code, page: 1, pageSize: 50 },
      }),
    enabled,
  });
}

/**
 * A measure's tracking feeds compliance, the CyFun pre-fill, the dashboard and the risks' measure
 * pickers: all are refetched after a change.
 */
function useRefresh(bestuurId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [
        registerKey(bestuurId),
        ['risks', bestuurId, 'measures'],
        ['compliance', bestuurId],
        ['dashboard', bestuurId],
      ].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
}

export function useUpdateMeasure(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: MeasureTrackingUpdate }) =>
      api<TrackedMeasure>(one(bestuurId, code), { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useBulkUpdate(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (body: { items: { code: string; version: number }[]; changes: BulkChanges }) =>
      api<{ updated: number }>(`${base(bestuurId)}/bulk`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAddComment(bestuurId: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<MeasureComment>(`${one(bestuurId, code)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKey(bestuurId) }),
  });
}

export function useAddEvidenceLink(bestuurId: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; url: string }) =>
      api<Evidence>(`${one(bestuurId, code)}/evidence-links`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKey(bestuurId) }),
  });
}

export function useDeleteEvidence(bestuurId: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${one(bestuurId, code)}/evidence/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKey(bestuurId) }),
  });
}

/** Sends a file as the request body; the client's `api` speaks JSON only. */
async function sendFile<T>(path: string, file: File, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...headers },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null);
  }
  const data = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const body = (data ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
    throw new ApiError(
      res.status,
      body.code ?? (res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL_ERROR'),
      body.message ?? i18n.t(res.status === 413 ? 'measures.evidence.tooLarge' : 'errors.unexpected'),
      body.details ?? null,
    );
  }
  return data as T;
}

function useCsrf() {
  const qc = useQueryClient();
  return (): Record<string, string> => {
    const token = qc.getQueryData<SessionInfo | null>(sessionQuery.queryKey)?.csrfToken;
    return token ? { 'X-CSRF-Token': token } : {};
  };
}

export function useUploadEvidence(bestuurId: string, code: string) {
  const qc = useQueryClient();
  const csrf = useCsrf();
  return useMutation({
    mutationFn: ({ file, title }: { file: File; title: string }) =>
      sendFile<Evidence>(`${one(bestuurId, code)}/evidence`, file, {
        ...csrf(),
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
        ...(title ? { 'X-Evidence-Title': encodeURIComponent(title) } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKey(bestuurId) }),
  });
}

export const evidenceUrl = (bestuurId: string, code: string, id: string) =>
  downloadUrl(`${one(bestuurId, code)}/evidence/${id}`);

export const exportUrl = (bestuurId: string) => downloadUrl(`${base(bestuurId)}/export`, { lang: currentLanguage() });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function useRegisterImport(bestuurId: string) {
  const csrf = useCsrf();
  const refresh = useRefresh(bestuurId);
  const send = (step: 'preview' | 'apply') => (file: File) =>
    sendFile<ImportResult>(`${base(bestuurId)}/import/${step}`, file, { ...csrf(), 'Content-Type': XLSX });
  const preview = useMutation({ mutationFn: send('preview') });
  const apply = useMutation({ mutationFn: send('apply'), onSuccess: refresh });
  return { preview, apply };
}
