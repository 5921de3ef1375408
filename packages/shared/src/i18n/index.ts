export * from './create-i18n';
export * from './catalogue';
export * from './staff-labels';
export * from './notice-text';
export { consoleMessages, guideDeskMessages, settingsMessages } from './namespaces';
