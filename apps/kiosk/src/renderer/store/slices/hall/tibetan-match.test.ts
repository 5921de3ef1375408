import { describe, expect, it } from 'vitest';
import { foldTibetan, tibetanQuery } from './tibetan-match';

describe('foldTibetan', () => {
  it('unstacks letters and drops syllable marks, so letters typed one by one match a stacked name', () => {
    expect(foldTibetan('སྤྱི་ཚོགས།')).toBe(foldTibetan('ས པ ཡ ི ཚ ོ ག ས'));
    expect(foldTibetan('བསྡུས')).toBe('བསདུས');
  });

  it('reads the fixed-form subjoined ra as ra', () => {
    expect(foldTibetan('\u0F40\u0FBC')).toBe('\u0F40\u0F62');
  });
});

describe('tibetanQuery', () => {
  it('converts Wylie, also the start of a syllable', () => {
    expect(tibetanQuery('khral')).toBe(foldTibetan('ཁྲལ'));
    expect(foldTibetan('བསྡུས')).toContain(tibetanQuery('bsd'));
    expect(tibetanQuery("sge'u khung")).toBe(foldTibetan('སྒེའུ་ཁུང'));
  });

  it('is null for what cannot be Wylie or Tibetan', () => {
    expect(tibetanQuery('')).toBeNull();
    expect(tibetanQuery('社保')).toBeNull();
    expect(tibetanQuery('x1')).toBeNull();
  });
});
