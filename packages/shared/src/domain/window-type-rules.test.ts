import { describe, expect, it } from 'vitest';
import type { HallConfig, QueuePolicy, ServiceItemConfig, WindowTypeConfig } from '../config/hall-config';
import { testHall } from '../testing/fixtures';
import { acceptsAnyItem, acceptsItem, offersPriority, ticketRequestProblem } from './window-type-rules';

const item = (code: string, windowType: string): ServiceItemConfig => ({
  code,
  name: { zh: code },
  level: 'district',
  kind: 'immediate',
  promisedWorkingDays: 0,
  materials: [],
  feeYuan: 0,
  windowType,
  department: 'office',
});

/** The test hall (general: comprehensive, social: sector, help: help_and_proxy) with one 社保 item. */
function hallWith(priorityPath: QueuePolicy['priorityPath']): HallConfig {
  return testHall({ serviceItems: [item('ssc-card', 'social')], policy: { priorityPath } });
}
const hall = hallWith('help_and_proxy');
const type = (code: string): WindowTypeConfig => hall.windowTypes.find((t) => t.code === code)!;
const [general, social, help] = [type('general'), type('social'), type('help')];

describe('acceptsItem', () => {
  it('lets comprehensive and help-and-proxy types take any item, and a sector type only its own', () => {
    const ssc = item('ssc-card', 'social');
    const other = item('tax', 'tax');
    expect([general, help, social].map((t) => acceptsAnyItem(t))).toEqual([true, true, false]);
    expect(acceptsItem(general, other)).toBe(true);
    expect(acceptsItem(help, other)).toBe(true);
    expect(acceptsItem(social, ssc)).toBe(true);
    expect(acceptsItem(social, other)).toBe(false);
  });
});

describe('offersPriority', () => {
  it('under help_and_proxy, only the 帮办代办 type takes priority tickets', () => {
    expect([general, social, help].map((t) => offersPriority('help_and_proxy', t))).toEqual([false, false, true]);
  });

  it('under priority_ticket, every type does', () => {
    expect([general, social, help].map((t) => offersPriority('priority_ticket', t))).toEqual([true, true, true]);
  });
});

describe('ticketRequestProblem', () => {
  const plain = { serviceItem: null, priority: null };

  it('takes a plain ticket, an item the type handles, and a priority ticket where it is offered', () => {
    expect(ticketRequestProblem(hall, general, plain)).toBeNull();
    expect(ticketRequestProblem(hall, social, { serviceItem: 'ssc-card', priority: null })).toBeNull();
    expect(ticketRequestProblem(hall, general, { serviceItem: 'ssc-card', priority: null })).toBeNull();
    expect(ticketRequestProblem(hall, help, { serviceItem: 'ssc-card', priority: 'elderly' })).toBeNull();
  });

  it('refuses an unknown item, naming it', () => {
    expect(ticketRequestProblem(hall, general, { serviceItem: 'nope', priority: null })).toEqual({
      code: 'validation_failed',
      field: 'serviceItem',
      message: 'unknown service item "nope"',
    });
  });

  it('refuses an item of another sector, naming the type that handles it', () => {
    const hallWithTax = testHall({ serviceItems: [item('ssc-card', 'social'), item('vat', 'general')] });
    const socialOfIt = hallWithTax.windowTypes.find((t) => t.code === 'social')!;
    expect(ticketRequestProblem(hallWithTax, socialOfIt, { serviceItem: 'vat', priority: null })).toEqual({
      code: 'validation_failed',
      field: 'serviceItem',
      message: '"vat" is handled at window type "general", not "social"',
    });
  });

  it('refuses a priority ticket for a type that does not take priority under help_and_proxy', () => {
    expect(ticketRequestProblem(hall, general, { serviceItem: null, priority: 'disabled' })).toEqual({
      code: 'priority_not_offered',
      field: 'priority',
      message: 'priority tickets are handled at window type "help" (policy.priorityPath help_and_proxy), not "general"',
    });
  });

  it('takes a priority ticket for any type under priority_ticket', () => {
    const open = hallWith('priority_ticket');
    for (const t of open.windowTypes) {
      expect(ticketRequestProblem(open, t, { serviceItem: null, priority: 'pregnant' })).toBeNull();
    }
  });

  it('names the item before the priority when both are wrong', () => {
    expect(ticketRequestProblem(hall, general, { serviceItem: 'nope', priority: 'military' })?.field).toBe(
      'serviceItem',
    );
  });
});
