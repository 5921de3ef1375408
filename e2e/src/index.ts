export * from './chromium';
export * from './browser';
export * from './hall-server';
export * from './kiosk-flows';
