import { describe, expect, it } from 'vitest';
import type { Commitment, CommitmentStatus } from '../../../src/commitments/commitment.ts';
import {
  assessStatus,
  daysOverdue,
  nextReminderAt,
  planLifecycle,
  type LifecycleState,
} from '../../../src/commitments/lifecycle.ts';

const options = { timeZone: 'Europe/London', dueSoonDays: 7, reminderDays: 7 };

function commitment(over: Partial<Commitment> = {}): Commitment {
  return {
    id: 'customs-partnership',
    title: 'Customs partnership',
    source: { url: 'https://www.gov.uk/government/news/x', published: '2024-03-05', quote: 'will lead' },
    owners: ['UK', 'France'],
    due: { text: '2024-04', lastDay: '2024-04-30' },
    graceDays: 7,
    staleDays: 90,
    match: { any: ['customs partnership'], exclude: [] },
    fulfilment: [],
    ...over,
  };
}

function state(status: CommitmentStatus, over: Partial<LifecycleState> = {}): LifecycleState {
  return {
    status,
    statusSince: '2024-03-05T10:00:00.000Z',
    snoozedUntil: null,
    lastRemindedAt: null,
    ...over,
  };
}

const at = (iso: string) => new Date(iso);

describe('assessStatus with a due month (2024-04, 7 days grace, Europe/London)', () => {
  it.each([
    ['2024-04-20T09:00:00Z', 'open'],
    ['2024-04-23T22:59:59Z', 'open'], // 23 April 23:59:59 BST: eight days left
    ['2024-04-23T23:00:00Z', 'due-soon'], // 24 April 00:00 BST: seven days left
    ['2024-04-30T12:00:00Z', 'due-soon'], // the last day
    ['2024-05-05T12:00:00Z', 'due-soon'], // in its grace
    ['2024-05-07T22:59:59Z', 'due-soon'], // last second of grace (7 May, BST)
    ['2024-05-07T23:00:00Z', 'overdue'], // 8 May 00:00 BST
    ['2024-05-08T09:00:00Z', 'overdue'], // the brief's example
  ] as const)('at %s it is %s', (now, expected) => {
    expect(assessStatus(commitment(), state('open'), at(now), options).status).toBe(expected);
  });

  it('names its reason', () => {
    const a = assessStatus(commitment(), state('due-soon'), at('2024-05-08T09:00:00Z'), options);
    expect(a.reason).toBe(
      "due 2024-04 (last day 2024-04-30); 7 days' grace ended 2024-05-07 with no resolution",
    );
  });

  it.each(['met', 'partly-met', 'dropped', 'superseded'] as const)(
    'never changes a status a person set (%s)',
    (status) => {
      const plan = planLifecycle(commitment(), state(status), at('2025-01-01T09:00:00Z'), options);
      expect(plan.assessment.status).toBe(status);
      expect(plan.change).toBeUndefined();
      expect(plan.alerts).toEqual([]);
    },
  );

  it('grace days are configurable per commitment', () => {
    expect(
      assessStatus(commitment({ graceDays: 0 }), state('open'), at('2024-05-01T09:00:00Z'), options).status,
    ).toBe('overdue');
  });
});

