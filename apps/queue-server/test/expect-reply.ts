import { expect } from 'vitest';
import type { z } from 'zod';
import type { RouteName, Routes } from '@hallq/shared/contracts';
import { ErrorBody, routes } from '@hallq/shared/contracts';
import type { Reply } from './harness';

export type ResponseOf<K extends RouteName> = z.output<Routes[K]['response']>;

/** A success: the contract's status, and a body the contract's response schema accepts (parsed, so typed). */
export async function ok<K extends RouteName>(name: K, reply: Promise<Reply> | Reply): Promise<ResponseOf<K>> {
  const r = await reply;
  expect(r.status, `${name} answered ${r.status}: ${JSON.stringify(r.body)}`).toBe(routes[name].status);
  return routes[name].response.parse(r.body) as ResponseOf<K>;
}

/** A refusal: its status and code, in the one error shape. */
export async function refused(reply: Promise<Reply> | Reply, status: number, code: string) {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const { error } = ErrorBody.parse(r.body);
  expect(error.code, error.message).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
