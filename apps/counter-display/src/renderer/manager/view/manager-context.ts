import { consoleMessages, createI18n } from '@hallq/shared/i18n';
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { type ConsoleScope, consoleScope, ownDepartment, staffName } from '../store/slices/scope/selectors';
import type { ManagerState, ManagerStore } from '../store/types';
import { dateTime, fullDateTime, time } from './format';

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

/**
 * The console's words. Staff screens are in Chinese, like the state names they share (staff-labels.ts); the catalogue
 * carries Tibetan and English beside it as every catalogue does.
 */
export const t = createI18n({ console: consoleMessages }).getFixedT('zh', 'console');

/** time and dateTime in the hall's time zone, once the hall is loaded. */
export function useHallTime() {
  const timeZone = useManager((s) => s.hall?.timeZone);
  return {
    time: (iso: string) => time(iso, timeZone),
    dateTime: (iso: string) => dateTime(iso, timeZone),
    fullDateTime: (iso: string) => fullDateTime(iso, timeZone),
  };
}

/** What the console shows now: the whole hall or one department (see `consoleScope`). */
export function useScope(): ConsoleScope {
  const role = useManager((s) => s.session?.staff.role);
  const own = useManager(ownDepartment);
  const chosen = useManager((s) => s.chosenDepartment);
  return useMemo(() => consoleScope(role, own, chosen), [role, own, chosen]);
}

/** A colleague as staff know them, 姓名（工号）, or the id alone when the staff list does not name them. */
export function usePerson(): (id: string) => string {
  const directory = useManager((s) => s.directory);
  const self = useManager((s) => s.session?.staff.id);
  return (id) => {
    const name = staffName(directory, id);
    if (name === null) return id;
    return t(id === self ? 'person.self' : 'person.named', { name, id });
  };
}
