import type {
  DiagramInfo,
  ErrorCode,
  IpdcConcept,
  IpdcImportResult,
  IpdcProductType,
  IpdcTheme,
  ProcessProducts,
  SessionInfo,
} from '@baken/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, currentLanguage, downloadUrl, type QueryValue, queryString } from '../../api/client';
import { sessionQuery } from '../../api/session';
import type { Page } from '../../api/types';
import i18n from '../../i18n';

export interface ConceptFilter {
  page: number;
  pageSize: number;
  q?: string;
  type?: IpdcProductType;
  theme?: IpdcTheme;
}

export function useIpdcConcepts(filter: ConceptFilter, enabled = true) {
  return useQuery({
    queryKey: ['ipdc-concepts', filter],
    queryFn: () => api<Page<IpdcConcept>>('/catalog/ipdc-concepts', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = ((await res.json().catch(() => undefined)) ?? {}) as {
    code?: ErrorCode;
    message?: string;
    details?: unknown;
  };
  return new ApiError(
    res.status,
    body.code ?? 'INTERNAL_ERROR',
    body.message ?? i18n.t('errors.unexpected'),
    body.details ?? null,
  );
}

/** Sends a file itself as the body (the client's `api` speaks JSON only). */
async function sendFile<T>(
  method: 'POST' | 'PUT',
  path: string,
  file: Blob,
  contentType: string,
  query: Record<string, QueryValue>,
  csrfToken: string | undefined,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': contentType,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

function useCsrf() {
  const qc = useQueryClient();
  return () => qc.getQueryData<SessionInfo | null>(sessionQuery.queryKey)?.csrfToken;
}

/** A dry run counts what the file would change; the real import writes it. */
export function useImportIpdc() {
  const qc = useQueryClient();
  const csrf = useCsrf();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      sendFile<IpdcImportResult>(
        'POST',
        '/catalog/ipdc-concepts/import',
        file,
        'text/csv',
        { dryRun, fileName: file.name },
        csrf(),
      ),
    onSuccess: (result) => {
      if (!result.dryRun) void qc.invalidateQueries({ queryKey: ['ipdc-concepts'] });
    },
  });
}

const productsKey = (bestuurId: string, processId: string) => ['process-products', bestuurId, processId];

export function useProcessProducts(bestuurId: string, processId: string) {
  return useQuery({
    queryKey: productsKey(bestuurId, processId),
    queryFn: () => api<ProcessProducts>(`/besturen/${bestuurId}/processes/${processId}/products`),
  });
}

export function useSetProcessProducts(bestuurId: string, processId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (conceptIds: string[]) =>
      api<ProcessProducts>(`/besturen/${bestuurId}/processes/${processId}/products`, {
        method: 'PUT',
        body: { conceptIds },
      }),
    onSuccess: (data) => qc.setQueryData(productsKey(bestuurId, processId), data),
  });
}

const diagramPath = (bestuurId: string, processId: string) => `/besturen/${bestuurId}/processes/${processId}/diagram`;
const diagramKey = (bestuurId: string, processId: string) => ['process-diagram', bestuurId, processId];

export function useDiagramInfo(bestuurId: string, processId: string) {
  return useQuery({
    queryKey: [...diagramKey(bestuurId, processId), 'info'],
    queryFn: async () =>
      (await api<{ diagram: DiagramInfo | null }>(`${diagramPath(bestuurId, processId)}/info`)).diagram,
  });
}

/** The BPMN XML of a diagram; keyed by its version so a replaced file is fetched anew. */
export function useDiagramXml(bestuurId: string, processId: string, version: number | undefined) {
  return useQuery({
    queryKey: [...diagramKey(bestuurId, processId), 'xml', version],
    queryFn: async () => {
      let res: Response;
      try {
        res = await fetch(`/api${diagramPath(bestuurId, processId)}`, {
          credentials: 'same-origin',
          headers: { Accept: 'application/xml', 'Accept-Language': currentLanguage() },
        });
      } catch {
        throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null);
      }
      if (!res.ok) throw await errorOf(res);
      return res.text();
    },
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const diagramDownloadUrl = (bestuurId: string, processId: string) =>
  downloadUrl(diagramPath(bestuurId, processId));

export function useUploadDiagram(bestuurId: string, processId: string) {
  const qc = useQueryClient();
  const csrf = useCsrf();
  return useMutation({
    mutationFn: ({ file, version }: { file: File; version?: number }) =>
      sendFile<DiagramInfo>(
        'PUT',
        diagramPath(bestuurId, processId),
        file,
        'application/xml',
        { fileName: file.name, version },
        csrf(),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: diagramKey(bestuurId, processId) }),
  });
}

export function useDeleteDiagram(bestuurId: string, processId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<void>(diagramPath(bestuurId, processId), { method: 'DELETE', query: { version } }),
    onSettled: () => qc.invalidateQueries({ queryKey: diagramKey(bestuurId, processId) }),
  });
}
