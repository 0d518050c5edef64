// Replays a history of items through the real engine, day by day, in a fresh in-memory database:
// status check at 09:00 local, then that day's items stored and matched. Nothing is delivered;
// what would have been raised is read back from the store and grouped week by week.

import type { Commitment } from '../commitments/commitment.ts';
import { addDays, localDay, mondayOf, startOfDay } from '../calendar.ts';
import type { Config } from '../config/config.ts';
import type { FeedItem } from '../feeds/feed-item.ts';
import { canonicalPath } from '../feeds/normalise.ts';
import { FollowthroughError } from '../errors.ts';
import { silentLogger } from '../log.ts';
import type { MatchKind, MatchReason } from '../match/match-types.ts';
import { listCommitmentStates, listEvents } from '../store/commitment-state-table.ts';
import { upsertItems, type ItemOrigin } from '../store/items-table.ts';
import { allMatches } from '../store/matches-table.ts';
import { openStore, type Db } from '../store/open-store.ts';
import { listOutbox } from '../store/outbox-table.ts';
import { checkStatuses } from '../jobs/check-statuses.ts';
import { fixedClock } from '../jobs/clock.ts';
import type { HistoryItem } from './history-file.ts';
import { matchPending } from '../jobs/match-pending.ts';
import { syncCommitments } from '../jobs/sync-commitments.ts';

export interface ReplayInput {
  config: Config;
  commitments: Commitment[];
  items: HistoryItem[];
  /** First and last day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Keep the replayed database in this (new, empty) file instead of memory, e.g. to build a digest from it. */
  database?: string;
  /** Called after each day's matching, e.g. for a simulated reviewer who answers what was presented. */
  afterDay?: (db: Db, day: string, at: Date) => void;
}

export interface ReplayMatch {
  commitmentId: string;
  historyId: string;
  title: string;
  url: string;
  published: string;
  matchedOn: string;
  kind: MatchKind | 'related';
  score: number;
  why: MatchReason;
  /** `verdict`: a row a person's verdict made, not something the engine raised. */
  origin: string;
  verdict: 'evidence' | 'not-related' | null;
}

export interface ReplayStatusChange {
  commitmentId: string;
  on: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface ReplayAlert {
  commitmentId: string;
  kind: string;
  on: string;
  itemTitle?: string;
}

export interface ReplayWeek {
  /** Monday of the week, YYYY-MM-DD. */
  monday: string;
  matches: ReplayMatch[];
  statusChanges: ReplayStatusChange[];
  alerts: ReplayAlert[];
}

export interface ReplayResult {
  from: string;
  to: string;
  items: number;
  weeks: ReplayWeek[];
  commitments: Array<{
    id: string;
    matches: number;
    firstEvidence: string | null;
    overdueOn: string | null;
    finalStatus: string;
  }>;
  matches: ReplayMatch[];
}

const replayFeed = 'replay';

export function replay(input: ReplayInput): ReplayResult {
  const { config, commitments, from, to } = input;
  const tz = config.timezone;
  const db = openStore(input.database ?? ':memory:');
  try {
    const used = db
      .prepare('SELECT (SELECT COUNT(*) FROM items) + (SELECT COUNT(*) FROM commitment_state) AS n')
      .pluck()
      .get() as number;
    if (used > 0)
      throw new FollowthroughError(
        'replay_db_in_use',
        `${input.database} already holds data: replay into a new file, never into a live database`,
      );
    const deps = (now: Date) => ({ db, log: silentLogger, clock: fixedClock(now) });
    const byPath = new Map<string, HistoryItem>();
    const toFeedItem = (h: HistoryItem): FeedItem => {
      const path = canonicalPath(h.url);
      byPath.set(path, h);
      // Publication time within the day is unknown in the history file: say 09:30 local, as GOV.UK often publishes.
      const updatedAt = new Date(startOfDay(h.date, tz).getTime() + 9.5 * 3_600_000).toISOString();
      return {
        path,
        url: h.url,
        title: h.title,
        displayType: h.displayType ?? null,
        summary: h.summary,
        updatedAt,
        ...(h.body ? { body: h.body } : {}),
        ...(h.publisher ? { publisher: h.publisher } : {}),
      };
    };
    const store = (items: HistoryItem[], now: Date, origin: ItemOrigin) => {
      if (items.length) upsertItems(db, replayFeed, items.map(toFeedItem), now.toISOString(), origin);
    };
    const start = startOfDay(from, tz);
    syncCommitments(config, commitments, deps(start));
    store(
      input.items.filter((h) => h.date < from),
      start,
      'baseline',
    );
    matchPending(config, commitments, deps(start));
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const morning = new Date(startOfDay(day, tz).getTime() + 9 * 3_600_000);
      checkStatuses(config, commitments, { db, log: silentLogger, clock: fixedClock(morning) });
      const later = new Date(morning.getTime() + 3_600_000);
      store(
        input.items.filter((h) => h.date === day),
        later,
        'live',
      );
      matchPending(config, commitments, deps(later));
      input.afterDay?.(db, day, later);
    }
    return collect(db, input, byPath, tz);
  } finally {
    db.close();
  }
}

function collect(db: Db, input: ReplayInput, byPath: Map<string, HistoryItem>, tz: string): ReplayResult {
  const day = (iso: string) => localDay(new Date(iso), tz);
  const matches: ReplayMatch[] = allMatches(db).map((m) => ({
    commitmentId: m.commitmentId,
    historyId: byPath.get(m.path)?.id ?? m.path,
    title: m.title,
    url: m.url,
    published: day(m.itemUpdatedAt),
    matchedOn: day(m.matchedAt),
    kind: m.kind,
    score: m.score,
    why: m.why,
    origin: m.origin,
    verdict: m.verdict,
  }));
  const changes: ReplayStatusChange[] = input.commitments.flatMap((c) =>
    listEvents(db, c.id)
      .filter((e) => e.kind === 'status')
      .map((e) => ({
        commitmentId: c.id,
        on: day(e.at),
        from: e.fromStatus,
        to: e.toStatus,
        reason: e.reason,
      })),
  );
  const alerts: ReplayAlert[] = listOutbox(db).map((a) => ({
    commitmentId: a.commitmentId,
    kind: a.kind,
    on: day(a.createdAt),
    ...(a.payload.item ? { itemTitle: a.payload.item.title } : {}),
  }));
  const weeks = new Map<string, ReplayWeek>();
  const weekOf = (d: string): ReplayWeek => {
    const monday = mondayOf(d);
    let w = weeks.get(monday);
    if (!w) {
      w = { monday, matches: [], statusChanges: [], alerts: [] };
      weeks.set(monday, w);
    }
    return w;
  };
  for (const m of matches) weekOf(m.matchedOn).matches.push(m);
  for (const s of changes) weekOf(s.on).statusChanges.push(s);
  for (const a of alerts) weekOf(a.on).alerts.push(a);
  const states = new Map(listCommitmentStates(db).map((s) => [s.commitmentId, s]));
  return {
    from: input.from,
    to: input.to,
    items: input.items.length,
    weeks: [...weeks.values()].sort((a, b) => a.monday.localeCompare(b.monday)),
    commitments: input.commitments.map((c) => {
      const own = matches
        .filter((m) => m.commitmentId === c.id)
        .sort((a, b) => a.published.localeCompare(b.published));
      return {
        id: c.id,
        matches: own.length,
        firstEvidence: own[0]?.published ?? null,
        overdueOn: changes.find((s) => s.commitmentId === c.id && s.to === 'overdue')?.on ?? null,
        finalStatus: states.get(c.id)?.status ?? 'open',
      };
    }),
    matches,
  };
}
