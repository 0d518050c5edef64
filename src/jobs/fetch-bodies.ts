// Reads the GOV.UK Content API record of new and majorly updated items (the feed carries a title and
// one line; the body says what was done), politely: paced per host, conditional when we hold an ETag,
// never before max-age, a failure backed off and retried on a later cycle. A host that fails is left
// alone for the rest of the cycle, and the cycle stops reading after its budget: bodies never hold up
// a poll, and an item is matched on its feed text meanwhile.

import type { Config } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import type { FetchError } from '../feeds/fetch-error.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import type { Pacer } from '../feeds/pacer.ts';
import { parseContentRecord } from '../feeds/parse-content.ts';
import { nextPollAfterFailure } from '../feeds/politeness.ts';
import type { Logger } from '../log.ts';
import {
  dueBodies,
  recordBodyFailure,
  recordBodyMissing,
  recordBodyRead,
  recordBodyUnchanged,
} from '../store/bodies-table.ts';
import type { Db } from '../store/open-store.ts';
import type { Clock } from './clock.ts';

export interface BodiesDeps {
  db: Db;
  log: Logger;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  clock: Clock;
  pacer: Pacer;
}

export interface BodiesReport {
  read: number;
  unchanged: number;
  missing: number;
  failed: number;
  /** Due but left for a later cycle (budget spent, or their host failed this cycle). */
  deferred: number;
}

/** A major update within max-age would read the CDN's stale copy; a longer max-age than this is not waited out. */
const maxFreshSeconds = 3600;

/** Reads per cycle, and wall time: a 15-minute cycle at 3 a second has room for these and its feeds. */
export const bodyBudget = { reads: 100, ms: 60_000 };

export async function fetchBodies(
  config: Config,
  deps: BodiesDeps,
  budget = bodyBudget,
): Promise<BodiesReport> {
  const { db, log } = deps;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const report: BodiesReport = { read: 0, unchanged: 0, missing: 0, failed: 0, deferred: 0 };
  const due = dueBodies(db, nowIso, budget.reads);
  const failedHosts = new Set<string>();
  const started = performance.now();
  for (const body of due) {
    const host = new URL(body.url).host;
    if (failedHosts.has(host) || performance.now() - started > budget.ms) {
      report.deferred++;
      continue;
    }
    await deps.pacer.wait(body.url);
    let response: FetchOutcome;
    try {
      response = await deps.fetchFeed({
        url: body.url,
        etag: body.etag,
        lastModified: body.lastModified,
        userAgent: config.fetch.userAgent,
        timeoutMs: config.fetch.timeoutSeconds * 1000,
        maxBytes: config.fetch.maxBytes,
        accept: 'application/json',
      });
    } catch (err) {
      const e = err as Partial<FetchError>;
      if (e.status === 404 || e.status === 410) {
        recordBodyMissing(db, body.itemId, e.status, nowIso);
        report.missing++;
        continue;
      }
      failedHosts.add(host);
      fail(deps, body.itemId, body.url, body.attempts, err, now);
      report.failed++;
      continue;
    }
    const freshUntil = new Date(
      now.getTime() + Math.min(response.maxAgeSeconds ?? 0, maxFreshSeconds) * 1000,
    ).toISOString();
    if (response.kind === 'not-modified') {
      recordBodyUnchanged(db, body.itemId, 304, freshUntil, nowIso);
      report.unchanged++;
      continue;
    }
    try {
      const record = parseContentRecord(response.body);
      recordBodyRead(
        db,
        body.itemId,
        {
          body: record.body,
          description: record.description,
          publisher: record.publisher,
          firstPublishedAt: record.firstPublishedAt,
          status: response.status,
          etag: response.etag,
          lastModified: response.lastModified,
          freshUntil,
        },
        nowIso,
      );
      report.read++;
    } catch (err) {
      fail(deps, body.itemId, body.url, body.attempts, err, now);
      report.failed++;
    }
  }
  if (due.length)
    log.info('bodies.read', {
      read: report.read,
      unchanged: report.unchanged,
      missing: report.missing,
      failed: report.failed,
      deferred: report.deferred,
    });
  return report;
}

function fail(
  deps: BodiesDeps,
  itemId: number,
  url: string,
  attempts: number,
  err: unknown,
  now: Date,
): void {
  const e = err as Partial<FetchError>;
  const nextAttemptAt = nextPollAfterFailure(now, attempts + 1, e.retryAfterSeconds ?? null).toISOString();
  const error = errorMessage(err);
  recordBodyFailure(deps.db, itemId, {
    status: e.status ?? null,
    error,
    nextAttemptAt,
    now: now.toISOString(),
  });
  deps.log.warn('body.failed', {
    item: itemId,
    url,
    status: e.status,
    error,
    next_attempt_at: nextAttemptAt,
  });
}
