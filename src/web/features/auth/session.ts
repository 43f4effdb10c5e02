import { api, data, isApiError, setCsrfToken } from '../../api/client.js';
import type { Me, Session } from '../../api/types.js';
import { ME_QUERY_KEY } from './authContext.js';

/** Logs in; the session's CSRF token goes with every later write. */
export async function logIn(username: string, password: string): Promise<Session> {
  const session = await data(api.POST('/api/v1/auth/login', { body: { username, password } }));
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logOut(): Promise<void> {
  try {
    await data(api.POST('/api/v1/auth/logout'));
  } finally {
    setCsrfToken(null);
  }
}

export async function getSession(): Promise<Session> {
  const session = await data(api.GET('/api/v1/auth/me'));
  setCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user, or null when nobody is (401). */
async function loadMe(): Promise<Me | null> {
  try {
    return (await getSession()).user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The session query, shared by AuthProvider and App.tsx (which starts it before the first render, alongside the page's code). */
export const sessionQuery = { queryKey: ME_QUERY_KEY, queryFn: loadMe, retry: false, staleTime: Infinity } as const;
