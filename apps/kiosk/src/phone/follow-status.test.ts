import { ApiError } from '@hallq/shared/client';
import { type TicketStatus } from '@hallq/shared/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followStatus, type StatusLink, type StatusSocket } from './follow-status';

afterEach(() => vi.useRealTimers());

const status = (peopleAhead: number): TicketStatus => ({
  number: 'A001',
  hallDay: '2026-11-23',
  windowType: 'personal',
  state: 'waiting',
  peopleAhead,
  estimatedWaitMinutes: peopleAhead * 3,
  window: null,
  calls: 0,
  issuedAt: '2026-11-23T01:00:00.000Z',
  calledAt: null,
  language: 'zh',
  expired: false,
});

function fakeSocket() {
  const listeners = {
    status: [] as ((s: TicketStatus) => void)[],
    connect: [] as (() => void)[],
    down: [] as (() => void)[],
  };
  const socket = {
    connected: false,
    active: true,
    connects: 0,
    closed: false,
    onStatus: (l: (s: TicketStatus) => void) => void listeners.status.push(l),
    onConnect: (l: () => void) => void listeners.connect.push(l),
    onDown: (l: () => void) => void listeners.down.push(l),
    connect() {
      socket.connects += 1;
      socket.active = true;
    },
    close() {
      socket.closed = true;
    },
    // Test controls: what the server does.
    up() {
      socket.connected = true;
      listeners.connect.forEach((l) => l());
    },
    down(active = true) {
      socket.connected = false;
      socket.active = active;
      listeners.down.forEach((l) => l());
    },
    push(s: TicketStatus) {
      listeners.status.forEach((l) => l(s));
    },
  };
  return socket satisfies StatusSocket;
}

function follow(fetchStatus: () => Promise<TicketStatus>) {
  const socket = fakeSocket();
  const seen: number[] = [];
  const links: StatusLink[] = [];
  const notFound = vi.fn();
  const stop = followStatus({
    openSocket: () => socket,
    fetchStatus,
    onStatus: (s) => seen.push(s.peopleAhead ?? -1),
    onLink: (l) => links.push(l),
    onNotFound: notFound,
    pollMs: 10_000,
  });
  return { socket, seen, links, notFound, stop };
}

describe('followStatus', () => {
  it('polls until the socket is up, then shows only what the socket pushes', async () => {
    vi.useFakeTimers();
    const fetchStatus = vi.fn(async () => status(5));
    const { socket, seen, links } = follow(fetchStatus);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([5]);
    socket.up();
    socket.push(status(4));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([5, 4]);
    expect(links.at(-1)).toBe('live');
  });

  it('falls back to polling every 10 s while the socket is down', async () => {
    vi.useFakeTimers();
    let ahead = 9;
    const fetchStatus = vi.fn(async () => status(ahead--));
    const { socket, seen, links } = follow(fetchStatus);
    socket.up();
    await vi.advanceTimersByTimeAsync(0);
    socket.down();
    await vi.advanceTimersByTimeAsync(0);
    expect(links.at(-1)).toBe('polling');
    await vi.advanceTimersByTimeAsync(20_000);
    // The first answer (9) came after the socket was up, so it was dropped; then one now and one per 10 s.
    expect(fetchStatus).toHaveBeenCalledTimes(4);
    expect(seen).toEqual([8, 7, 6]);
  });

  it('drops a poll answer that arrives after the socket came up, so an older status never wins', async () => {
    vi.useFakeTimers();
    let answer: (s: TicketStatus) => void = () => {};
    const { socket, seen } = follow(() => new Promise((resolve) => (answer = resolve)));
    socket.up();
    socket.push(status(2));
    answer(status(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([2]);
  });

  it('says offline when a poll fails, and keeps polling', async () => {
    vi.useFakeTimers();
    const fetchStatus = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(status(1));
    const { seen, links } = follow(fetchStatus);
    await vi.advanceTimersByTimeAsync(0);
    expect(links.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toEqual([1]);
    expect(links.at(-1)).toBe('polling');
  });

  it('reports an unknown ticket once and stops everything', async () => {
    vi.useFakeTimers();
    const fetchStatus = vi.fn(async () => {
      throw new ApiError(404, 'not_found', 'no ticket with this status code');
    });
    const { socket, notFound } = follow(fetchStatus);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(notFound).toHaveBeenCalledTimes(1);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(socket.closed).toBe(true);
  });

  it('tries the socket again on each poll once socket.io has given up on it', async () => {
    vi.useFakeTimers();
    const { socket } = follow(async () => status(1));
    await vi.advanceTimersByTimeAsync(0);
    socket.down(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(socket.connects).toBe(1);
  });

  it('stops polling and closes the socket when stopped', async () => {
    vi.useFakeTimers();
    const fetchStatus = vi.fn(async () => status(1));
    const { socket, stop } = follow(fetchStatus);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(socket.closed).toBe(true);
  });
});
