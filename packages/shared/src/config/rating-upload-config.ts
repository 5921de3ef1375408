import { z } from 'zod';
import { EndpointToken, endpointUrl } from './outside-endpoint';

/**
 * The provincial 好差评 system's endpoint: where the hall reports every rating (DOMAIN.md, 好差评). Absent, the hall
 * only exports them (CSV, JSON) and keeps them in its outbox until an endpoint is configured.
 */
export const RatingUploadConfig = z
  .object({
    /**
     * Where each rating is POSTed, as is: no personal data, nor the token, ever goes into the URL, so it may carry
     * neither credentials nor a query.
     */
    endpoint: endpointUrl('https://hcp.example.gov.cn/api/ratings', 'ratingUpload.token'),
    /** Sent as `Authorization: Bearer <token>`; never logged, never shown on a screen. */
    token: EndpointToken.optional(),
    /** How many waiting ratings the sender reads from the outbox at a time (it still sends them one by one, in order). */
    batch: z.number().int().min(1).max(1000).default(50),
    /** A request the endpoint has not answered by then has failed (and is tried again). */
    timeoutSeconds: z.number().positive().max(300).default(10),
    /** The wait after a first failure; it doubles after each further one … */
    retrySeconds: z.number().positive().default(5),
    /** … up to this (a province's outage of hours is retried every ten minutes, not every few days). */
    maxRetrySeconds: z.number().positive().default(600),
  })
  .strict()
  .refine((c) => c.maxRetrySeconds >= c.retrySeconds, {
    message: 'must not be below retrySeconds',
    path: ['maxRetrySeconds'],
  });
export type RatingUploadConfig = z.infer<typeof RatingUploadConfig>;
