import { describe, expect, it } from 'vitest';
import { demoHall, issuedTicket, testKiosk } from '../../test-services';
import { cannotTakeTickets, guideReason, idleSecondsLeft } from './selectors';

describe('the idle reset', () => {
  it('after 60 s without a touch goes home in Chinese with elderly mode off, counting down the last 10 s', () => {
    const kiosk = testKiosk();
    kiosk.state().setLanguage('bo');
    kiosk.state().toggleElderly();
    kiosk.state().chooseWindowType('social-security');
    kiosk.state().typeLetter('s');

    kiosk.advance(49_000);
    expect(idleSecondsLeft(kiosk.state())).toBeNull();
    kiosk.advance(1_000);
    expect(idleSecondsLeft(kiosk.state())).toBe(10);
    kiosk.advance(9_000);
    expect(idleSecondsLeft(kiosk.state())).toBe(1);
    kiosk.advance(1_000);

    expect(kiosk.state()).toMatchObject({
      screen: { name: 'home' },
      language: 'zh',
      elderly: false,
      query: '',
      choice: { windowType: null, serviceItem: null, priority: null },
    });
  });

  it('restarts the countdown on a touch', () => {
    const kiosk = testKiosk();
    kiosk.state().openPriority();
    kiosk.advance(55_000);
    kiosk.state().touch();
    kiosk.advance(55_000);
    expect(kiosk.state().screen.name).toBe('priority');
  });

  it('waits for a request in flight before resetting', () => {
    const kiosk = testKiosk();
    kiosk.state().chooseWindowType('personal');
    kiosk.api.issueTicket.mockReturnValue(new Promise(() => {}));
    void kiosk.state().takeTicket();
    kiosk.advance(120_000);
    expect(kiosk.state().screen).toEqual({ name: 'busy', task: 'issuing' });
  });
});

describe("the citizen's language belongs to the citizen", () => {
  async function ticketInTibetan(kiosk: ReturnType<typeof testKiosk>) {
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('A001'));
    kiosk.state().setLanguage('bo');
    kiosk.state().toggleElderly();
    kiosk.state().chooseWindowType('personal');
    await kiosk.state().takeTicket();
    expect(kiosk.state().screen.name).toBe('ticket');
  }

  it('完成 ends the visit: home in Chinese, elderly mode off, for the next citizen', async () => {
    const kiosk = testKiosk();
    await ticketInTibetan(kiosk);
    kiosk.state().resetSession();
    expect(kiosk.state()).toMatchObject({ screen: { name: 'home' }, language: 'zh', elderly: false, issued: null });
  });

  it('the ticket screen going home by itself returns to Chinese too', async () => {
    const kiosk = testKiosk();
    await ticketInTibetan(kiosk);
    kiosk.advance(10_000);
    expect(kiosk.state()).toMatchObject({ screen: { name: 'home' }, language: 'zh', elderly: false });
  });

  it('going home mid-visit keeps the language: the same citizen is still choosing', () => {
    const kiosk = testKiosk();
    kiosk.state().setLanguage('en');
    kiosk.state().chooseWindowType('tax');
    kiosk.state().goHome();
    expect(kiosk.state()).toMatchObject({ screen: { name: 'home' }, language: 'en' });
  });
});

describe('when the server cannot be reached', () => {
  it('says no ticket can be taken over the choosing screens while the feed is lost, and not once it is back', () => {
    const kiosk = testKiosk();
    expect(cannotTakeTickets(kiosk.state())).toBe(false);
    kiosk.realtime.handlers!.connection('disconnected');
    expect(cannotTakeTickets(kiosk.state())).toBe(true);
    kiosk.state().chooseWindowType('tax');
    expect(cannotTakeTickets(kiosk.state())).toBe(true);
    kiosk.realtime.handlers!.connection('connected');
    expect(cannotTakeTickets(kiosk.state())).toBe(false);
  });

  it('says so when the hall could not be loaded', () => {
    const kiosk = testKiosk();
    kiosk.store.setState({ hallStatus: 'failed' });
    expect(cannotTakeTickets(kiosk.state())).toBe(true);
  });

  it('never hides a ticket the citizen already holds', async () => {
    const kiosk = testKiosk({ bridge: null });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('A001'));
    kiosk.state().chooseWindowType('personal');
    await kiosk.state().takeTicket();
    kiosk.realtime.handlers!.connection('disconnected');
    expect(kiosk.state().screen.name).toBe('ticket');
    expect(cannotTakeTickets(kiosk.state())).toBe(false);
  });
});

describe('choosing a window type', () => {
  it('goes to the item step for a type with items', () => {
    const kiosk = testKiosk();
    kiosk.state().chooseWindowType('tax');
    expect(kiosk.state().screen.name).toBe('items');
  });

  it('issues at once for a type with no items of its own', async () => {
    const hall = demoHall();
    hall.serviceItems = hall.serviceItems.filter((s) => s.windowType !== 'consult');
    const kiosk = testKiosk({ bridge: null, hall });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('N001'));
    kiosk.state().chooseWindowType('consult');
    await Promise.resolve();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({ body: { requestId: 'request-1', windowType: 'consult' } });
  });
});

describe('the priority button', () => {
  it('under help_and_proxy issues a priority ticket for the 帮办代办 type straight away', async () => {
    const kiosk = testKiosk({ bridge: null, hall: demoHall('help_and_proxy') });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('K001'));
    kiosk.state().openPriority();
    kiosk.state().choosePriorityGroup('elderly');
    await Promise.resolve();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: { requestId: 'request-1', windowType: 'help', priority: 'elderly' },
    });
  });

  it('under priority_ticket lets the citizen choose any type and marks the ticket priority', async () => {
    const kiosk = testKiosk({ bridge: null, hall: demoHall('priority_ticket') });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    kiosk.state().openPriority();
    kiosk.state().choosePriorityGroup('pregnant');
    expect(kiosk.state().screen.name).toBe('priority-types');
    kiosk.state().chooseWindowType('social-security');
    await kiosk.state().takeTicket();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: { requestId: 'request-1', windowType: 'social-security', priority: 'pregnant' },
    });
  });

  it('tells the guide the call is about priority service', () => {
    const kiosk = testKiosk();
    kiosk.state().openPriority();
    expect(guideReason(kiosk.state())).toBe('priority');
  });
});

describe('going back', () => {
  it('from an item returns to the list, and from the list home', () => {
    const kiosk = testKiosk();
    kiosk.state().chooseWindowType('tax');
    kiosk.state().openItem('invoice-issuance');
    kiosk.state().back();
    expect(kiosk.state()).toMatchObject({ screen: { name: 'items' }, choice: { serviceItem: null } });
    kiosk.state().back();
    expect(kiosk.state().screen.name).toBe('home');
  });
});
