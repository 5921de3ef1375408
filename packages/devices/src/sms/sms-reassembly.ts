import type { ConcatInfo } from './sms-pdu';

/**
 * Puts the parts of concatenated texts back together as the recipient's phone does (TS 23.040 clause 9.2.3.24.1):
 * parts belong together by recipient, reference and count, and may arrive in any order.
 */
export class Reassembly<P extends { recipient: string; concat: ConcatInfo | null }> {
  private readonly waiting = new Map<string, P[]>();

  /** Adds a part; returns the parts of its text in order once all are in, otherwise null. */
  add(part: P): P[] | null {
    if (part.concat === null) return [part];
    const key = `${part.recipient}/${part.concat.reference}/${part.concat.total}`;
    const parts = [...(this.waiting.get(key) ?? []), part];
    if (new Set(parts.map((p) => p.concat?.sequence)).size < part.concat.total) {
      this.waiting.set(key, parts);
      return null;
    }
    // The reference comes round again after 256 long texts: a finished text leaves the pool.
    this.waiting.delete(key);
    return parts.sort((a, b) => (a.concat?.sequence ?? 0) - (b.concat?.sequence ?? 0));
  }
}
