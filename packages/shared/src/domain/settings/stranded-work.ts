import type { HallConfig } from '../../config/hall-config';
import type { WindowState } from '../window';

/** What the hall is doing today, as far as a change of the settings could strand it. */
export interface DayWork {
  /** Tickets waiting, called or being served (not yet finished, transferred, cancelled or no-show). */
  openTickets: { number: string; windowType: string; serviceItem: string | null }[];
  /** The prefix of every ticket issued today, with its window type: a number is never given twice a day. */
  issuedPrefixes: Map<string, string>;
  windows: WindowState[];
}

export interface SettingsProblem {
  path: (string | number)[];
  message: string;
}

const sample = (numbers: string[]) => numbers.slice(0, 3).join(', ') + (numbers.length > 3 ? ' …' : '');

/**
 * The changes that would strand the day's work, refused with what to do first: a window type or service item removed
 * while its citizens wait, a waiting type left with no window to serve it, a window removed while a clerk works there,
 * a clerk removed or disabled while logged in at a window, a prefix that would give today's numbers twice, the last
 * manager removed or disabled (nobody could change the settings back). What a
 * change may do in the open (a window serving other types from now on, an empty post shown) is not refused here.
 */
export function strandedWork(before: HallConfig, after: HallConfig, work: DayWork): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const typesAfter = new Map(after.windowTypes.map((t, i) => [t.code, { type: t, i }]));
  const itemsAfter = new Set(after.serviceItems.map((s) => s.code));
  const ticketsOf = (match: (t: DayWork['openTickets'][number]) => boolean) =>
    work.openTickets.filter(match).map((t) => t.number);

  for (const type of before.windowTypes) {
    if (typesAfter.has(type.code)) continue;
    const waiting = ticketsOf((t) => t.windowType === type.code);
    if (waiting.length > 0)
      problems.push({
        path: ['windowTypes'],
        message:
          `window type "${type.code}" (${type.name.zh}) still has ${waiting.length} ticket(s) today (${sample(waiting)}): ` +
          'let them be served or transfer them before removing it',
      });
  }
  for (const item of before.serviceItems) {
    if (itemsAfter.has(item.code)) continue;
    const waiting = ticketsOf((t) => t.serviceItem === item.code);
    if (waiting.length > 0)
      problems.push({
        path: ['serviceItems'],
        message:
          `service item "${item.code}" (${item.name.zh}) is the item of ${waiting.length} open ticket(s) today ` +
          `(${sample(waiting)}): remove it after they are served`,
      });
  }
  for (const [code, { type, i }] of typesAfter) {
    const usedBy = work.issuedPrefixes.get(type.prefix);
    if (usedBy !== undefined && usedBy !== code)
      problems.push({
        path: ['windowTypes', i, 'prefix'],
        message: `prefix ${type.prefix} numbered "${usedBy}" tickets today: a number would be given twice; change it after today`,
      });
    const ownPrefix = before.windowTypes.find((t) => t.code === code)?.prefix;
    if (ownPrefix !== undefined && ownPrefix !== type.prefix && work.issuedPrefixes.get(ownPrefix) === code)
      problems.push({
        path: ['windowTypes', i, 'prefix'],
        message: `tickets ${ownPrefix}… of "${code}" were issued today: change the prefix after today`,
      });
    const waiting = ticketsOf((t) => t.windowType === code);
    if (waiting.length > 0 && !after.windows.some((w) => w.serves.includes(code)))
      problems.push({
        path: ['windows'],
        message: `${waiting.length} ticket(s) of "${code}" are open today (${sample(waiting)}) and no window would serve them`,
      });
  }
  const windowsAfter = new Set(after.windows.map((w) => w.number));
  for (const state of work.windows) {
    if (windowsAfter.has(state.number) || state.clerk === null) continue;
    problems.push({
      path: ['windows'],
      message: `window ${state.number} is in use (${state.clerk} is logged in there): they log out before it is removed`,
    });
  }
  const atWindow = new Map(
    work.windows.flatMap((w) => [
      ...(w.clerk !== null ? [[w.clerk, w.number] as const] : []),
      ...(w.incoming ? [[w.incoming.clerk, w.number] as const] : []),
    ]),
  );
  const staffAfter = new Map(after.staff.map((s, i) => [s.id, { s, i }]));
  for (const [clerk, window] of atWindow) {
    const now = staffAfter.get(clerk);
    if (now && !now.s.disabled) continue;
    problems.push({
      path: now ? ['staff', now.i, 'disabled'] : ['staff'],
      message: `${clerk} is logged in at window ${window}: they log out (or are logged out there) first`,
    });
  }
  const managers = (hall: HallConfig) => hall.staff.filter((s) => s.role === 'manager' && !s.disabled).length;
  if (managers(before) > 0 && managers(after) === 0)
    problems.push({ path: ['staff'], message: 'the hall would have no manager left to change its settings' });
  return problems;
}
