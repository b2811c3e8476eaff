// Members and roles for admins (invite → the one-time link to pass on, deactivate; roles with their
// permissions), and every member's own sessions with revoke.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CreateMemberMutation, CreateRoleMutation, DeactivateMemberMutation, MembersQuery, MySessionsQuery, RevokeSessionMutation,
} from '../ops';
import type { PermissionScope, PermissionsInput } from '../gql/graphql';
import { ErrorText } from '../lib/errors';
import { date } from '../lib/format';

const scopes = ['readMedia', 'writeMedia', 'deleteMedia'] as const;
const flags = ['publishMedia', 'manageTags', 'manageCollections', 'manageTokens', 'manageWebhooks', 'manageSettings', 'moderate'] as const;

export function MembersPage() {
  // Network only: members invited or deactivated elsewhere show up on each visit.
  const [{ data, error }, refetch] = useQuery({ query: MembersQuery, requestPolicy: 'network-only' });
  const [, createMember] = useMutation(CreateMemberMutation);
  const [, deactivate] = useMutation(DeactivateMemberMutation);
  const [, createRole] = useMutation(CreateRoleMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const [link, setLink] = useState('');
  const roles = data?.roles ?? [];

  const invite = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const r = await createMember({ input: { email: String(f.get('email')), name: String(f.get('name') || '') || null, roleId: String(f.get('roleId')) } });
    setProblem(r.error ?? null);
    if (r.data) {
      setLink(r.data.createMember.invitationUrl);
      form.reset();
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const addRole = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const permissions: PermissionsInput = {};
    for (const s of scopes) permissions[s] = f.get(s) as PermissionScope;
    for (const k of flags) permissions[k] = f.get(k) === 'on';
    const r = await createRole({ input: { name: String(f.get('roleName')), permissions } });
    setProblem(r.error ?? null);
    if (r.data) {
      form.reset();
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section className="admin" aria-labelledby="members-h">
      <h1 id="members-h">Members and roles</h1>
      <ErrorText error={error} />
      <h2>Members</h2>
      <form onSubmit={invite} aria-label="Invite a member">
        <label>Email <input name="email" type="email" required /></label>
        <label>Name <input name="name" /></label>
        <label>
          Role
          <select name="roleId" required defaultValue="">
            <option value="" disabled>role…</option>
            {roles.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <button type="submit">Invite</button>
      </form>
      {link && (
        <p role="status">
          Invitation link (usable once, for 7 days): <code data-invitation>{link}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>Copy link</button>
        </p>
      )}
      <ErrorText error={problem} />
      <table>
        <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Invited</th><th>State</th></tr></thead>
        <tbody>
          {data?.members?.map((m) => (
            <tr key={m.id} data-member={m.email}>
              <td>{m.email}</td><td>{m.name}</td><td>{m.role.name}</td><td>{date(m.createdAt)}</td>
              <td>
                {m.deactivatedAt ? `deactivated ${date(m.deactivatedAt)}` : (
                  <button type="button" aria-label={`Deactivate ${m.email}`} onClick={async () => {
                    if (!confirm(`Deactivate ${m.email}? Their sessions end at once.`)) return;
                    const r = await deactivate({ id: m.id });
                    setProblem(r.error ?? null);
                  }}>Deactivate</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Roles</h2>
      <table>
        <thead>
          <tr><th>Role</th>{scopes.map((s) => <th key={s}>{s}</th>)}<th>May also</th></tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.id} data-role={r.name}>
              <td>{r.name}{r.builtIn && ' (built in)'}</td>
              {scopes.map((s) => <td key={s}>{r.permissions[s]}</td>)}
              <td>{flags.filter((k) => r.permissions[k]).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={addRole} aria-label="Create a role" className="role-form">
        <label>Role name <input name="roleName" required /></label>
        {scopes.map((s) => (
          <label key={s}>
            {s}
            <select name={s} defaultValue="NONE">
              <option>ALL</option><option>OWN</option><option>NONE</option>
            </select>
          </label>
        ))}
        {flags.map((k) => (
          <label key={k}><input type="checkbox" name={k} /> {k}</label>
        ))}
        <button type="submit">Create role</button>
      </form>
    </section>
  );
}

export function SessionsPage() {
  const [{ data, error }] = useQuery({ query: MySessionsQuery, requestPolicy: 'network-only' });
  const [, revoke] = useMutation(RevokeSessionMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const [gone, setGone] = useState<string[]>([]);
  const live = (data?.mySessions ?? []).filter((s) => !gone.includes(s.id));
  return (
    <section className="admin" aria-labelledby="sessions-h">
      <h1 id="sessions-h">My sessions</h1>
      <ErrorText error={error} />
      <ErrorText error={problem} />
      {data && !live.length && <p>No browser sessions: this tab uses an API token.</p>}
      <table>
        <thead><tr><th>Browser</th><th>Signed in</th><th>Last used</th><th>Ends</th><th><span className="sr">Actions</span></th></tr></thead>
        <tbody>
          {live.map((s) => (
            <tr key={s.id} data-session={s.id}>
              <td>{s.userAgent ?? 'unknown'}</td><td>{date(s.createdAt)}</td><td>{date(s.lastUsedAt)}</td><td>{date(s.expiresAt)}</td>
              <td>
                <button type="button" aria-label={`Revoke session ${s.id}`} onClick={async () => {
                  const r = await revoke({ id: s.id });
                  setProblem(r.error ?? null);
                  if (!r.error) setGone((g) => [...g, s.id]);
                }}>Revoke</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
