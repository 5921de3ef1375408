export * from './config/hall-config';
export * from './domain/ticket';
export * from './domain/window';
