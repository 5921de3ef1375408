/**
 * How the e2e scenarios start a browser on this kind of machine: Debian's Chromium (Playwright cannot download its
 * own here), headless, with the flags that keep it off the closed network.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.HALLQ_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
} as const;
