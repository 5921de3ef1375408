import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PadState, PadStore } from '../store/types';

export const PadContext = createContext<PadStore | null>(null);

function usePadStore(): PadStore {
  const store = useContext(PadContext);
  if (!store) throw new Error('PadContext missing');
  return store;
}

export function usePad<T>(selector: (state: PadState) => T): T {
  return useStore(usePadStore(), selector);
}

/** The store's actions (stable references). */
export function useActions(): PadState {
  return usePadStore().getState();
}
