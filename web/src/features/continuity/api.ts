import type {
  ApplicationRecovery,
  ApplicationRecoveryUpdate,
  Bia,
  BiaFramework,
  BiaList,
  BiaUpdate,
  ContinuityCheck,
  ContinuitySettings,
  ContinuitySettingsUpdate,
  Exercise,
  ExerciseUpdate,
  NewExercise,
  Plan,
  PlanUpdate,
  Review,
  ReviewSummary,
  SelfEvaluation,
  SelfEvaluationQuestion,
  SelfEvaluationSummary,
  StrategyUpdate,
} from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from '../../api/client';

interface Items<T> {
  items: T[];
}
type Parsed<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type Question = Parsed<typeof SelfEvaluationQuestion>;
export type EvaluationSummary = Parsed<typeof SelfEvaluationSummary>;
export type Framework = Parsed<typeof BiaFramework>;
export type BiaOverview = Parsed<typeof BiaList>;
export type BiaBody = Parsed<typeof BiaUpdate>;
export type SettingsBody = Parsed<typeof ContinuitySettingsUpdate>;
export type PlanBody = Parsed<typeof PlanUpdate>;
export type StrategyBody = Parsed<typeof StrategyUpdate>;
export type RecoveryBody = Parsed<typeof ApplicationRecoveryUpdate>;
export type ExerciseBody = Parsed<typeof NewExercise>;
export type ExercisePatch = Parsed<typeof ExerciseUpdate>;
export type ReviewItem = Parsed<typeof ReviewSummary>;
export type { ApplicationRecovery, Bia, ContinuityCheck, ContinuitySettings, Exercise, Plan, Review, SelfEvaluation };

const base = (bestuurId: string) => `/besturen/${bestuurId}/continuity`;
const key = (bestuurId: string, ...rest: string[]) => ['continuity', bestuurId, ...rest];

export function useQuestions() {
  return useQuery({
    queryKey: ['continuity', 'questions'],
    queryFn: async () => (await api<Items<Question>>('/continuity/self-evaluation/questions')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useEvaluations(bestuurId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'evaluations'),
    queryFn: async () => (await api<Items<EvaluationSummary>>(`${base(bestuurId)}/self-evaluations`)).items,
  });
}

export function useEvaluation(bestuurId: string, id: string | null) {
  return useQuery({
    queryKey: key(bestuurId, 'evaluations', id ?? ''),
    queryFn: () => api<SelfEvaluation>(`${base(bestuurId)}/self-evaluations/${id}`),
    enabled: id !== null,
  });
}

export function useFramework(bestuurId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'framework'),
    queryFn: () => api<Framework>(`${base(bestuurId)}/bia-framework`),
  });
}

export function useBiaList(bestuurId: string) {
  return useQuery({ queryKey: key(bestuurId, 'bia'), queryFn: () => api<BiaOverview>(`${base(bestuurId)}/bia`) });
}

export function useBia(bestuurId: string, processId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'bia', processId),
    queryFn: () => api<Bia>(`${base(bestuurId)}/bia/${processId}`),
  });
}

export function useChecks(bestuurId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'checks'),
    queryFn: async () => (await api<Items<ContinuityCheck>>(`${base(bestuurId)}/checks`)).items,
  });
}

export function usePlan(bestuurId: string) {
  return useQuery({ queryKey: key(bestuurId, 'plan'), queryFn: () => api<Plan>(`${base(bestuurId)}/plan`) });
}

export function useRecovery(bestuurId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'applications'),
    queryFn: async () => (await api<Items<ApplicationRecovery>>(`${base(bestuurId)}/applications`)).items,
  });
}

export function useReviews(bestuurId: string) {
  return useQuery({
    queryKey: key(bestuurId, 'reviews'),
    queryFn: async () => (await api<Items<ReviewItem>>(`${base(bestuurId)}/reviews`)).items,
  });
}

export function useReview(bestuurId: string, id: string | null) {
  return useQuery({
    queryKey: key(bestuurId, 'reviews', id ?? ''),
    queryFn: () => api<Review>(`${base(bestuurId)}/reviews/${id}`),
    enabled: id !== null,
  });
}

/** Every change can move a check, a status or the plan: refresh all of the bestuur's continuity data. */
export function useRefresh(bestuurId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['continuity', bestuurId] });
}

