/**
 * How the e2e scenarios start a browser on this kind of machine: Debian's Chromium (Playwright cannot download its
 * own here), headless, with the flags that keep it off the closed network.
 */
/** The hall server's name on the LAN in the scenarios; it resolves to the loopback server. */
export const LAN_HOST = 'hall.lan';

export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.HALLQ_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    // A name for the hall server as a clerk PC on the LAN reaches it: plain http to a host that is not localhost is
    // not a secure context, where browser APIs such as crypto.randomUUID are missing.
    `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
  ],
} as const;