describe('without a due date', () => {
  const noDue = commitment({ due: undefined, id: 'frontex' });

  it('is never overdue but goes stale after staleDays with no evidence', () => {
    expect(assessStatus(noDue, state('open'), at('2024-06-02T09:00:00Z'), options).status).toBe('open'); // 89 days
    const stale = assessStatus(noDue, state('open'), at('2024-06-03T09:00:00Z'), options); // 90 days
    expect(stale.status).toBe('stale');
    expect(stale.reason).toBe('no evidence for 90 days since the announcement (2024-03-05)');
    expect(assessStatus(noDue, state('open'), at('2030-01-01T09:00:00Z'), options).status).toBe('stale');
  });

  it('new evidence makes a stale commitment open again, naming the evidence', () => {
    const evidence = {
      at: '2024-07-23T08:30:00.000Z',
      title: '12,000 takedowns',
      url: 'https://www.gov.uk/government/news/takedowns',
    };
    const plan = planLifecycle(
      noDue,
      state('stale', { lastEvidence: evidence }),
      at('2024-07-24T09:00:00Z'),
      options,
    );
    expect(plan.change).toEqual({
      from: 'stale',
      to: 'open',
      reason: 'new evidence: 12,000 takedowns',
      evidenceUrl: evidence.url,
    });
    expect(plan.alerts).toEqual([]);
  });

  it('stale days are counted from the last evidence', () => {
    const evidence = { at: '2024-07-23T08:30:00.000Z', title: 't', url: 'https://www.gov.uk/x' };
    expect(
      assessStatus(noDue, state('open', { lastEvidence: evidence }), at('2024-10-20T09:00:00Z'), options)
        .status,
    ).toBe('open');
    expect(
      assessStatus(noDue, state('open', { lastEvidence: evidence }), at('2024-10-21T09:00:00Z'), options)
        .status,
    ).toBe('stale');
  });
});

describe('planLifecycle alerts', () => {
  it('open → due-soon raises one due-soon notice keyed by the due date', () => {
    const plan = planLifecycle(commitment(), state('open'), at('2024-04-24T09:00:00Z'), options);
    expect(plan.change?.to).toBe('due-soon');
    expect(plan.alerts).toEqual([{ kind: 'due-soon', key: 'customs-partnership|due-soon|2024-04-30' }]);
  });

  it('→ overdue raises the overdue alert, which counts as the first reminder', () => {
    const plan = planLifecycle(commitment(), state('due-soon'), at('2024-05-08T09:00:00Z'), options);
    expect(plan.change?.to).toBe('overdue');
    expect(plan.alerts).toEqual([{ kind: 'overdue', key: 'customs-partnership|overdue|2024-04-30' }]);
    expect(plan.remindedAt).toBe('2024-05-08T09:00:00.000Z');
  });

  it('straight from open to overdue (first seen late) skips the due-soon notice', () => {
    const plan = planLifecycle(commitment(), state('open'), at('2024-06-01T09:00:00Z'), options);
    expect(plan.alerts.map((a) => a.kind)).toEqual(['overdue']);
  });

  it('reminds after the interval, not before', () => {
    const overdue = state('overdue', {
      statusSince: '2024-05-08T09:00:00.000Z',
      lastRemindedAt: '2024-05-08T09:00:00.000Z',
    });
    expect(planLifecycle(commitment(), overdue, at('2024-05-15T08:59:59Z'), options).alerts).toEqual([]);
    const plan = planLifecycle(commitment(), overdue, at('2024-05-15T09:00:00Z'), options);
    expect(plan.alerts).toEqual([{ kind: 'reminder', key: 'customs-partnership|reminder|2024-05-15' }]);
    expect(plan.remindedAt).toBe('2024-05-15T09:00:00.000Z');
  });

  it('a snooze pauses reminders; the next one comes when it ends', () => {
    const snoozed = state('overdue', {
      statusSince: '2024-05-08T09:00:00.000Z',
      lastRemindedAt: '2024-05-08T09:00:00.000Z',
      snoozedUntil: '2024-06-01T23:00:00.000Z',
    });
    expect(planLifecycle(commitment(), snoozed, at('2024-05-20T09:00:00Z'), options).alerts).toEqual([]);
    expect(nextReminderAt(snoozed, 7)?.toISOString()).toBe('2024-06-01T23:00:00.000Z');
    expect(
      planLifecycle(commitment(), snoozed, at('2024-06-02T09:00:00Z'), options).alerts.map((a) => a.kind),
    ).toEqual(['reminder']);
  });

  it('a snooze does not stop the status changing', () => {
    const plan = planLifecycle(
      commitment(),
      state('due-soon', { snoozedUntil: '2024-06-30T23:00:00.000Z' }),
      at('2024-05-08T09:00:00Z'),
      options,
    );
    expect(plan.change?.to).toBe('overdue');
    expect(plan.alerts).toEqual([]);
  });

  it('moving the due date later takes an overdue commitment back to open, with the new date as reason', () => {
    const later = commitment({ due: { text: '2024-09', lastDay: '2024-09-30' } });
    const plan = planLifecycle(later, state('overdue'), at('2024-06-01T09:00:00Z'), options);
    expect(plan.change).toMatchObject({
      from: 'overdue',
      to: 'open',
      reason: 'due 2024-09 (last day 2024-09-30)',
    });
  });
});

