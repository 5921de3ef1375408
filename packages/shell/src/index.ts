// The parts every HallQ Electron shell shares: plain Node modules, no Electron, so they are tested without it.
export { createConnector, isPageUp, RETRY_DELAYS_MS, type ConnectionDeps } from './connection';
export { issueLines } from './issues';
export { connectingPageUrl, outOfServicePageUrl } from './local-pages';
export { isAllowedUrl } from './navigation-policy';
export {
  idSetting,
  loadSettings,
  parseSettings,
  serverUrlSetting,
  SettingsError,
  settingsObject,
  settingsPath,
} from './settings';
export { keepPageLoaded, type KeepPageLoadedOptions, type PageContents } from './keep-page-loaded';
