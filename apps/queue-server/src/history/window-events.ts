import type { WindowConfig } from '@hallq/shared/contracts';
import { hoursFor, hoursOn, type PauseReason } from '@hallq/shared/domain';
import type { DayContext } from './day-player';
import type { DayPlan } from './day-plan';

/** A window as the day sees it: closed (off), waiting for citizens (idle), at work (busy) or paused. */
export interface Desk {
  config: WindowConfig;
  mode: 'off' | 'idle' | 'busy' | 'paused';
  /** Window work waiting for the current citizen to leave: a pause, a hand-over, a move. */
  tasks: (() => Promise<void>)[];
  /** Past closing time: serves who still waits, then logs out. */
  closing: boolean;
}

/** What the day's window events ask of the player. */
export interface Floor {
  readonly ctx: DayContext;
  readonly plan: DayPlan;
  readonly desks: ReadonlyMap<number, Desk>;
  /** Work for a window once its current citizen has left. */
  task(desk: Desk, work: () => Promise<void>): Promise<void> | undefined;
  pause(desk: Desk, reason: PauseReason, until: (pausedAt: number) => number): () => Promise<void>;
  free(desk: Desk): Promise<void>;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const typeOf = (floor: Floor, code: string) => floor.ctx.services.today.hall.windowTypes.find((t) => t.code === code)!;

/**
 * Windows whose types all close for lunch pause for it; windows that serve through lunch (延时服务) take it in two
 * shifts, so half of them stay open at any time.
 */
export function scheduleLunch(floor: Floor): void {
  const hallLunch = hoursOn(
    floor.plan.day,
    floor.ctx.services.today.hall.hours,
    floor.ctx.services.today.hall.calendar,
  )?.lunch;
  const start = toMinutes(hallLunch?.start ?? '12:00');
  const end = toMinutes(hallLunch?.end ?? '13:00');
  const middle = Math.round((start + end) / 2);
  let shift = 0;
  for (const desk of floor.desks.values()) {
    const throughLunch = desk.config.serves.some((code) => {
      const hours = hoursOn(
        floor.plan.day,
        hoursFor(floor.ctx.services.today.hall, typeOf(floor, code)),
        floor.ctx.services.today.hall.calendar,
      );
      return hours !== null && hours.lunch === undefined;
    });
    const [from, to] = !throughLunch ? [start, end] : shift++ % 2 === 0 ? [start, middle] : [middle, end];
    floor.ctx.timeline.at(floor.ctx.at(from), () =>
      floor.task(
        desk,
        floor.pause(desk, 'lunch', () => floor.ctx.at(to)),
      ),
    );
  }
}

export function scheduleAway(floor: Floor): void {
  const away = floor.plan.away;
  const config = away && floor.ctx.services.today.hall.windows.find((w) => w.serves.includes(away.windowType));
  const desk = config && floor.desks.get(config.number);
  if (!away || !desk) return;
  floor.ctx.timeline.at(away.at, () =>
    floor.task(
      desk,
      floor.pause(desk, 'away', (at) => at + 20 * 60_000),
    ),
  );
}

export function scheduleMeeting(floor: Floor): void {
  const sector = [...floor.desks.values()].filter((d) =>
    d.config.serves.every((code) => typeOf(floor, code).kind === 'sector'),
  );
  if (sector.length === 0) return;
  const desk = floor.ctx.random.pick(sector);
  const minutes = floor.ctx.random.between(30, 45);
  floor.ctx.timeline.at(floor.ctx.at(floor.ctx.random.between(900, 930)), () =>
    floor.task(
      desk,
      floor.pause(desk, 'meeting', (at) => at + minutes * 60_000),
    ),
  );
}

/**
 * AB岗: the A clerk of a window is called away; the B post leaves their own window (it closes) and takes this one
 * over — at once, or when the citizen there is done — and hands it back on the A clerk's return.
 */
export function scheduleTakeover(floor: Floor): void {
  const { random, timeline, services } = floor.ctx;
  const awayWindow =
    floor.plan.away &&
    floor.ctx.services.today.hall.windows.find((w) => w.serves.includes(floor.plan.away!.windowType));
  const pairs = floor.ctx.services.today.hall.staff.flatMap((b) =>
    b.bWindows.flatMap((n) => {
      const own = b.aWindows[0];
      const a = floor.ctx.services.today.hall.staff.find((s) => s.aWindows.includes(n));
      const [desk, home] = [floor.desks.get(n), own === undefined ? undefined : floor.desks.get(own)];
      return a && desk && home && n !== awayWindow?.number && own !== awayWindow?.number ? [{ a, b, desk, home }] : [];
    }),
  );
  if (pairs.length === 0) return;
  const { a, b, desk, home } = random.pick(pairs);
  const minutes = random.between(30, 50);
  timeline.at(floor.ctx.at(random.between(840, 900)), () =>
    floor.task(home, async () => {
      await services.windows.login(desk.config.number, b, floor.ctx.requestId(), { move: true });
      home.mode = 'off';
      if (desk.mode === 'idle') await floor.free(desk);
      timeline.in(minutes, () =>
        floor.task(desk, async () => {
          await services.windows.login(desk.config.number, a, floor.ctx.requestId());
          await services.windows.login(home.config.number, b, floor.ctx.requestId());
          await floor.free(home);
          await floor.free(desk);
        }),
      );
    }),
  );
}
