/**
 * The hall file: reading and checking a hall's YAML or JSON, and the built-in demo hall. Node only (it reads files);
 * the server loads its hall with it, and every app's tests load the demo hall from here.
 */
export { DEMO_HALL_PATH, HallConfigError, loadHallConfig } from './load-hall-config';
export { demoSecretsIn } from './demo-secrets';
export { deviceKeyMatches, hashDeviceKey, newDeviceKey } from './device-key';
export { hallFileText } from './hall-file-text';
