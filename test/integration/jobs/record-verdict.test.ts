// A person's verdict on a real store: `not-related` withdraws an alert's item from every count and
// from the outbox and it is never raised again; `evidence` makes any stored item count; a Slack
// action delivered twice is applied once; a digest for a past week is not changed by a later verdict.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import type { MatchHit } from '../../../src/match/match-types.ts';
import { listEvents } from '../../../src/store/commitment-state-table.ts';
import { lastEvidenceBefore } from '../../../src/store/digest-queries.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { countEvidence, evidenceFor, matchesBetween, recordMatch } from '../../../src/store/matches-table.ts';
import { enqueueAlert, listOutbox } from '../../../src/store/outbox-table.ts';
import { listVerdicts } from '../../../src/store/verdicts-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

let t: TempDb;
let ids: number[];
const cid = 'customs-partnership';
const url = (n: number) => `https://www.gov.uk/government/news/item-${n}`;
const hit = (itemId: number): MatchHit => ({
  commitmentId: cid,
  itemId,
  kind: 'progress',
  score: 2,
  why: {
    rule: 'customs partnership',
    hits: [{ term: 'customs partnership', fields: ['title'], context: 'x' }],
  },
});

beforeEach(() => {
  t = tempDb();
  const items = [1, 2, 3].map((n) => ({
    path: `/government/news/item-${n}`,
    url: url(n),
    title: `Item ${n}`,
    displayType: 'Press release',
    summary: '',
    updatedAt: `2024-05-0${n}T09:00:00.000Z`,
  }));
  ids = t.db.transaction(() => upsertItems(t.db, 'feed', items, '2024-05-04T09:00:00.000Z', 'live'))()
    .inserted;
  recordMatch(t.db, hit(ids[0]!), '2024-05-04T09:00:00.000Z', 'live');
  recordMatch(t.db, hit(ids[1]!), '2024-05-04T09:00:00.000Z', 'live');
  enqueueAlert(t.db, {
    key: `${cid}|item:2|progress`,
    commitmentId: cid,
    kind: 'progress',
    itemId: ids[1]!,
    channel: '#followthrough',
    now: '2024-05-04T09:00:00.000Z',
    payload: {
      kind: 'progress',
      raisedAt: '2024-05-04T09:00:00.000Z',
      commitment: {
        id: cid,
        title: 'Customs',
        status: 'open',
        owners: [],
        sourceUrl: 'https://www.gov.uk/x',
      },
    },
  });
});
afterEach(() => t.cleanup());

const at = new Date('2024-05-10T12:00:00.000Z');

describe('recordVerdict', () => {
  it('not-related withdraws the item: counts, evidence list, waiting alert; recorded with who and why', () => {
    expect(countEvidence(t.db, cid)).toBe(2);
    const out = recordVerdict(t.db, {
      commitmentId: cid,
      itemUrl: url(2),
      verdict: 'not-related',
      actor: 'U0REVIEW1',
      at,
      via: 'slack',
      note: 'about tobacco',
    });
    expect(out).toMatchObject({ applied: true, verdict: 'not-related', was: 'progress', cancelledAlerts: 1 });
    expect(countEvidence(t.db, cid)).toBe(1);
    expect(evidenceFor(t.db, cid).map((e) => e.url)).toEqual([url(1)]);
    expect(listOutbox(t.db)[0]).toMatchObject({
      state: 'cancelled',
      lastError: 'withdrawn: marked not related by U0REVIEW1',
    });
    expect(listVerdicts(t.db, cid)).toMatchObject([
      { itemUrl: url(2), verdict: 'not-related', actor: 'U0REVIEW1', via: 'slack', note: 'about tobacco' },
    ]);
    expect(listEvents(t.db, cid).at(-1)).toMatchObject({
      kind: 'verdict',
      actor: 'U0REVIEW1',
      evidenceUrl: url(2),
    });
  });

  it('an item marked not related is never raised again for that commitment', () => {
    recordVerdict(t.db, {
      commitmentId: cid,
      itemUrl: url(2),
      verdict: 'not-related',
      actor: 'ana',
      at,
      via: 'cli',
    });
    expect(recordMatch(t.db, hit(ids[1]!), '2024-05-11T09:00:00.000Z', 'live', true)).toEqual({
      outcome: 'rejected',
      previousKind: 'progress',
    });
    expect(countEvidence(t.db, cid)).toBe(1);
  });

  it('evidence on an item no rule raised makes it count, and it is new evidence in the week it was confirmed', () => {
    recordVerdict(t.db, {
      commitmentId: cid,
      itemUrl: url(3),
      verdict: 'evidence',
      actor: 'ana',
      at,
      via: 'cli',
    });
    expect(countEvidence(t.db, cid)).toBe(3);
    expect(evidenceFor(t.db, cid)[0]).toMatchObject({ url: url(3), verdict: 'evidence', verdictBy: 'ana' });
    const week = matchesBetween(t.db, '2024-05-06T00:00:00.000Z', '2024-05-13T00:00:00.000Z');
    expect(week.map((m) => m.url)).toEqual([url(3)]);
  });

  it('finds the item by its GOV.UK path too, and refuses an address it does not hold', () => {
    expect(
      recordVerdict(t.db, {
        commitmentId: cid,
        itemUrl: 'https://www.gov.uk/government/news/item-1?utm_source=x',
        verdict: 'evidence',
        actor: 'a',
        at,
        via: 'cli',
      }).item.id,
    ).toBe(ids[0]);
    expect(() =>
      recordVerdict(t.db, {
        commitmentId: cid,
        itemUrl: url(9),
        verdict: 'evidence',
        actor: 'a',
        at,
        via: 'cli',
      }),
    ).toThrow(/no stored item at/);
    expect(() =>
      recordVerdict(t.db, {
        commitmentId: cid,
        itemUrl: url(1),
        verdict: 'maybe',
        actor: 'a',
        at,
        via: 'cli',
      }),
    ).toThrow(/--verdict must be one of evidence, not-related/);
  });

  it('a Slack action delivered twice is applied once', () => {
    const action = {
      commitmentId: cid,
      itemUrl: url(2),
      verdict: 'not-related',
      actor: 'U1',
      at,
      via: 'slack' as const,
      actionKey: 'U1|followthrough_not_related|1715342400.123',
    };
    expect(recordVerdict(t.db, action).applied).toBe(true);
    expect(recordVerdict(t.db, { ...action, at: new Date(at.getTime() + 5000) }).applied).toBe(false);
    expect(listVerdicts(t.db, cid)).toHaveLength(1);
    expect(listEvents(t.db, cid).filter((e) => e.kind === 'verdict')).toHaveLength(1);
  });

  it('a digest for an earlier week still shows the evidence as it stood then', () => {
    recordVerdict(t.db, {
      commitmentId: cid,
      itemUrl: url(2),
      verdict: 'not-related',
      actor: 'ana',
      at,
      via: 'cli',
    });
    expect(lastEvidenceBefore(t.db, cid, '2024-05-06T00:00:00.000Z')?.url).toBe(url(2));
    expect(lastEvidenceBefore(t.db, cid, '2024-05-13T00:00:00.000Z')?.url).toBe(url(1));
  });
});
