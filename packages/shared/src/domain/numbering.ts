/** At least three digits, as people know them (A001); past 999 the number simply grows (A1000). */
const MIN_DIGITS = 3;

/** The ticket number shown and called: prefix plus the sequence with at least three digits. */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`a ticket sequence is a whole number >= 1, got ${sequence}`);
  }
  return `${prefix}${String(sequence).padStart(MIN_DIGITS, '0')}`;
}

/** The sequence for the next ticket of a window type, given the day's last one (none yet: 1). */
export function nextSequence(lastSequence: number | undefined): number {
  return (lastSequence ?? 0) + 1;
}

/**
 * Splits a ticket number into prefix and sequence; null unless it is exactly what formatTicketNumber makes
 * (so 'A0001' or 'A000' are not tickets, and each ticket has one spelling).
 */
export function parseTicketNumber(number: string): { prefix: string; sequence: number } | null {
  const match = /^([A-Z])(\d{3,})$/.exec(number);
  if (!match) return null;
  const prefix = match[1] as string;
  const sequence = Number(match[2]);
  if (sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  return formatTicketNumber(prefix, sequence) === number ? { prefix, sequence } : null;
}
