export * from './fetch-json';
export * from './poll';
export * from './realtime';
export * from './hall-feed';
