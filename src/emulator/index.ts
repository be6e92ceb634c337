export { startEmulator, API_PATH, CURRENT_SCRIPT_PATH, CURRENT_SCRIPT_PATHS, type Emulator, type EmulatorOptions, type EmulatorFault } from './server.js';
export { TEST_CREDENTIALS, type EmulatorCredential, type EmulatorMode } from './credentials.js';
