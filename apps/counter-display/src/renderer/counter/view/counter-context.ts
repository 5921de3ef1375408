import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CounterState, CounterStore } from '../store/types';

export const CounterContext = createContext<CounterStore | null>(null);

function useCounterStore(): CounterStore {
  const store = useContext(CounterContext);
  if (!store) throw new Error('CounterContext missing');
  return store;
}

export function useCounter<T>(selector: (state: CounterState) => T): T {
  return useStore(useCounterStore(), selector);
}

/** The store's actions (stable references). */
export function useActions(): CounterState {
  return useCounterStore().getState();
}
