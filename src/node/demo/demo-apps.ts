import type { AppManifest } from '../../apps/app-manifest.ts';
import { prisonApp } from '../../apps/prison/manifest.ts';
import { prisonSubjectReaders } from '../../apps/prison/procedures/prisoner-subject.ts';
import type { SubjectReader } from '../../procedures/contract/index.ts';

/** The apps the demo province runs; each brings its contracts, roles and policies. */
export const demoApps: AppManifest[] = [prisonApp];

/** How the apps' records appear to procedure guards, by subject type (`prisoner` → the prisoner's row). */
export const demoSubjectReaders: Readonly<Record<string, SubjectReader>> = { ...prisonSubjectReaders };
