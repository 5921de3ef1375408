import type { Namespace } from './create-i18n';

export const kioskMessages = {
  zh: {},
  bo: {},
  en: {},
} satisfies Namespace;
