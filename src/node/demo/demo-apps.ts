import type { AppManifest } from '../../apps/app-manifest.ts';
import { prisonApp } from '../../apps/prison/manifest.ts';

/** The apps the demo province runs; each brings its contracts, roles and policies. */
export const demoApps: AppManifest[] = [prisonApp];
