import type { LocalizedText } from '@hallq/shared/contracts';
import { localClock } from '@hallq/shared/domain';
import { type CitizenLanguage, localized } from '@hallq/shared/i18n';
import { createContext, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { GuideState, GuideStore } from '../store/types';

export const GuideContext = createContext<GuideStore | null>(null);

function useGuideStore(): GuideStore {
  const store = useContext(GuideContext);
  if (!store) throw new Error('GuideContext missing');
  return store;
}

export function useGuide<T>(selector: (state: GuideState) => T): T {
  return useStore(useGuideStore(), selector);
}

/** The store's actions (stable references). */
export function useActions(): GuideState {
  return useGuideStore().getState();
}

/** The clock, ticking every 15 seconds: how long a call has waited, whether an appointment may check in yet. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The desk's words, hall names in the desk's language, and times on the hall's clock (the PC may be set elsewhere). */
export function useWords() {
  const { t, i18n } = useTranslation('guideDesk');
  const timeZone = useGuide((s) => s.hall?.timeZone);
  const lang = i18n.language as CitizenLanguage;
  return {
    t,
    i18n,
    name: (text: LocalizedText | undefined, fallback: string) => (text ? localized(text, lang) : fallback),
    time: (iso: string) => localClock(new Date(iso), timeZone ?? 'Asia/Shanghai').time,
  };
}
