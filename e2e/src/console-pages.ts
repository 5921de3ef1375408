import type { Page } from 'playwright-core';
import type { HallRig } from './hall-rig';

type Open = (path: string, viewport?: { width: number; height: number }) => Promise<Page>;

/**
 * The console at /manager/ logged in as `staffId`: the manager's 管理台, or a chief representative's 工作台 once it
 * knows their department and is following the hall.
 */
export async function openConsole(
  open: Open,
  staffId: string,
  password: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await open('/manager/', viewport);
  await page.getByTestId('manager-login-staff').fill(staffId);
  await page.getByTestId('manager-login-password').fill(password);
  await page.getByTestId('manager-login-submit').click();
  await page.getByTestId('floor').waitFor();
  await page.getByTestId('followups').waitFor();
  return page;
}

/** The rating pad of `window`, idle and waiting for the window's next finished service. */
export async function openRatingPad(open: Open, window: number): Promise<Page> {
  const pad = await open(`/rating/?window=${window}&key=demo-rating-${window}`, { width: 1280, height: 800 });
  await pad.getByTestId('rating-idle').waitFor();
  return pad;
}

/**
 * A citizen takes a `windowType` ticket, is called, served and finished at `window` by `clerk` (logged in there
 * through the API), then rates the service `level` on the window's pad with the reason `reason`. The ticket number.
 */
export async function serveAndRate(
  rig: HallRig,
  pad: Page,
  service: { window: number; clerk: string; windowType: string; level: string; reason?: string },
): Promise<string> {
  const { window, clerk, windowType, level, reason } = service;
  const token = await rig.api.login(clerk, 'demo', window);
  const ticket = await rig.api.serve(window, token, windowType);
  await pad.getByTestId('rating-ask').waitFor();
  await pad.getByTestId(`rating-level-${level}`).click();
  if (reason) await pad.getByTestId(`rating-reason-${reason}`).click();
  await pad.getByTestId('rating-submit').click();
  await pad.getByTestId('rating-thanks').waitFor();
  return ticket.number;
}
