import type { Namespace } from './create-i18n';

export const displayMessages = {
  zh: {},
  bo: {},
  en: {},
} satisfies Namespace;
