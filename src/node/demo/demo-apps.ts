import type { AppManifest } from '../../apps/app-manifest.ts';

/** The apps the demo province runs; each brings its contracts, roles and policies. */
export const demoApps: AppManifest[] = [];
