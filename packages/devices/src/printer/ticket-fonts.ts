// The faces a ticket is drawn with when it is drawn rather than sent as text: the Tibetan lines rasterised for the
// printer and the virtual printer's picture of a ticket. Both come from @hallq/fonts, so a kiosk PC without these
// fonts installed still prints Tibetan, and the picture looks the same on every machine.
import { GlobalFonts } from '@napi-rs/canvas';
import { chineseFontFiles, tibetanFontFile, type FontWeight } from '@hallq/fonts';

// One family per weight: registered under one name, the two weights did not come back apart by `bold`.
const tibetan = (weight: FontWeight) => `HallQ Ticket Tibetan ${weight}`;
const chinese = (weight: FontWeight) => `HallQ Ticket Chinese ${weight}`;

let registered = false;

function register(): void {
  if (registered) return;
  for (const weight of [400, 700] as const satisfies readonly FontWeight[]) {
    GlobalFonts.registerFromPath(tibetanFontFile(weight), tibetan(weight));
    for (const file of chineseFontFiles(weight)) GlobalFonts.registerFromPath(file, chinese(weight));
  }
  registered = true;
}

/**
 * A canvas `font` value of `px` dots. Tibetan comes first so its marks stack with the Tibetan face; Chinese, Latin and
 * digits fall through to Noto Sans SC.
 */
export function ticketFont(px: number, bold: boolean): string {
  register();
  const weight: FontWeight = bold ? 700 : 400;
  return `${px}px "${tibetan(weight)}", "${chinese(weight)}"`;
}
