import type { HallClient } from '@hallq/shared/client';

/** Everything a screen's store talks to, injected so it runs in a unit test without a browser or a server. */
export interface ScreenServices {
  client: HallClient;
  delay(ms: number): Promise<void>;
  now(): number;
}

/** A slice sees only its own part of the store, whatever store it is mixed into. */
export type SliceCreator<Own, Services = ScreenServices> = (
  set: (partial: Partial<Own>) => void,
  get: () => Own,
  services: Services,
) => Own;
