/**
 * An applicant's name as staff screens, the server and the pickup notice keep it (PIPL): the first character, then
 * one `*` for each of the others. One rule with two sides: `maskName` makes a masked name, `isMaskedName` accepts
 * exactly what it can make and nothing else. Characters are code points, so a rare character outside the BMP (𠮷) is
 * one, and a Tibetan name is masked letter by letter and mark by mark as it is typed (བཀྲ་ཤིས → བ******).
 */

/** The most characters a masked name has: a longer name still shows its first character and 19 stars. */
export const MASKED_NAME_MAX_LENGTH = 20;

/** The first character must be a letter of some script (汉字, Tibetan, Latin …): not a *, a digit or a sign. */
const NAME_START = /^\p{L}$/u;

/**
 * 张三 → 张*, 欧阳娜娜 → 欧***, 张 → 张* (a one-character name still gets its *). Surrounding spaces are dropped.
 * '' when there is nothing to mask: a blank name, or one that does not begin with a letter (such as `*三`).
 */
export function maskName(name: string): string {
  const [first, ...rest] = Array.from(name.trim());
  if (first === undefined || !NAME_START.test(first)) return '';
  return first + '*'.repeat(Math.min(MASKED_NAME_MAX_LENGTH - 1, Math.max(1, rest.length)));
}

/**
 * Whether `masked` is a name as `maskName` masks it: a letter, then 1 to 19 `*` and nothing else. Refuses a full name
 * (王小明), one with a * tacked on (王小明*) or in the middle (王*明), and stars alone (***).
 */
export function isMaskedName(masked: string): boolean {
  const [first, ...rest] = Array.from(masked);
  return (
    first !== undefined &&
    NAME_START.test(first) &&
    rest.length >= 1 &&
    rest.length < MASKED_NAME_MAX_LENGTH &&
    rest.every((c) => c === '*')
  );
}
