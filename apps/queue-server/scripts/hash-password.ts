// Prints a staff password hash for a hall config file: `tsx scripts/hash-password.ts <password>`.
// Hall admins paste the output into `passwordHash`; the password itself never goes into the file.
import { hashPassword } from '../src/auth/password';

const [password, ...rest] = process.argv.slice(2);
if (password === undefined || password === '' || rest.length > 0) {
  console.error('usage: tsx scripts/hash-password.ts <password>');
  process.exit(2);
}
console.log(hashPassword(password));
