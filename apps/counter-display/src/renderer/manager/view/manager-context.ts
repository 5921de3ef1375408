import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ManagerState, ManagerStore } from '../store/types';
import { dateTime, time } from './format';

export const ManagerContext = createContext<ManagerStore | null>(null);

function useManagerStore(): ManagerStore {
  const store = useContext(ManagerContext);
  if (!store) throw new Error('ManagerContext missing');
  return store;
}

export function useManager<T>(selector: (state: ManagerState) => T): T {
  return useStore(useManagerStore(), selector);
}

/** The store's actions (stable references). */
export function useActions(): ManagerState {
  return useManagerStore().getState();
}

/** time and dateTime in the hall's time zone, once the hall is loaded. */
export function useHallTime() {
  const timeZone = useManager((s) => s.hall?.timeZone);
  return {
    time: (iso: string) => time(iso, timeZone),
    dateTime: (iso: string) => dateTime(iso, timeZone),
  };
}
