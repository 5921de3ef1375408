// Makes a device key for a hall file: `tsx scripts/device-key.ts` prints a new random key and its `keyHash`;
// `tsx scripts/device-key.ts <key>` hashes a key you already have. The key goes into the device's own settings, the
// hash into the hall file; the key itself never goes into the file.
import { hashDeviceKey, newDeviceKey } from '@hallq/hall-file';

const args = process.argv.slice(2);
if (args.length > 1 || args[0] === '') {
  console.error('usage: tsx scripts/device-key.ts [key]');
  process.exit(2);
}
const key = args[0] ?? newDeviceKey();
if (args[0] !== undefined && key.length < 24)
  console.error('warning: a key shorter than 24 characters can be guessed; run without an argument for a new one');
if (args[0] === undefined) console.log(`key:     ${key}`);
console.log(`keyHash: ${hashDeviceKey(key)}`);
