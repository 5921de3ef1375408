import { z } from 'zod';

/** What a bad token says instead of the usual "must be …, not <value>": the value is a secret and stays out of logs. */
const TOKEN_PROBLEM = 'must be a text of 1-4096 characters (the value is not shown: it is a secret)';

/**
 * The address of another system the hall POSTs to (the province's 好差评 endpoint, an SMS gateway): what is sent goes
 * in the body only, and the token in a header, so the URL may carry neither credentials nor a query.
 */
export function endpointUrl(example: string, tokenPath: string) {
  return z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` }).refine((u) => {
    const url = new URL(u);
    return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  }, `must carry no credentials, query or fragment: put the token in ${tokenPath}`);
}

/** Sent as `Authorization: Bearer <token>`; never logged, never shown on a screen or in an exported hall file. */
export const EndpointToken = z.string({ error: TOKEN_PROBLEM }).min(1, TOKEN_PROBLEM).max(4096, TOKEN_PROBLEM);
