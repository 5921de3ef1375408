import type { Namespace } from './create-i18n';

export const phoneMessages = {
  zh: {},
  bo: {},
  en: {},
} satisfies Namespace;
