import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createHallClient } from '@hallq/shared/client';
import type { GuideCall, PublicGuideCall } from '@hallq/shared/contracts';
import { VIEWPORTS } from './browser';
import type { staffPages } from './staff-pages';

/** The guide desk (导办台) at /guide/, logged in as `staffId` (the demo guides g01 一楼, g02 二楼; password demo). */
export async function openGuideDesk(
  pages: ReturnType<typeof staffPages>,
  staffId: string,
  viewport: { width: number; height: number } = VIEWPORTS.clerk,
): Promise<Page> {
  const page = await pages.open('/guide/', viewport);
  await page.getByTestId('guide-login-staff').fill(staffId);
  await page.getByTestId('guide-login-password').fill(staffId === 'admin' ? 'admin' : 'demo');
  await page.getByTestId('guide-login-submit').click();
  await page.getByTestId('guide-calls').waitFor();
  return page;
}

/** A kiosk's 呼叫导办 through the API with its device key, and the kiosk reading its call back (who is coming). */
export function kioskGuideCalls(url: string) {
  const client = createHallClient({ baseUrl: url, timeoutMs: 10_000 });
  return {
    async call(key: string, reason: GuideCall['reason'] = 'general'): Promise<PublicGuideCall> {
      return (await client.call('callGuide', { token: key, body: { requestId: randomUUID(), reason } })).call;
    },
    async get(key: string, id: string): Promise<PublicGuideCall> {
      return (await client.call('guideCall', { token: key, params: { id } })).call;
    },
  };
}
