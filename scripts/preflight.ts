/**
 * First step of `npm test`: the end-to-end tests need a Chromium, and without one they would fail
 * only after minutes of type-checking, linting and building. Exits 1 with one line saying how to
 * get one; on success names the browser the tests will launch.
 */
import { findChromium, SYSTEM_FS } from './chromium';

const chromium = findChromium(process.env, SYSTEM_FS);
if (chromium.found) {
  console.log(`Chromium for the end-to-end tests: ${chromium.path} (${chromium.via})`);
} else {
  console.error(chromium.message);
  process.exitCode = 1;
}
