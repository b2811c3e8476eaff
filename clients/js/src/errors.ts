/** One GraphQL error as the server words it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * A refusal by Mediagraph: `code` and `field` are the error's `extensions.code` and
 * `extensions.field` (or, for a signed PUT, the `Mediagraph-Error-Code` header), `requestId` the
 * `X-Request-Id` the server logged the request under, to quote when reporting it.
 */
export class MediagraphError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  readonly status: number | undefined;
  /** Every error of the answer, the first of which is this one's message. */
  readonly errors: GraphQLErrorEntry[];
  /** What the answer's `data` held beside the errors. */
  readonly data: unknown;

  constructor(init: {
    message: string;
    code: string;
    field?: string | undefined;
    requestId?: string | undefined;
    status?: number | undefined;
    errors?: GraphQLErrorEntry[];
    data?: unknown;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MediagraphError';
    this.code = init.code;
    this.field = init.field;
    this.requestId = init.requestId;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.data = init.data;
  }
}

/** The rejection of an upload stopped by its AbortSignal or by `.cancel()` on its promise. */
export class CanceledPromiseError extends Error {
  constructor(message = 'the upload was canceled', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CanceledPromiseError';
  }
}

/** A promise that can be canceled, as DatoCMS's client returns from its uploads. */
export interface CancelablePromise<T> extends Promise<T> {
  /** Stops the work; the promise rejects with a CanceledPromiseError. */
  cancel(reason?: string): void;
}

export function isAbort(err: unknown): boolean {
  return err instanceof CanceledPromiseError || (err instanceof Error && err.name === 'AbortError');
}
