import { z } from 'zod';
import type { RouteContract } from '@hallq/shared/contracts';
import { ErrorBody, ROUTE_AUTH_TEXT, routes } from '@hallq/shared/contracts';

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** OpenAPI 3 from the contract table: the document cannot drift from the schemas the server validates with. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    type Properties = { properties?: Record<string, unknown>; required?: string[] };
    const params = route.params ? (json(route.params, 'input') as Properties) : undefined;
    const query = route.query ? (json(route.query, 'input') as Properties) : undefined;
    const error = { description: 'error', content: { 'application/json': { schema: json(ErrorBody, 'output') } } };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      description: `Authorization: ${ROUTE_AUTH_TEXT[route.auth]}.`,
      ...(route.auth !== 'public' && { security: [{ bearer: [] }] }),
      parameters: [
        ...Object.entries(params?.properties ?? {}).map(([key, schema]) => ({
          name: key,
          in: 'path',
          required: true,
          schema,
        })),
        ...Object.entries(query?.properties ?? {}).map(([key, schema]) => ({
          name: key,
          in: 'query',
          required: query?.required?.includes(key) ?? false,
          schema,
        })),
      ],
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: json(route.body, 'input') } } },
      }),
      responses: {
        [route.status]: {
          description: 'success',
          content: route.produces
            ? { [route.produces]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: json(route.response, 'output') } },
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
