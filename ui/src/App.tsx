import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApi, type Api } from './lib/api';
import { loadSession, postAuth, saveSession, type Session } from './lib/session';
import { useLocation } from './lib/router';
import { SignIn, Invite } from './pages/SignIn';
import { Shell } from './Shell';
import { ApiContext } from './lib/context';

export function App() {
  const { path } = useLocation();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [ended, setEnded] = useState(false);
  const signOut = async () => {
    if (session?.kind === 'cookie') await postAuth('/auth/logout', {}).catch(() => undefined);
    saveSession(null);
    setSession(null);
  };
  const api = useMemo<Api | null>(
    () =>
      session
        ? createApi(session, () => {
            saveSession(null);
            setSession(null);
            setEnded(true);
          })
        : null,
    [session],
  );
  useEffect(() => () => api?.close(), [api]);

  if (path.startsWith('/invite/')) return <Invite token={decodeURIComponent(path.slice('/invite/'.length))} />;
  if (!session || !api) {
    return (
      <SignIn
        notice={ended ? 'Your session ended: sign in again.' : null}
        onSignedIn={(s) => {
          setEnded(false);
          saveSession(s);
          setSession(s);
        }}
      />
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <Provider value={api.urql}>
        <Shell session={session} onSignOut={signOut} />
      </Provider>
    </ApiContext.Provider>
  );
}
