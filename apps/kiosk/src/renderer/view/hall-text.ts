import { type LocalizedText } from '@hallq/shared/contracts';
import { localized } from '@hallq/shared/i18n';
import { useKiosk } from './kiosk-context';

/** A hall-config text in the citizen's language (falls back to Chinese). */
export function useLocalized(): (text: LocalizedText) => string {
  const language = useKiosk((s) => s.language);
  return (text) => localized(text, language);
}

export function useTimeContext() {
  const language = useKiosk((s) => s.language);
  const now = useKiosk((s) => s.now);
  const timeZone = useKiosk((s) => s.hall?.timeZone ?? 'Asia/Shanghai');
  return { language, now, timeZone };
}

export function windowList(windows: number[], language: string): string {
  return windows.join(language === 'zh' ? '、' : ', ');
}
