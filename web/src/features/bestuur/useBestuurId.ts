import { useParams } from '@tanstack/react-router';

export function useBestuurId(): string {
  const { bestuurId } = useParams({ strict: false }) as { bestuurId?: string };
  if (!bestuurId) throw new Error('useBestuurId outside /b/$bestuurId');
  return bestuurId;
}
