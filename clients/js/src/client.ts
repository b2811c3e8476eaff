import { MediagraphError, type GraphQLErrorEntry } from './errors.js';

/**
 * A GraphQL document that carries its result and variables types, as GraphQL Code Generator's
 * `TypedDocumentString` does; a plain string is accepted too.
 */
export type TypedDocument<TResult, TVariables> = (string | { toString(): string }) & {
  readonly __apiType?: (variables: TVariables) => TResult;
};

/** A document of the client's own, typed by its result. */
export type Doc<TResult> = TypedDocument<TResult, Record<string, unknown>>;

type ResultOf<D> = D extends TypedDocument<infer R, any> ? R : never;
type VariablesOf<D> = D extends TypedDocument<any, infer V> ? V : never;

export interface ClientOptions {
  /** Mediagraph's base URL, e.g. `http://localhost:8080`. */
  url: string;
  /** An API token; in a browser on a session, leave it out. */
  token?: string;
  /** Another fetch (tests, instrumentation); by default the global one. */
  fetch?: typeof fetch;
  /** Headers every GraphQL request carries. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export const requestIdHeader = 'X-Request-Id';
export const errorCodeHeader = 'Mediagraph-Error-Code';

export class Transport {
  readonly url: string;
  readonly fetch: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(options: ClientOptions) {
    if (!options.url) throw new TypeError('createClient: url is required');
    this.url = options.url.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.headers = { ...options.headers };
    if (options.token) this.headers.Authorization = `Bearer ${options.token}`;
  }

  async request<D extends TypedDocument<any, any>>(
    query: D,
    variables?: VariablesOf<D>,
    options: RequestOptions = {},
  ): Promise<ResultOf<D>> {
    const res = await this.fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { ...this.headers, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: String(query), variables: variables ?? {} }),
      signal: options.signal ?? null,
    });
    const requestId = res.headers.get(requestIdHeader) ?? undefined;
    const text = await res.text();
    let body: { data?: unknown; errors?: GraphQLErrorEntry[]; code?: string; message?: string; field?: string };
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new MediagraphError({
        message: `HTTP ${res.status}: the answer is not JSON`,
        code: res.headers.get(errorCodeHeader) ?? `HTTP_${res.status}`,
        requestId, status: res.status, cause,
      });
    }
    const first = body.errors?.[0];
    if (first) {
      throw new MediagraphError({
        message: first.message,
        code: first.extensions?.code ?? res.headers.get(errorCodeHeader) ?? 'UNKNOWN',
        field: first.extensions?.field,
        requestId, status: res.status, errors: body.errors ?? [], data: body.data,
      });
    }
    if (!res.ok || body.data === undefined) {
      throw new MediagraphError({
        message: body.message ?? `HTTP ${res.status}`,
        code: body.code ?? res.headers.get(errorCodeHeader) ?? `HTTP_${res.status}`,
        field: body.field, requestId, status: res.status,
      });
    }
    return body.data as ResultOf<D>;
  }
}
