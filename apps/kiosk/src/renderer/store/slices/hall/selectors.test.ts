import { describe, expect, it } from 'vitest';
import { demoHall } from '../../test-services';
import { availableLanguages, itemsFor, orderedWindowTypes, priorityWindowTypes, windowTypeOf } from './selectors';

const hall = demoHall();
const names = (codes: { name: { zh: string } }[]) => codes.map((c) => c.name.zh);

describe('the home tiles', () => {
  it('put the comprehensive types first, then the others in config order', () => {
    const codes = orderedWindowTypes(hall).map((t) => t.code);
    expect(codes.slice(0, 3)).toEqual(['personal', 'legal', 'social-security']);
    expect(codes).toHaveLength(hall.windowTypes.length);
  });
});

describe('item search', () => {
  const socialSecurity = windowTypeOf(hall, 'social-security')!;
  const personal = windowTypeOf(hall, 'personal')!;

  it('finds 社保卡 items by pinyin initials (sbk)', () => {
    expect(names(itemsFor(hall, socialSecurity, 'sbk'))[0]).toBe('社会保障卡申领');
  });

  it('finds items by full pinyin and by Chinese characters', () => {
    expect(names(itemsFor(hall, socialSecurity, 'shebaoka'))[0]).toBe('社会保障卡申领');
    expect(names(itemsFor(hall, socialSecurity, '失业'))).toEqual(['失业保险金申领']);
  });

  it('from a comprehensive type searches every item of the hall', () => {
    expect(names(itemsFor(hall, personal, 'sfz'))).toContain('居民身份证换领');
  });

  it('from a sector type searches only its own items', () => {
    expect(itemsFor(hall, socialSecurity, 'sfz')).toEqual([]);
  });

  it('lists the type’s own items without a query', () => {
    expect(itemsFor(hall, socialSecurity, '').every((s) => s.windowType === 'social-security')).toBe(true);
  });
});

describe('the window types of the priority button', () => {
  it('under help_and_proxy are the 帮办代办 type alone', () => {
    expect(priorityWindowTypes(demoHall('help_and_proxy')).map((t) => t.code)).toEqual(['help']);
  });

  it('under priority_ticket are every type, in tile order', () => {
    const priorityTicket = demoHall('priority_ticket');
    expect(priorityWindowTypes(priorityTicket)).toEqual(orderedWindowTypes(priorityTicket));
  });
});

describe('availableLanguages', () => {
  it('offers the hall’s citizen languages with Chinese first', () => {
    expect(availableLanguages({ ...hall, languages: ['en', 'zh'] })).toEqual(['zh', 'en']);
  });
});
