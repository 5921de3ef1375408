export * from './create-i18n';
export * from './catalogue';
export * from './staff-labels';
