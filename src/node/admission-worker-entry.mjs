// Worker entry: registers tsx in this thread, then loads the TypeScript
// worker. Works whether or not the parent process was started with tsx.
import { register } from 'tsx/esm/api';
register();
await import('./admission-worker.ts');
