import type { HallConfig } from './hall-config';

type Issue = (path: (string | number)[], message: string) => void;

/**
 * What the schema of each section cannot see: references between sections (a window of an unknown type, a person of
 * an unknown department, a guide's zone nobody stands in), duplicates, and the calendar against the hours. Each issue
 * names the path of the offending value.
 */
export function checkReferences(hall: HallConfig, issue: Issue): void {
  const dup = <T>(items: T[], key: (t: T) => string | number, section: string, field: string) => {
    const seen = new Set<string | number>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) issue([section, i, field], `duplicate ${field} ${JSON.stringify(k)}`);
      seen.add(k);
    });
  };
  try {
    new Intl.DateTimeFormat('en', { timeZone: hall.timeZone });
  } catch {
    issue(['timeZone'], `unknown time zone "${hall.timeZone}"`);
  }
  if (!hall.languages.includes('zh')) issue(['languages'], 'must include "zh": Chinese is always shown');
  const holidays = new Set(hall.calendar.holidays);
  hall.calendar.workdays.forEach((w, i) => {
    if (holidays.has(w.date)) issue(['calendar', 'workdays', i, 'date'], `${w.date} is also listed as a holiday`);
    if (hall.hours[w.as] === null)
      issue(['calendar', 'workdays', i, 'as'], `the hall has no hours on "${w.as}" for ${w.date} to borrow`);
  });
  dup(hall.windowTypes, (t) => t.code, 'windowTypes', 'code');
  dup(hall.windowTypes, (t) => t.prefix, 'windowTypes', 'prefix');
  dup(hall.serviceItems, (s) => s.code, 'serviceItems', 'code');
  dup(hall.windows, (w) => w.number, 'windows', 'number');
  dup(hall.staff, (s) => s.id, 'staff', 'id');
  dup(hall.ratingReasons, (r) => r.code, 'ratingReasons', 'code');
  const allDevices = [...hall.devices.kiosks, ...hall.devices.displays, ...hall.devices.lockers];
  dup(allDevices, (d) => d.id, 'devices', 'id');
  dup(hall.departments, (d) => d.code, 'departments', 'code');
  const offices = hall.departments.filter((d) => d.hallOffice);
  if (offices.length !== 1)
    issue(
      ['departments'],
      `exactly one department is the hall's own office (hallOffice: true); found ${offices.length}`,
    );
  const departments = new Set(hall.departments.map((d) => d.code));
  const knownDepartment = (section: 'serviceItems' | 'windows' | 'staff') => (x: { department: string }, i: number) => {
    if (!departments.has(x.department)) issue([section, i, 'department'], `unknown department "${x.department}"`);
  };
  hall.serviceItems.forEach(knownDepartment('serviceItems'));
  hall.windows.forEach(knownDepartment('windows'));
  hall.staff.forEach(knownDepartment('staff'));
  const types = new Set(hall.windowTypes.map((t) => t.code));
  const windows = new Set(hall.windows.map((w) => w.number));
  hall.serviceItems.forEach((s, i) => {
    if (!types.has(s.windowType)) issue(['serviceItems', i, 'windowType'], `unknown window type "${s.windowType}"`);
  });
  hall.windows.forEach((w, i) =>
    w.serves.forEach((t, j) => {
      if (!types.has(t)) issue(['windows', i, 'serves', j], `unknown window type "${t}"`);
      if (w.serves.indexOf(t) !== j) issue(['windows', i, 'serves', j], `window type "${t}" listed twice`);
    }),
  );
  hall.staff.forEach((s, i) => {
    s.aWindows.forEach((n, j) => windows.has(n) || issue(['staff', i, 'aWindows', j], `unknown window ${n}`));
    s.bWindows.forEach((n, j) => windows.has(n) || issue(['staff', i, 'bWindows', j], `unknown window ${n}`));
  });
  const zones = new Set([...hall.windows, ...hall.devices.kiosks, ...hall.devices.lockers].map((x) => x.zone));
  hall.staff.forEach((s, i) => {
    if (s.role === 'floor_guide' && s.zones.length === 0)
      issue(['staff', i, 'zones'], 'a floor guide names the zones whose guide calls they answer');
    if (s.role !== 'floor_guide' && s.zones.length > 0) issue(['staff', i, 'zones'], 'only a floor guide has zones');
    s.zones.forEach(
      (zone, j) => zones.has(zone) || issue(['staff', i, 'zones', j], `no window or kiosk is in zone "${zone}"`),
    );
  });
  if (hall.policy.priorityPath === 'help_and_proxy' && !hall.windowTypes.some((t) => t.kind === 'help_and_proxy'))
    issue(['policy', 'priorityPath'], 'help_and_proxy needs a window type of kind help_and_proxy');
  hall.devices.lockers.forEach((locker, i) => {
    const at = (...rest: (string | number)[]) => ['devices', 'lockers', i, ...rest];
    const seen = { cabinet: new Set<string>(), board: new Set<number>(), door: new Set<string>() };
    locker.cabinets.forEach((cabinet, j) => {
      if (seen.cabinet.has(cabinet.id)) issue(at('cabinets', j, 'id'), `duplicate cabinet id "${cabinet.id}"`);
      if (seen.board.has(cabinet.boardAddress))
        issue(at('cabinets', j, 'boardAddress'), `board address ${cabinet.boardAddress} is used twice on this locker`);
      seen.cabinet.add(cabinet.id);
      seen.board.add(cabinet.boardAddress);
      const channels = new Set<number>();
      cabinet.compartments.forEach((c, k) => {
        if (seen.door.has(c.number))
          issue(at('cabinets', j, 'compartments', k, 'number'), `duplicate compartment number "${c.number}"`);
        if (channels.has(c.channel))
          issue(at('cabinets', j, 'compartments', k, 'channel'), `channel ${c.channel} is used twice on this board`);
        seen.door.add(c.number);
        channels.add(c.channel);
      });
    });
  });
  const noticeKiosk = hall.notices?.kiosk;
  if (noticeKiosk !== undefined && !hall.devices.kiosks.some((k) => k.id === noticeKiosk))
    issue(['notices', 'kiosk'], `unknown kiosk "${noticeKiosk}" (not in devices.kiosks)`);
  hall.devices.displays.forEach((d, i) => {
    if (d.window !== undefined && !windows.has(d.window))
      issue(['devices', 'displays', i, 'window'], `unknown window ${d.window}`);
  });
}
