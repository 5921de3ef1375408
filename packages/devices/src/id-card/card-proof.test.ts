import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CardProofError, cardKeys, idNumberHash, openCardProof, sealCardProof } from './card-proof';

const secret = randomBytes(32);
const keys = cardKeys(secret);
const ID = '54010219800101001X';

describe('card proof', () => {
  it('hashes the number exactly as the server hashes a booked one: HMAC-SHA256 under the installation secret', () => {
    expect(idNumberHash(ID, keys)).toBe(createHmac('sha256', secret).update(ID).digest('hex'));
  });

  it('carries the hash, the last four characters and the moment of the read, never the number', () => {
    const proof = sealCardProof(ID, keys, 1_700_000_000_000);
    expect(proof).not.toContain(ID);
    expect(proof).not.toContain('001X');
    expect(openCardProof(proof, keys)).toEqual({
      hash: idNumberHash(ID, keys),
      last4: '001X',
      readAt: 1_700_000_000_000,
    });
  });

  it('gives two unrelated texts for two reads of the same card', () => {
    expect(sealCardProof(ID, keys, 1)).not.toBe(sealCardProof(ID, keys, 1));
  });

  it('refuses a proof sealed by another installation, an altered one and a text that is no proof', () => {
    const other = sealCardProof(ID, cardKeys(randomBytes(32)), 1);
    expect(() => openCardProof(other, keys)).toThrow(CardProofError);
    const proof = sealCardProof(ID, keys, 1);
    const flipped = proof.slice(0, -2) + (proof.endsWith('A') ? 'B' : 'A') + proof.slice(-1);
    expect(() => openCardProof(flipped, keys)).toThrow(CardProofError);
    expect(() => openCardProof('c1.abc', keys)).toThrow(/not a card proof/);
    expect(() => openCardProof(ID, keys)).toThrow(CardProofError);
  });

  it('refuses a secret too short to key a hash', () => {
    expect(() => cardKeys(randomBytes(16))).toThrow(/32 bytes/);
  });
});
