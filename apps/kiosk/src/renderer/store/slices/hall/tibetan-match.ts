/**
 * Matching Tibetan names against what a citizen can type at the kiosk: Tibetan letters one by one on the on-screen
 * keyboard (which has no way to stack them), real stacked Tibetan from a physical keyboard, or Wylie transliteration
 * on a Latin keyboard. All three are folded to one form, the letters in reading order, before comparing.
 */
import jsewts from 'jsewts';

const TSHEG = /[\u0F0B\u0F0C\u0F0D-\u0F12\u0F14\s]/g;
/** Subjoined consonants (U+0F90–U+0FB9) sit 0x50 above their full forms (U+0F40–U+0F69). */
const SUBJOINED = /[\u0F90-\u0FB9]/g;
/** The fixed-form subjoined wa, ya and ra. */
const FIXED_SUBJOINED: Record<string, string> = { '\u0FBA': '\u0F5D', '\u0FBB': '\u0F61', '\u0FBC': '\u0F62' };
const TIBETAN = /[\u0F00-\u0FFF]/;
/** What Wylie may contain: letters, the apostrophe of a-chung, `+` for explicit stacks, `.` and spaces. */
const WYLIE = /^[a-z'+. ]+$/i;

/**
 * The letters of a Tibetan text in reading order: every stacked letter as its full form, without syllable marks
 * (tsheg, shad) or spaces. སྤྱི་ཚོགས (spyi tshogs) and ས པ ཡ ི typed letter by letter both fold to སཔཡིཚོགས.
 */
export function foldTibetan(text: string): string {
  return text
    .normalize('NFD')
    .replace(TSHEG, '')
    .replace(SUBJOINED, (c) => String.fromCharCode(c.charCodeAt(0) - 0x50))
    .replace(/[\u0FBA-\u0FBC]/g, (c) => FIXED_SUBJOINED[c] ?? c);
}

/** Whether the text has Tibetan script in it. */
export const isTibetan = (text: string): boolean => TIBETAN.test(text);

/**
 * A search query as folded Tibetan: typed Tibetan as it is, Wylie converted (sger → སྒེར, also a syllable's start
 * such as bsd → བསད, which folds like བསྡུས begins); null when the query is neither.
 */
export function tibetanQuery(query: string): string | null {
  const q = query.trim();
  if (q === '') return null;
  if (isTibetan(q)) return foldTibetan(q);
  if (!WYLIE.test(q)) return null;
  const warnings: string[] = [];
  const converted = jsewts.fromWylie(q.toLowerCase(), warnings);
  // What Wylie cannot read stays Latin in the output: no Tibetan name can contain it.
  return warnings.length === 0 && !/[a-z]/i.test(converted) ? foldTibetan(converted) : null;
}
