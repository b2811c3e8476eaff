import { useState, type FormEvent } from 'react';
import { ErrorText } from '../lib/errors';
import { postAuth, type Session } from '../lib/session';
import { navigate } from '../lib/router';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice: string | null }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const withMember = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await postAuth('/auth/login', { email: f.get('email'), password: f.get('password') });
      onSignedIn({ kind: 'cookie', member: res.member ?? {} });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const withToken = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get('token') ?? '').trim();
    setError(null);
    // The token is checked before it is kept: a typo is reported here, not on the first page.
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ mediaSettings { defaultLocale } }' }),
    });
    const body = await res.json().catch(() => ({}));
    if (body.errors?.length || !res.ok) {
      const first = body.errors?.[0];
      setError({ message: first?.message ?? body.message ?? `HTTP ${res.status}`, code: first?.extensions?.code ?? body.code });
      return;
    }
    onSignedIn({ kind: 'token', token });
  };

  return (
    <main className="signin">
      <h1>Mediagraph</h1>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={withMember} aria-labelledby="member-h">
        <h2 id="member-h">Sign in</h2>
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
      <form onSubmit={withToken} aria-labelledby="token-h">
        <h2 id="token-h">Sign in with an API token</h2>
        <label>
          API token <input name="token" type="password" autoComplete="off" required />
        </label>
        <button type="submit">Use token</button>
      </form>
      <ErrorText error={error} />
    </main>
  );
}

export function Invite({ token }: { token: string }) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const accept = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (f.get('password') !== f.get('confirm')) {
      setError({ message: 'The passwords differ', code: 'VALIDATION_FAILED', field: 'password' });
      return;
    }
    try {
      await postAuth('/auth/invitation', { token, password: f.get('password') });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <main className="signin">
      <h1>Join Mediagraph</h1>
      {done ? (
        <p>
          Your account is ready. <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>Sign in</a>
        </p>
      ) : (
        <form onSubmit={accept}>
          <label>
            New password <input name="password" type="password" autoComplete="new-password" minLength={8} required />
          </label>
          <label>
            Repeat it <input name="confirm" type="password" autoComplete="new-password" minLength={8} required />
          </label>
          <button type="submit">Accept the invitation</button>
        </form>
      )}
      <ErrorText error={error} />
    </main>
  );
}
