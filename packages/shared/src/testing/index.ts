export * from './fixtures';
export * from './fake-realtime';
export * from './fake-hall-client';