describe('daysOverdue', () => {
  it('counts whole local days past the last on-time day', () => {
    expect(daysOverdue(commitment(), at('2024-05-08T09:00:00Z'), 'Europe/London')).toBe(8);
    expect(daysOverdue(commitment(), at('2024-04-20T09:00:00Z'), 'Europe/London')).toBe(0);
    expect(daysOverdue(commitment({ due: undefined }), at('2030-01-01T00:00:00Z'), 'Europe/London')).toBe(0);
  });
});

describe('reminder back-off', () => {
  const since = '2024-05-08T08:00:00.000Z';
  const day = 86_400_000;

  /** Walks the daily check over `days` days after the overdue alert; returns the day numbers reminded. */
  function remindedDays(days: number, o: typeof options & { reminderMaxDays?: number }): number[] {
    let s = state('overdue', { statusSince: since, lastRemindedAt: since });
    const out: number[] = [];
    for (let d = 1; d <= days; d++) {
      const now = new Date(Date.parse(since) + d * day);
      const plan = planLifecycle(commitment(), s, now, o);
      if (plan.alerts.some((a) => a.kind === 'reminder')) {
        out.push(d);
        s = { ...s, lastRemindedAt: plan.remindedAt! };
      }
    }
    return out;
  }

  it('doubles the gap after each reminder: 7, 14, 28, 56 … days', () => {
    expect(remindedDays(400, options)).toEqual([7, 21, 49, 105, 217]);
  });

  it('caps the gap at reminder_max_days', () => {
    expect(remindedDays(400, { ...options, reminderMaxDays: 56 })).toEqual([
      7, 21, 49, 105, 161, 217, 273, 329, 385,
    ]);
    expect(remindedDays(60, { ...options, reminderDays: 10, reminderMaxDays: 10 })).toEqual([
      10, 20, 30, 40, 50, 60,
    ]);
  });

  it('eighteen months overdue bring at most 8 reminders with the default cap (112 days)', () => {
    const reminded = remindedDays(549, { ...options, reminderMaxDays: 112 });
    expect(reminded).toEqual([7, 21, 49, 105, 217, 329, 441]);
    expect(reminded.length).toBeLessThanOrEqual(8);
  });

  it('a worker down across several slots sends one reminder when it is back, then keeps to the schedule', () => {
    const s = state('overdue', { statusSince: since, lastRemindedAt: since });
    const back = new Date(Date.parse(since) + 60 * day);
    expect(planLifecycle(commitment(), s, back, options).alerts.map((a) => a.kind)).toEqual(['reminder']);
    // After a reminder on day 60, the next slot on the schedule is day 105.
    expect(nextReminderAt({ ...s, lastRemindedAt: back.toISOString() }, 7)?.getTime()).toBe(
      Date.parse(since) + 105 * day,
    );
  });

  it('reopening starts the schedule again from the reopen', () => {
    const reopened = state('overdue', {
      statusSince: '2025-01-10T09:00:00.000Z',
      lastRemindedAt: '2024-09-01T09:00:00.000Z',
    });
    expect(nextReminderAt(reopened, 7, 112)?.toISOString()).toBe('2025-01-17T09:00:00.000Z');
  });
});
