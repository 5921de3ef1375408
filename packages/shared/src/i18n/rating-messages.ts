import type { Namespace } from './create-i18n';

export const ratingMessages = {
  zh: {},
  bo: {},
  en: {},
} satisfies Namespace;
