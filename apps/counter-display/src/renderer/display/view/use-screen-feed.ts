import type { FeedSlice } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ClockSlice } from '../store/slices/clock/actions';
import { secondLanguage } from '../store/slices/feed/selectors';
import type { HallSlice } from '../store/slices/hall/actions';
import { useLabels } from './bilingual';

const TICK_MS = 1000;

/**
 * What the hall display and a window screen both show from the hall feed: the hall, the feed, the connection and the
 * second language of the moment, with the clock ticking once a second while the screen is up.
 */
export function useScreenFeed<S extends FeedSlice<DeviceStream> & HallSlice & ClockSlice>(store: StoreApi<S>) {
  const hall = useStore(store, (s) => s.hall);
  const feed = useStore(store, (s) => s.feed);
  const now = useStore(store, (s) => s.now);
  const connection = useStore(store, (s) => s.connection);
  const language = secondLanguage(hall, now);
  const label = useLabels(language);

  useEffect(() => {
    const timer = setInterval(() => store.getState().tick(), TICK_MS);
    return () => clearInterval(timer);
  }, [store]);

  return { hall, feed, now, connection, language, label };
}
