#!/usr/bin/env node
// Entry for the `custos` command: loads the TypeScript CLI through tsx so that
// no build step stands between a fresh clone and a running node.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
