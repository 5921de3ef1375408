import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ManagerState, ManagerStore } from '../store/types';

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
