export * from './fixtures';
export * from './fake-realtime';
