export type DeviceStatus = 'ready' | 'offline' | 'error';
