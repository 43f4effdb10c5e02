import { createContext, useContext } from 'react';
import type { Me } from '../../api/types.js';

export type SessionEndReason = 'signed_out' | 'expired' | null;

export interface AuthState {
  /** null when nobody is signed in. */
  me: Me | null;
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  /** Why the last session ended: decides what the login page says and where it returns to. */
  endReason: SessionEndReason;
  /** Called after a successful login. */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  reload: () => void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

export const ME_QUERY_KEY = ['auth', 'me'] as const;
