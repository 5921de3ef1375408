import type { Namespace } from './create-i18n';
import { kioskMessages } from './kiosk-messages';
import { phoneMessages } from './phone-messages';
import { refusalMessages } from './refusal-messages';

/** Every namespace of the citizen-facing catalogue. */
export const catalogue = {
  kiosk: kioskMessages,
  phone: phoneMessages,
  refusals: refusalMessages,
} satisfies Record<string, Namespace>;
export type CatalogueNamespace = keyof typeof catalogue;
