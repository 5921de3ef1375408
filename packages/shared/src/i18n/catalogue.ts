import type { Namespace } from './create-i18n';
import { displayMessages, kioskMessages, phoneMessages, ratingMessages, refusalMessages } from './namespaces';

/** Every namespace of the citizen-facing catalogue. */
export const catalogue = {
  kiosk: kioskMessages,
  phone: phoneMessages,
  refusals: refusalMessages,
  display: displayMessages,
  rating: ratingMessages,
} satisfies Record<string, Namespace>;
export type CatalogueNamespace = keyof typeof catalogue;
