import { cardKeys, sealCardProof } from '@hallq/devices';
import { ok } from './expect-reply';
import type { api } from './harness';

/**
 * What a kiosk's main process does with a card on its reader: it fetches the hall's ID-number key with its kiosk key
 * once, then seals each read (the number's keyed hash and last four) at the moment of the read.
 */
export async function kioskCardReads(kiosk: ReturnType<typeof api>, clock: () => Date) {
  const { key } = await ok('idCardKey', kiosk.get('/api/kiosk/id-card-key'));
  const keys = cardKeys(Buffer.from(key, 'base64'));
  return (idNumber: string, readAt: Date = clock()) => sealCardProof(idNumber, keys, readAt.getTime());
}
