import { queryOptions } from '@tanstack/react-query';
import { consoleFetch } from '@/shared/api/clients';
import { setCsrfToken } from '@/shared/api/csrf';

export interface DirectoryPerson {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  readonly status: string;
}

export interface SignInChoices {
  readonly people: DirectoryPerson[];
  readonly bootstrap: boolean;
  readonly businessUnits: { buId: string; name: string }[];
  readonly roles: string[];
}

export const authKeys = {
  all: ['console', 'auth'] as const,
  people: () => [...authKeys.all, 'people'] as const,
};

export const peopleQuery = queryOptions({
  queryKey: authKeys.people(),
  queryFn: () => consoleFetch<SignInChoices>('/api/auth/people'),
  staleTime: 0,
});

export const signIn = async (employeeId: string, roles: string[]) => {
  const session = await consoleFetch<{ csrfToken: string }>('/api/auth/dev-sign-in', {
    method: 'POST',
    body: JSON.stringify({ employeeId, roles }),
  });
  setCsrfToken(session.csrfToken);
  return session;
};

export const signInModeQuery = queryOptions({
  queryKey: [...authKeys.all, 'mode'] as const,
  queryFn: () => consoleFetch<{ mode: 'dev' | 'oidc' }>('/api/auth/mode'),
  staleTime: Infinity,
});
