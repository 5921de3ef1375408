import { vi, type Mock } from 'vitest';
import {
  ApiError,
  NetworkError,
  type CallInput,
  type Download,
  type HallClient,
  type RouteResponse,
} from '../client/hall-client';
import { fieldErrors } from '../contracts/errors';
import { routes, type RouteContract, type RouteName } from '../contracts/routes';

/** One route of the fake client: called with what the page passed to `call`, it answers as the route would. */
export type RouteMock<N extends RouteName> = Mock<(input: CallInput<N>) => Promise<RouteResponse<N>>>;

/** The typed client with one `vi.fn()` per route, by the route's name. */
export type FakeHallClient = HallClient & { readonly [N in RouteName]: RouteMock<N> };

type AnyInput = { params?: unknown; query?: unknown; body?: unknown; token?: string | null };

/**
 * The server as a page's tests see it: `call(name, input)` goes to that route's own `vi.fn()`, so a test answers and
 * inspects each route by name (`client.finish.mockRejectedValueOnce(…)`, `client.hall.mockResolvedValue(…)`).
 * The contract still holds at this edge, as with the real client and server: a request whose params or body the route
 * would refuse is refused with 400 validation_failed before the mock sees it, and an answer off the route's response
 * schema throws NetworkError, so a fixture that drifted from the contract fails its test rather than passing it.
 * A route whose answer the test never set rejects with an error naming it.
 */
export function fakeHallClient(): FakeHallClient {
  const mocks = Object.fromEntries(
    (Object.keys(routes) as RouteName[]).map((name) => [
      name,
      vi.fn(async (_input: AnyInput): Promise<unknown> => {
        throw new Error(`fakeHallClient: no answer set for route ${name}`);
      }),
    ]),
  ) as unknown as Record<RouteName, Mock<(input: AnyInput) => Promise<unknown>>>;

  const call = async (name: RouteName, input: AnyInput = {}): Promise<unknown> => {
    const route: RouteContract = routes[name];
    // The real client sends {} for a POST without a body; the server checks it like any other.
    const sent = {
      params: input.params,
      query: input.query ?? {},
      body: input.body ?? (route.method === 'POST' ? {} : undefined),
    };
    for (const part of ['params', 'query', 'body'] as const) {
      const checked = route[part]?.safeParse(sent[part]);
      if (checked && !checked.success) {
        throw new ApiError(400, 'validation_failed', `invalid ${part} for ${name}`, {
          fields: fieldErrors(checked.error),
        });
      }
    }
    const answer = await mocks[name](input);
    const parsed = route.response.safeParse(answer);
    if (!parsed.success) {
      throw new NetworkError(`fakeHallClient: the answer set for ${name} is off the contract: ${parsed.error.message}`);
    }
    return parsed.data;
  };

  /** A file route's mock answers the file's bytes (a Blob); the fake names it after the route. */
  const download = async (name: RouteName, input: AnyInput): Promise<Download> => {
    const blob = await call(name, input);
    return { blob: blob as Blob, filename: name };
  };

  return { ...mocks, call, download } as unknown as FakeHallClient;
}
