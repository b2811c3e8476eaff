import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateWebhookMutation, DeleteWebhookMutation, WebhooksQuery } from '../ops';
import { ErrorText } from '../lib/errors';

export function WebhooksPage() {
  const [{ data, error }] = useQuery({ query: WebhooksQuery });
  const [, create] = useMutation(CreateWebhookMutation);
  const [, remove] = useMutation(DeleteWebhookMutation);
  const [problem, setProblem] = useState<unknown>(null);
  const [secret, setSecret] = useState('');
  return (
    <section className="admin" aria-labelledby="hooks-h">
      <h1 id="hooks-h">Webhooks</h1>
      <ErrorText error={error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const events = f.getAll('events').map(String);
          const r = await create({ input: { name: String(f.get('name')), url: String(f.get('url')), ...(events.length ? { events } : {}) } });
          setProblem(r.error ?? null);
          setSecret(r.data?.createWebhook.secret ?? '');
        }}
      >
        <label>Name <input name="name" required /></label>
        <label>URL <input name="url" type="url" required /></label>
        <fieldset>
          <legend>Events (none: all)</legend>
          {data?.webhookEventNames.map((n) => (
            <label key={n} className="check"><input type="checkbox" name="events" value={n} /> {n}</label>
          ))}
        </fieldset>
        <button type="submit">Create webhook</button>
      </form>
      {secret && <p role="status">Signing secret (shown once): <code>{secret}</code></p>}
      <ErrorText error={problem} />
      <table>
        <thead><tr><th>Name</th><th>URL</th><th>Events</th><th>State</th><th><span className="sr">Actions</span></th></tr></thead>
        <tbody>
          {data?.webhooks.map((w) => (
            <tr key={w.id}>
              <td>{w.name}</td><td>{w.url}</td><td>{w.events.join(', ') || 'all'}</td>
              <td>{w.enabled ? 'enabled' : `disabled${w.disabledReason ? `: ${w.disabledReason}` : ''}`}{w.failureCount ? ` · ${w.failureCount} failures` : ''}</td>
              <td>
                <button type="button" onClick={async () => {
                  if (!confirm(`Delete ${w.name}?`)) return;
                  const r = await remove({ id: w.id });
                  setProblem(r.error ?? null);
                }}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
