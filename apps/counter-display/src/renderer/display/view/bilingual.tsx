import type { CitizenLanguage } from '@hallq/shared/i18n';
import { useTranslation } from 'react-i18next';

export interface TwoLines {
  zh: string;
  second: string | null;
}

const HTML_LANG: Record<CitizenLanguage, string> = { zh: 'zh-CN', bo: 'bo', en: 'en' };

/** A `display` message in Chinese and in the second language of the moment. */
export function useLabels(
  second: CitizenLanguage | null,
): (key: string, values?: Record<string, string | number>) => TwoLines {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh', 'display');
  const other = second ? i18n.getFixedT(second, 'display') : null;
  return (key, values = {}) => ({ zh: zh(key, values), second: other ? other(key, values) : null });
}

/** Chinese on top; the second language below it, smaller. */
export function Bi(props: TwoLines & { language: CitizenLanguage | null; className?: string }) {
  return (
    <span className={`bi ${props.className ?? ''}`}>
      <span className="zh">{props.zh}</span>
      {props.second && props.language && (
        <span className={`second lang-${props.language}`} lang={HTML_LANG[props.language]}>
          {props.second}
        </span>
      )}
    </span>
  );
}
