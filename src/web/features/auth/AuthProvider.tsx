import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated } from '../../api/client.js';
import { logOut, sessionQuery } from './session.js';
import type { Me } from '../../api/types.js';
import { AuthContext, ME_QUERY_KEY, type AuthState, type SessionEndReason } from './authContext.js';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery(sessionQuery);

  const me = meQuery.data ?? null;
  const [endReason, setEndReason] = useState<SessionEndReason>(null);

  useEffect(() => {
    onUnauthenticated(() => {
      const wasSignedIn = queryClient.getQueryData(ME_QUERY_KEY) != null;
      if (!wasSignedIn) return;
      // RequireAuth sends the user to the login page, remembering where they were.
      setEndReason('expired');
      queryClient.setQueryData(ME_QUERY_KEY, null);
    });
    return () => onUnauthenticated(null);
  }, [queryClient]);

  const signedIn = useCallback(
    (user: Me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, user);
      setEndReason(null);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logOut();
    } catch {
      // Signing out locally is what matters; the session will expire on the server anyway.
    }
    // RequireAuth then sends the user to the login page without "return to this page".
    setEndReason('signed_out');
    queryClient.setQueryData(ME_QUERY_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
  }, [queryClient]);

  const refetchMe = meQuery.refetch;
  const reload = useCallback(() => {
    void refetchMe();
  }, [refetchMe]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      status: meQuery.isPending ? 'loading' : meQuery.isError && me === null ? 'error' : 'ready',
      error: meQuery.error,
      endReason,
      signedIn,
      signOut,
      reload,
    }),
    [me, meQuery.isPending, meQuery.isError, meQuery.error, endReason, signedIn, signOut, reload],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
