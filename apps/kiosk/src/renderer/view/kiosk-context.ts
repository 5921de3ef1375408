import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { KioskServices, KioskState, KioskStore } from '../store/types';

export const KioskContext = createContext<{ store: KioskStore; services: KioskServices } | null>(null);

function useKioskContext() {
  const value = useContext(KioskContext);
  if (!value) throw new Error('KioskContext missing');
  return value;
}

export function useKiosk<T>(selector: (state: KioskState) => T): T {
  return useStore(useKioskContext().store, selector);
}

/** The store's actions (stable references). */
export function useActions(): KioskState {
  return useKioskContext().store.getState();
}

export function useServices(): KioskServices {
  return useKioskContext().services;
}
