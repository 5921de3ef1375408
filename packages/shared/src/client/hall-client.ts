import type { z } from 'zod';
import { ErrorBody, type ErrorCode, type FieldError } from '../contracts/errors';
import { routes, type RouteContract, type RouteName, type Routes } from '../contracts/routes';

/**
 * The server refused the request (a 4xx with an error body): final for that request. Its status, code, message, the
 * fields a validation error named and, for refusals with a time in them (closed until …), when it opens again.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly fields: FieldError[];
  readonly opensAt: string | null;
  /** A limit met (429): whole seconds to wait before trying again; null otherwise. */
  readonly retryAfterSeconds: number | null;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    details: { fields?: FieldError[]; opensAt?: string | null; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.fields = details.fields ?? [];
    this.opensAt = details.opensAt ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}

/**
 * No usable answer (network down, timeout, a server error, an answer off the contract): the request may or may not
 * have been applied, so a page retries it with the same requestId rather than tell anyone what the server did not say.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

type Input<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? z.input<S>
  : never;

/** What a call of route `N` needs: its path parameters, query and body, each only when the route has one. */
export type CallInput<N extends RouteName> = ([Input<Routes[N], 'params'>] extends [never]
  ? { params?: undefined }
  : { params: Input<Routes[N], 'params'> }) &
  ([Input<Routes[N], 'query'>] extends [never] ? { query?: undefined } : { query: Input<Routes[N], 'query'> }) &
  ([Input<Routes[N], 'body'>] extends [never] ? { body?: undefined } : { body: Input<Routes[N], 'body'> }) & {
    /** The bearer token for this call (a staff token), over the client's; null sends none. */
    token?: string | null;
  };

export type RouteResponse<N extends RouteName> = z.infer<Routes[N]['response']>;

/** Routes whose call needs nothing but, perhaps, a token. */
type BareRoute = {
  [N in RouteName]: Routes[N] extends { params: z.ZodType } | { query: z.ZodType } | { body: z.ZodType } ? never : N;
}[RouteName];

/** Routes that answer a file (`produces`), fetched with `download` rather than `call`. */
export type FileRouteName = {
  [N in RouteName]: Routes[N] extends { produces: string } ? N : never;
}[RouteName];
type JsonRouteName = Exclude<RouteName, FileRouteName>;

/** A downloaded file: its bytes and the name the server gave it (the UTF-8 `filename*` where it sent one). */
export interface Download {
  blob: Blob;
  filename: string;
}

/** One typed call per route of `routes.ts`: the name gives the path, method, body and the schema of the answer. */
export interface HallClient {
  call<N extends Exclude<BareRoute, FileRouteName>>(name: N, input?: CallInput<N>): Promise<RouteResponse<N>>;
  call<N extends JsonRouteName>(name: N, input: CallInput<N>): Promise<RouteResponse<N>>;
  /** A file route's answer (a page saves it; a link could not send the staff token). */
  download<N extends FileRouteName>(name: N, input: CallInput<N>): Promise<Download>;
}

export interface HallClientOptions {
  /** How long a page waits for an answer before it says "try again". */
  timeoutMs: number;
  /** Sent as the bearer token when a call names none: a device key. */
  token?: string;
  /** The server's origin, for clients outside its pages (tests, benchmarks); pages leave it empty. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The route's path with each `:name` replaced by its parameter, encoded. */
export function routePath(name: RouteName, params: Record<string, unknown> | undefined): string {
  return routes[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new TypeError(`route ${name} needs the path parameter "${key}"`);
    return encodeURIComponent(String(value));
  });
}

/** `?key=value&…` for a query's defined values, or '' without any. */
function queryString(query: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
  return pairs.length === 0
    ? ''
    : `?${new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}

/** The file name of a Content-Disposition header: RFC 5987's `filename*=UTF-8''…` over the plain `filename`. */
export function dispositionFilename(header: string | null): string | null {
  const extended = header && /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]!);
  const plain = header && /filename="([^"]*)"/i.exec(header);
  return plain ? plain[1]! : null;
}

/** A call's input as the client sends it, whichever route it is for (each call's own type is `CallInput`). */
type AnyInput = { params?: unknown; query?: unknown; body?: unknown; token?: string | null };

/** The error body of a refusal as an `ApiError`, or null when the body is not one. */
function refusalOf(status: number, body: unknown): ApiError | null {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return null;
  const { code, message, fields, opensAt, retryAfterSeconds } = parsed.data.error;
  return new ApiError(status, code, message, { fields, opensAt, retryAfterSeconds });
}

/**
 * The queue-server client of every page, the phone page, the e2e scenarios and the benches. Only a refusal — a 4xx
 * with an error body — throws `ApiError`; anything else throws `NetworkError`.
 */
export function createHallClient(options: HallClientOptions): HallClient {
  // Looked up per call, not bound once, so a test's stubbed global fetch is the one used.
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const send = async (name: RouteName, input: AnyInput, accept: string): Promise<Response> => {
    const route: RouteContract = routes[name];
    const token = input.token === undefined ? (options.token ?? null) : input.token;
    const body = route.method === 'POST' ? (input.body ?? {}) : undefined;
    const path =
      routePath(name, input.params as Record<string, unknown> | undefined) +
      queryString(input.query as Record<string, unknown> | undefined);
    let res: Response;
    try {
      res = await fetchImpl(`${options.baseUrl ?? ''}${path}`, {
        method: route.method,
        headers: {
          accept,
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    if (!res.ok) {
      const json: unknown = await res.json().catch(() => null);
      const refusal = res.status < 500 ? refusalOf(res.status, json) : null;
      throw refusal ?? new NetworkError(`HTTP ${res.status} from ${route.method} ${route.path}`);
    }
    return res;
  };
  const call = async (name: RouteName, input: AnyInput = {}) => {
    const route = routes[name];
    const res = await send(name, input, 'application/json');
    const json: unknown = await res.json().catch(() => null);
    const parsed = route.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new NetworkError(
        `unexpected answer from ${route.method} ${route.path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    return parsed.data;
  };
  const download = async (name: FileRouteName, input: AnyInput): Promise<Download> => {
    const route = routes[name];
    const res = await send(name, input, route.produces);
    try {
      const blob = await res.blob();
      return { blob, filename: dispositionFilename(res.headers.get('content-disposition')) ?? name };
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
  };
  return { call, download } as HallClient;
}
