import type { Namespace } from './create-i18n';

export const refusalMessages = {
  zh: {},
  bo: {},
  en: {},
} satisfies Namespace;
