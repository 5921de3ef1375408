import type { GuideState } from './state';

/** The guide banner's words: the key in the kiosk catalogue, and the name of the guide on the way when known. */
export function guideBanner(guide: GuideState['guide']): { key: string; name?: string } {
  const name = guide.status === 'answered' ? guide.call?.answeredByName : null;
  // A call answered before the server named who answered (or by someone it cannot name) says only that help comes.
  return name ? { key: 'guide.answeredBy', name } : { key: `guide.${guide.status}` };
}
