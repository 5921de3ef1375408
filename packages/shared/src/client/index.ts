export * from './hall-client';
export * from './poll';
export * from './realtime';
export * from './hall-feed';
export * from './feed-slice';
export * from './request-id';
