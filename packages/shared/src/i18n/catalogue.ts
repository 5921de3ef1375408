import type { Namespace } from './create-i18n';
import { displayMessages } from './display-messages';
import { kioskMessages } from './kiosk-messages';
import { phoneMessages } from './phone-messages';
import { ratingMessages } from './rating-messages';
import { refusalMessages } from './refusal-messages';

/** Every namespace of the citizen-facing catalogue. */
export const catalogue = {
  kiosk: kioskMessages,
  phone: phoneMessages,
  refusals: refusalMessages,
  display: displayMessages,
  rating: ratingMessages,
} satisfies Record<string, Namespace>;
export type CatalogueNamespace = keyof typeof catalogue;
