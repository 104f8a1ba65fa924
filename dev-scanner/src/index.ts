/** Public API of the development virus scanner. */
export { startDevScanner, findClamd, EICAR, CLAMD_INSTALL_HINT, type DevScanner } from './dev-scanner.ts';
