import { describe, expect, it } from 'vitest';
import { IdCardReaderSimulator } from '../id-card/id-card-simulator';
import { runReaderCommand } from '../id-card/id-card-simulator-commands';
import { SmsModemSimulator } from '../sms/sms-modem-simulator';
import { runModemCommand } from '../sms/sms-modem-simulator-commands';

describe('the commands typed at a simulated reader', () => {
  it('places a preset card, telling only its masked name, and takes it away', () => {
    const reader = new IdCardReaderSimulator();
    expect(runReaderCommand(reader, 'place zhang-san')).toBe('card placed: 张*');
    expect(reader.hasCard).toBe(true);
    expect(runReaderCommand(reader, 'remove')).toBe('card removed');
    expect(reader.hasCard).toBe(false);
  });

  it('names the commands it knows for one it does not, and ignores a blank line', () => {
    const reader = new IdCardReaderSimulator();
    expect(() => runReaderCommand(reader, 'insert card')).toThrow(/place <zhang-san/);
    expect(runReaderCommand(reader, '   ')).toBeNull();
  });
});

describe('the commands typed at a simulated modem', () => {
  it('takes the SIM out and loses the network on command', () => {
    const modem = new SmsModemSimulator();
    runModemCommand(modem, 'nosim');
    runModemCommand(modem, 'unregister');
    expect(modem.sim).toBe('absent');
    expect(modem.registration).toBe('searching');
  });

  it('refuses a failure code that is not a whole number, and a command it does not know', () => {
    const modem = new SmsModemSimulator();
    expect(() => runModemCommand(modem, 'fail x')).toThrow(/whole/);
    expect(() => runModemCommand(modem, 'fail')).toThrow(/fail <code>/);
    expect(() => runModemCommand(modem, 'explode')).toThrow(/nosim\|sim\|pin/);
    expect(runModemCommand(modem, 'list')).toBe('nothing sent yet');
  });
});
