/**
 * The weekly digest: what changed since the last one (changes.ts, pure), cut by the cron
 * (cut.ts) and delivered through the queue (deliver.ts), with admin and web routes.
 */
export { computeChanges, firstBaseline, hasNews, isEmpty, weekStart, type ChangedItem, type Changes, type MilestoneChange, type UpdateRef } from './changes';
export { fingerprint, sameItem, sameRisk, SeenItems } from './fingerprint';
export { snapshotOf, takeSnapshot, type Snapshot } from './snapshot';
export { ancestry, filterChanges, scopeSetKey } from './scope';
export { digestSubject } from './subject';
export { cutDigest, digestPeriod, enqueueRecipients, isoWeek, pendingChanges, RECIPIENTS_PER_MESSAGE, type DigestBatch, type CutResult } from './cut';
export { deliverBatch, digestRenderCount, followUps, handleDigestQueue, retryDelaySeconds, type DeliveryMessage } from './deliver';
export { resumeDigest, resumeStuckDeliveries, resumeStuckMail, retentionDays, runDigestCron } from './cron';
export { assertDigestConfig, digestConfigProblems, DigestConfigError } from './preflight';
export { deliveryStatus, findDigest, latestSnapshot, listDigests, type Digest, type DeliveryStatus } from './store';
export { digestRoutes } from './routes';
