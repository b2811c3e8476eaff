import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateTokenMutation, RevokeTokenMutation, TokensQuery } from '../ops';
import type { Role } from '../gql/graphql';
import { ErrorText } from '../lib/errors';
import { date } from '../lib/format';

export function TokensPage() {
  const [{ data, error }] = useQuery({ query: TokensQuery });
  const [, create] = useMutation(CreateTokenMutation);
  const [, revoke] = useMutation(RevokeTokenMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const [secret, setSecret] = useState('');
  return (
    <section className="admin" aria-labelledby="tokens-h">
      <h1 id="tokens-h">API tokens</h1>
      <ErrorText error={error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const r = await create({ input: { name: String(f.get('name')), role: f.get('role') as Role } });
          setProblem(r.error ?? null);
          setSecret(r.data?.createApiToken.secret ?? '');
        }}
      >
        <label>Name <input name="name" required /></label>
        <label>
          Role
          <select name="role" defaultValue="DELIVERY">
            <option>DELIVERY</option>
            <option>EDITOR</option>
            <option>ADMIN</option>
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      {secret && <p role="status">New token (shown once): <code>{secret}</code></p>}
      <ErrorText error={problem} />
      <table>
        <thead><tr><th>Name</th><th>Role</th><th>Created</th><th>Last used</th><th>State</th></tr></thead>
        <tbody>
          {data?.apiTokens?.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td><td>{t.role}</td><td>{date(t.createdAt)}</td><td>{date(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? `revoked ${date(t.revokedAt)}` : (
                  <button type="button" onClick={async () => {
                    if (!confirm(`Revoke ${t.name}?`)) return;
                    const r = await revoke({ id: t.id });
                    setProblem(r.error ?? null);
                  }}>Revoke</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
