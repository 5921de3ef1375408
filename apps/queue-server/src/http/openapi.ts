import { z } from 'zod';
import type { RouteContract } from '@hallq/shared/contracts';
import { ErrorBody, routes } from '@hallq/shared/contracts';

const SECURITY: Record<RouteContract['auth'], string> = {
  public: 'none',
  device: 'a device key or a staff token',
  issuer: 'a kiosk key or a staff token',
  kiosk: 'a kiosk key',
  rating_pad: "the key of the rating pad at the request's window",
  locker: 'a locker key',
  staff: 'a staff token',
  window_clerk: 'the token of the clerk logged in at this window',
  manager: 'a manager token',
};

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** OpenAPI 3 from the contract table: the document cannot drift from the schemas the server validates with. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const params = route.params ? (json(route.params, 'input') as { properties?: Record<string, unknown> }) : undefined;
    const error = { description: 'error', content: { 'application/json': { schema: json(ErrorBody, 'output') } } };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      description: `Authorization: ${SECURITY[route.auth]}.`,
      ...(route.auth !== 'public' && { security: [{ bearer: [] }] }),
      parameters: Object.entries(params?.properties ?? {}).map(([key, schema]) => ({
        name: key,
        in: 'path',
        required: true,
        schema,
      })),
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: json(route.body, 'input') } } },
      }),
      responses: {
        [route.status]: {
          description: 'success',
          content: { 'application/json': { schema: json(route.response, 'output') } },
        },
        '4XX': error,
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'HallQ queue server', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
