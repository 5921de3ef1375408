export * from './config/hall-config';
export * from './domain/ticket';
export * from './domain/window';
export * from './api/index';
export * from './domain/index';
export * from './client/fetch-json';
export * from './client/poll';
export * from './i18n/index';