function useSave<B, R>(bestuurId: string, send: (body: B) => Promise<R>) {
  const refresh = useRefresh(bestuurId);
  return useMutation({ mutationFn: send, onSuccess: refresh });
}

export const useSaveEvaluation = (bestuurId: string) =>
  useSave(bestuurId, (body: { answers: { questionId: string; answer: string; note: string | null }[] }) =>
    api<SelfEvaluation>(`${base(bestuurId)}/self-evaluations`, { method: 'POST', body }),
  );

export const useSaveSettings = (bestuurId: string) =>
  useSave(bestuurId, (body: SettingsBody) =>
    api<ContinuitySettings>(`${base(bestuurId)}/settings`, { method: 'PUT', body }),
  );

export const useSaveBia = (bestuurId: string, processId: string) =>
  useSave(bestuurId, (body: BiaBody) => api<Bia>(`${base(bestuurId)}/bia/${processId}`, { method: 'PUT', body }));

export const useSavePlan = (bestuurId: string) =>
  useSave(bestuurId, (body: PlanBody) => api<Plan>(`${base(bestuurId)}/plan`, { method: 'PATCH', body }));

export const useSaveStrategy = (bestuurId: string) =>
  useSave(bestuurId, ({ processId, body }: { processId: string; body: StrategyBody }) =>
    api<unknown>(`${base(bestuurId)}/plan/strategies/${processId}`, { method: 'PUT', body }),
  );

export const useSaveRecovery = (bestuurId: string) =>
  useSave(bestuurId, ({ applicationId, body }: { applicationId: string; body: RecoveryBody }) =>
    api<ApplicationRecovery>(`${base(bestuurId)}/applications/${applicationId}`, { method: 'PUT', body }),
  );

export const useSaveExercise = (bestuurId: string) =>
  useSave(bestuurId, ({ id, body }: { id?: string; body: ExerciseBody | ExercisePatch }) =>
    id
      ? api<Exercise>(`${base(bestuurId)}/exercises/${id}`, { method: 'PATCH', body })
      : api<Exercise>(`${base(bestuurId)}/exercises`, { method: 'POST', body }),
  );

export const useDeleteExercise = (bestuurId: string) =>
  useSave(bestuurId, (e: Exercise) =>
    api<void>(`${base(bestuurId)}/exercises/${e.id}`, { method: 'DELETE', query: { version: e.version } }),
  );

export const useSubmitReview = (bestuurId: string) =>
  useSave(bestuurId, (body: { subject: 'bia' | 'plan'; message: string | null }) =>
    api<Review>(`${base(bestuurId)}/reviews`, { method: 'POST', body }),
  );

export const useBestuurComment = (bestuurId: string) =>
  useSave(bestuurId, ({ id, section, body }: { id: string; section: string | null; body: string }) =>
    api<Review>(`${base(bestuurId)}/reviews/${id}/comments`, { method: 'POST', body: { section, body } }),
  );

export const planDocUrl = (bestuurId: string, format: 'docx' | 'pdf') =>
  downloadUrl(`${base(bestuurId)}/plan/${format}`);

// ---------------------------------------------------------------- the coach's side

const region = '/region/continuity/reviews';

export function useRegionReviews(state?: string) {
  return useQuery({
    queryKey: ['continuity-region', 'list', state ?? ''],
    queryFn: async () => (await api<Items<ReviewItem>>(region, { query: { state } })).items,
  });
}

export function useRegionReview(id: string) {
  return useQuery({
    queryKey: ['continuity-region', 'review', id],
    queryFn: () => api<Review>(`${region}/${id}`),
  });
}

function useRegionSave<B>(send: (body: B) => Promise<Review>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['continuity-region'] }),
  });
}

export const useCoachComment = (id: string) =>
  useRegionSave((body: { section: string | null; body: string }) =>
    api<Review>(`${region}/${id}/comments`, { method: 'POST', body }),
  );

export const useCoachDecision = (id: string) =>
  useRegionSave((body: { version: number; decision: 'teruggestuurd' | 'aanvaard'; message: string | null }) =>
    api<Review>(`${region}/${id}/decision`, { method: 'POST', body }),
  );
