import type { GuideCall } from '@hallq/shared/contracts';
import type { TicketState } from '@hallq/shared/domain';
import { GUIDE_REASON_LABEL, TICKET_STATE_LABEL } from '@hallq/shared/i18n';
import { makeSnapshot, makeTicket, makeWindow } from '@hallq/shared/testing';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { AT, testCounter, ticket, withCurrent } from './counter/store/test-services';
import { CounterContext } from './counter/view/counter-context';
import { Panel } from './counter/view/Panel';
import { settle, testConsole } from './manager/store/test-services';
import { Floor } from './manager/view/Floor';
import { ManagerContext } from './manager/view/manager-context';

/** A server render reads a store's initial state (the server snapshot of useSyncExternalStore): show it the state now. */
const asNow = <S,>(store: StoreApi<S>): StoreApi<S> => ({ ...store, getInitialState: store.getState });

const text = (html: string) => html.replace(/<[^>]*>/g, '');

const guideCall = (reason: GuideCall['reason']): GuideCall => ({
  id: `g-${reason}`,
  kiosk: 'kiosk-2',
  zone: '一楼大厅',
  reason,
  calledAt: AT,
  answeredAt: null,
  answeredBy: null,
  answeredByName: null,
  kioskName: null,
});

/** The counter panel of window 3, with `state` its current ticket and a guide call of `reason` open. */
function counterPanel(state: TicketState, reason: GuideCall['reason']): string {
  const panel = testCounter();
  const t = ticket({
    state,
    calls: 1,
    window: 3,
    clerk: 'c03',
    calledAt: AT,
    startedAt: state === 'serving' ? AT : null,
  });
  panel.online(withCurrent(t, { guideCalls: [guideCall(reason)] }));
  return renderToStaticMarkup(
    <CounterContext.Provider value={asNow(panel.store)}>
      <Panel />
    </CounterContext.Provider>,
  );
}

/** The manager console's floor, with window 1 holding a ticket in `state` and a guide call of `reason` open. */
async function managerFloor(state: TicketState, reason: GuideCall['reason']): Promise<string> {
  const app = testConsole({ loggedIn: true });
  await settle();
  const t = makeTicket({
    id: 't-A001',
    number: 'A001',
    sequence: 1,
    windowType: 'personal',
    state,
    window: 1,
    calls: 1,
  });
  app.live.handlers!.snapshot(
    makeSnapshot({
      windows: [makeWindow(1, { currentTicket: t.id })],
      tickets: [t],
      guideCalls: [guideCall(reason)],
    }),
  );
  return renderToStaticMarkup(
    <ManagerContext.Provider value={asNow(app.store)}>
      <Floor />
    </ManagerContext.Provider>,
  );
}

const counterTicketState = (html: string) => /class="current-state">([^<]*)</.exec(html)?.[1];
const managerTicketState = (html: string) =>
  /data-testid="floor-window-1".*?class="mgr-status">([^<]*)</.exec(html)?.[1];
/** Both pages write a guide call as "zone · kiosk · reason · time". */
const guideReason = (html: string) => text(html).split('kiosk-2 · ')[1]?.split(' · ')[0];

describe('the names of states', () => {
  for (const state of ['called', 'serving'] as const) {
    it(`are the same on the counter panel and the manager console for a ${state} ticket`, async () => {
      const counter = counterTicketState(counterPanel(state, 'general'));
      const manager = managerTicketState(await managerFloor(state, 'general'));
      expect(counter).toBe(TICKET_STATE_LABEL[state]);
      expect(manager).toBe(counter);
    });
  }

  it('call a merely called ticket 呼叫中, not 办理中', async () => {
    expect(managerTicketState(await managerFloor('called', 'general'))).toBe('呼叫中');
    expect(counterTicketState(counterPanel('called', 'general'))).toBe('呼叫中');
  });

  for (const reason of ['general', 'priority', 'language', 'appointment'] as const) {
    it(`are the same on the counter panel and the manager console for a guide call (${reason})`, async () => {
      const counter = guideReason(counterPanel('called', reason));
      const manager = guideReason(await managerFloor('called', reason));
      expect(counter).toBe(GUIDE_REASON_LABEL[reason]);
      expect(manager).toBe(counter);
    });
  }
});
