import { describe, expect, it } from 'vitest';
import { hashPassword, sha256Hex, verifyPassword, verifyPasswordAsync } from './password';

describe('hashPassword / verifyPassword', () => {
  it('produces scrypt$<16-byte salt>$<32-byte key> and verifies it', () => {
    const hash = hashPassword('s3cret');
    expect(hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(verifyPassword('s3cret', hash)).toBe(true);
    expect(verifyPassword('S3cret', hash)).toBe(false);
    expect(verifyPassword('', hash)).toBe(false);
  });

  it('salts randomly by default and is stable with a fixed salt', () => {
    expect(hashPassword('demo')).not.toBe(hashPassword('demo'));
    const salt = Buffer.alloc(16, 7);
    expect(hashPassword('demo', salt)).toBe(hashPassword('demo', salt));
    expect(hashPassword('demo', salt).split('$')[1]).toBe(salt.toString('hex'));
  });

  it('handles non-ASCII passwords', () => {
    const hash = hashPassword('政务服务ལྷ་ས');
    expect(verifyPassword('政务服务ལྷ་ས', hash)).toBe(true);
    expect(verifyPassword('政务服务', hash)).toBe(false);
  });

  it('returns false, without throwing, for malformed hashes', () => {
    const good = hashPassword('demo', Buffer.alloc(16, 0xab)); // a salt with letters, so upper case differs
    const [, salt, key] = good.split('$');
    for (const bad of [
      '',
      'demo',
      `bcrypt$${salt}$${key}`,
      `scrypt$${salt}`,
      `scrypt$$${key}`,
      `scrypt$${salt}$`,
      `scrypt$${salt}$${key}$extra`,
      `scrypt$${salt}$${key!.slice(0, 62)}`, // key too short
      `scrypt$${salt}$${key!.slice(1)}`, // odd number of hex digits
      `scrypt$${salt!.toUpperCase()}$${key}`,
      `scrypt$xyz$${key}`,
    ]) {
      expect(verifyPassword('demo', bad), bad).toBe(false);
    }
  });
});

describe('verifyPasswordAsync', () => {
  it('agrees with verifyPassword, malformed hashes included', async () => {
    const hash = hashPassword('政务服务', Buffer.alloc(16, 3));
    expect(await verifyPasswordAsync('政务服务', hash)).toBe(true);
    expect(await verifyPasswordAsync('政务', hash)).toBe(false);
    expect(await verifyPasswordAsync('demo', 'scrypt$zz$00')).toBe(false);
    expect(await verifyPasswordAsync('demo', '')).toBe(false);
  });

  it('hashes off the event loop: a timer set before it fires before the hash is done', async () => {
    const hash = hashPassword('demo');
    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('timer')), 0));
    const check = verifyPasswordAsync('demo', hash).then((ok) => void order.push(`hash ${ok}`));
    await Promise.all([timer, check]);
    expect(order).toEqual(['timer', 'hash true']);
  });
});

describe('sha256Hex', () => {
  it('hashes UTF-8 text to lowercase hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('叫号')).toMatch(/^[0-9a-f]{64}$/);
  });
});
