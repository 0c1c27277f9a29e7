/**
 * What the Worker does, loaded on first use (src/index.ts imports this module dynamically): a
 * new isolate's start-up then compiles and runs little more than index.ts, whatever the size
 * of the routes, validators and email templates (esbuild keeps a dynamically imported module
 * as a lazy initialiser in the one bundle).
 */
export { createWorkerApp } from './app';
export { handleDigestQueue, resumeStuckMail, runDigestCron } from './digest';
export { loadCatalog } from './catalog';
export { problemResponse } from './http/problem';
export { announceNewUpdates, HOURLY_CRON } from './digest/instant';
export { pingChangedFeeds } from './websub/ping';
export { handleMailEventQueue } from './subscribers/events';
