import { describe, expect, it } from 'vitest';
import { servedItemsAtFinish } from './served-items';

const HALL = { serviceItems: [{ code: 'SB-01' }, { code: 'SB-02' }] } as Parameters<typeof servedItemsAtFinish>[3];
const completed = { kind: 'completed' } as const;

describe('servedItemsAtFinish', () => {
  it('records the item chosen at the kiosk when the clerk confirms nothing', () => {
    expect(servedItemsAtFinish(undefined, { serviceItem: 'SB-01' }, completed, HALL)).toEqual({
      ok: true,
      items: ['SB-01'],
    });
  });

  it('records no item for a ticket taken for a window type only', () => {
    expect(servedItemsAtFinish(undefined, { serviceItem: null }, completed, HALL)).toEqual({ ok: true, items: [] });
  });

  it('records what the clerk confirms, several items of one visit, in their order', () => {
    expect(servedItemsAtFinish(['SB-02', 'SB-01'], { serviceItem: 'SB-01' }, completed, HALL)).toEqual({
      ok: true,
      items: ['SB-02', 'SB-01'],
    });
  });

  it('names the item the hall does not have, by its place in the list', () => {
    expect(servedItemsAtFinish(['SB-01', 'XX-9'], { serviceItem: null }, completed, HALL)).toMatchObject({
      ok: false,
      field: 'servedItems.1',
    });
  });

  it('refuses an item listed twice', () => {
    expect(servedItemsAtFinish(['SB-01', 'SB-01'], { serviceItem: null }, completed, HALL)).toMatchObject({
      ok: false,
      field: 'servedItems.1',
    });
  });

  it('records nothing for a transfer, and refuses items named with one', () => {
    const transferred = { kind: 'transferred' } as const;
    expect(servedItemsAtFinish(undefined, { serviceItem: 'SB-01' }, transferred, HALL)).toEqual({
      ok: true,
      items: [],
    });
    expect(servedItemsAtFinish(['SB-01'], { serviceItem: 'SB-01' }, transferred, HALL)).toMatchObject({
      ok: false,
      field: 'servedItems',
    });
  });
});
