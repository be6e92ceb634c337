// The emulator for bench/verifier.mjs, in a process of its own: its origin goes back over IPC.
import { startEmulator } from '../dist/emulator/index.js';

const emulator = await startEmulator({ port: 0 });
process.send({ origin: emulator.origin });
