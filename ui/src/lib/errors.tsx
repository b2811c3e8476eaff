// Every refusal the API gives is shown with its message and code, never swallowed.
import type { CombinedError } from 'urql';

export interface Shown {
  message: string;
  code?: string;
  field?: string;
}

export function describe(err: unknown): Shown | null {
  if (!err) return null;
  const c = err as CombinedError;
  if (c.graphQLErrors?.length) {
    const first = c.graphQLErrors[0]!;
    return { message: first.message, code: first.extensions?.code as string | undefined, field: first.extensions?.field as string | undefined };
  }
  if (c.networkError) return { message: c.networkError.message, code: 'NETWORK' };
  const e = err as { message?: string; code?: string; field?: string };
  return { message: e.message ?? String(err), code: e.code, field: e.field };
}

export function ErrorText({ error }: { error: unknown }) {
  const d = describe(error);
  if (!d) return null;
  return (
    <p className="error" role="alert">
      {d.message}
      {d.code && <code> {d.code}</code>}
      {d.field && <span> (field {d.field})</span>}
    </p>
  );
}
