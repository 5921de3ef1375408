/** The Wylie (EWTS) converter ships no types; this is the part the kiosk uses. */
declare module 'jsewts' {
  const jsewts: {
    /** Tibetan Unicode for EWTS input; what it cannot read is kept as it is and described in `warnings`. */
    fromWylie(wylie: string, warnings?: string[]): string;
  };
  export default jsewts;
}
