export * from './chromium';
export * from './browser';
export * from './hall-server';
export * from './kiosk-flows';
export * from './guide-pages';
export * from './console-pages';
