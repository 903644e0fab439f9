import type {
  BulkClassifyItem,
  BulkClassifyResult,
  ClassificationSheet,
  ErrorCode,
  ImportApplyResult,
  ImportPreview,
  SessionInfo,
} from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { ApiError, api, currentLanguage, downloadUrl } from '../../api/client';
import { sessionQuery } from '../../api/session';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sheetKey = (bestuurId: string) => ['classification', bestuurId];

export function useClassificationSheet(bestuurId: string) {
  return useQuery({
    queryKey: sheetKey(bestuurId),
    queryFn: () => api<ClassificationSheet>(`/besturen/${bestuurId}/classification`),
  });
}

/** A classification changes the process list and the required measures too: all are refetched. */
function useRefresh(bestuurId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [sheetKey(bestuurId), ['processes', bestuurId], ['required-measures', bestuurId]].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
}

export function useBulkClassify(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (items: BulkClassifyItem[]) =>
      api<BulkClassifyResult>(`/besturen/${bestuurId}/assets/classify`, { method: 'POST', body: { items } }),
    onSuccess: refresh,
  });
}

export const exportUrl = (bestuurId: string) =>
  downloadUrl(`/besturen/${bestuurId}/processes/export`, { lang: currentLanguage() });

/** Sends the workbook itself as the body; the client's `api` speaks JSON only. */
async function upload<T>(path: string, file: File, csrfToken: string | undefined): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': XLSX,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
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
      body.code ?? 'INTERNAL_ERROR',
      body.message ?? i18n.t('errors.unexpected'),
      body.details ?? null,
    );
  }
  return data as T;
}

export function useImport(bestuurId: string) {
  const qc = useQueryClient();
  const refresh = useRefresh(bestuurId);
  const csrf = () => qc.getQueryData<SessionInfo | null>(sessionQuery.queryKey)?.csrfToken;
  const preview = useMutation({
    mutationFn: (file: File) => upload<ImportPreview>(`/besturen/${bestuurId}/processes/import/preview`, file, csrf()),
  });
  const apply = useMutation({
    mutationFn: (file: File) =>
      upload<ImportApplyResult>(`/besturen/${bestuurId}/processes/import/apply`, file, csrf()),
    onSuccess: refresh,
  });
  return { preview, apply };
}
