import type { SimulatedLockLine } from '@hallq/devices/simulation';
import type { CompartmentSize } from '@hallq/shared/contracts';
import type { Page } from 'playwright-core';

/** The demo locker: cabinet A on board 1 (A03 = channel 3), cabinet B on board 2. */
export function doorOf(line: SimulatedLockLine, compartment: string) {
  return {
    board: line.simulator.board(compartment.startsWith('A') ? 1 : 2),
    channel: Number(compartment.slice(1)),
  };
}

/** What a pickup-window clerk types into the counter panel's 存入取件柜 form. */
export interface DepositForm {
  caseNumber: string;
  description: string;
  name: string;
  phone: string;
  size: CompartmentSize;
}

/** Opens the panel's deposit form and fills it in, not yet submitted. */
export async function fillDeposit(panel: Page, item: DepositForm): Promise<void> {
  await panel.getByTestId('deposit-open').click();
  await panel.getByTestId('deposit-case').fill(item.caseNumber);
  await panel.getByTestId('deposit-description').fill(item.description);
  await panel.getByTestId('deposit-name').fill(item.name);
  await panel.getByTestId('deposit-phone').fill(item.phone);
  await panel.getByTestId(`deposit-size-${item.size}`).click();
}
