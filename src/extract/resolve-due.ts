// Finds the deadline in a committing sentence and resolves it against the publication date
// (pure). chrono-node reads ordinary dates ("in April", "by 30 June 2025", "next month"); the
// rules here cover what it lacks or reads wrongly: seasons, "by the end of the year", bare
// years, financial years ("2025-26"), "within 6 weeks", "early/mid/late 2025".
//
// Granularity follows the commitments file: a day (`2025-06-30`), a month (`2024-04`, i.e. by its
// end), and a year or end of year as its last day (`2024-12-31`). Seasons end with their last
// month (spring → May, summer → August, autumn → November, winter → February). A phrase names
// the next such period on or after publication ("in April" written in May means next April).
// "until …" and "since …" are durations or history, never deadlines.

import * as chrono from 'chrono-node';
import { monthNumber } from '../calendar.ts';

export interface ProposedDue {
  /** As the commitments file writes it: `2024-04-30` or `2024-04`. */
  text: string;
  /** Last on-time day, `YYYY-MM-DD`. */
  lastDay: string;
  /** The words it came from ("in April", "by the end of the year"). */
  phrase: string;
}

export interface DueCandidate extends ProposedDue {
  /** Where the phrase starts in the sentence. */
  index: number;
  length: number;
  /** "within 6 weeks": a period, which may be a standard ("seen within 18 weeks") rather than a deadline. */
  relative: boolean;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
};
const seasonEnd: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };
// Words before a date that make it a deadline or a start date (a start is due by then too).
const leadWords =
  '(?:by|in|from|before|during|throughout|over|on|within|starting|no later than|at the latest by|ahead of|for)';
const notDeadline =
  /\b(?:until|till|since|up to|to date|as of|in the year to|year ending|compared with|than in)\s*(?:the\s+)?$/i;

export function resolveDue(sentence: string, published: string, near?: number): ProposedDue | undefined {
  const all = findDueCandidates(sentence, published);
  if (!all.length) return undefined;
  // The deadline belongs to the part of the sentence the committing verb is in: up to the next
  // ", and …", ", which …" or ";". Later parts have their own promises and dates.
  const anchor = near ?? 0;
  const rest = sentence.slice(anchor);
  const cut = rest.search(/,\s+(?:and|but|which|while|after which|with)\s|;\s/);
  const end = cut === -1 ? sentence.length : anchor + cut;
  const inPart = all.filter((c) => c.index >= anchor && c.index < end);
  const pool = inPart.length
    ? inPart
    : all.filter((c) => c.index >= anchor).length
      ? all.filter((c) => c.index >= anchor)
      : all;
  // Within it a calendar date beats a period: "seen within 18 weeks by March 2026" is due in March 2026.
  const dated = pool.some((c) => !c.relative) ? pool.filter((c) => !c.relative) : pool;
  const pick =
    inPart.length || dated.some((c) => c.index >= anchor)
      ? dated.sort((a, b) => a.index - b.index)[0]!
      : dated.sort((a, b) => b.index - a.index)[0]!;
  return { text: pick.text, lastDay: pick.lastDay, phrase: pick.phrase };
}

export function findDueCandidates(sentence: string, published: string): DueCandidate[] {
  const pub = parseDay(published);
  const out: DueCandidate[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (i: number, n: number): boolean => taken.some(([s, e]) => i < e && i + n > s);
  const add = (
    index: number,
    phrase: string,
    due: { text: string; lastDay: string } | undefined,
    relative = false,
  ): void => {
    if (!due || overlaps(index, phrase.length)) return;
    taken.push([index, index + phrase.length]);
    if (due.lastDay < published) return;
    if (notDeadline.test(sentence.slice(Math.max(0, index - 20), index))) return;
    out.push({
      ...due,
      phrase: phrase.trim().replace(/[\s,;:.)]+$/, ''),
      index,
      length: phrase.length,
      relative,
    });
  };
  const scan = (
    re: RegExp,
    fn: (m: RegExpMatchArray) => { text: string; lastDay: string } | undefined,
    relative = false,
  ): void => {
    for (const m of sentence.matchAll(re)) add(m.index!, m[0], fn(m), relative);
  };

  // Financial years first: "2025-26" must not be read as the year 2025.
  // A financial year is a deadline only after a word that makes it one ("budgets to 2028-29" is a horizon).
  scan(
    new RegExp(
      String.raw`\b(?:by (?:the )?end of |before (?:the )?end of |in |during |by |from |over )(?:the )?` +
        String.raw`(?:financial year )?(20\d\d)\s*(?:-|–|\/|to )\s*(?:20)?(\d\d)\b(?! per cent|%)`,
      'gi',
    ),
    (m) => {
      const first = Number(m[1]);
      const second = Number(m[2]!.length === 2 ? `20${m[2]}` : m[2]);
      return second === first + 1 ? month(second, 3) : undefined;
    },
  );
  for (const m of sentence.matchAll(/\b(20\d\d)\s*(?:-|–|\/)\s*(\d\d)\b/g))
    if (!overlaps(m.index!, m[0].length)) taken.push([m.index!, m.index! + m[0].length]);
  scan(
    new RegExp(
      String.raw`\b(?:within|in|over) (?:the next |the coming )?` +
        String.raw`(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|` +
        String.raw`twenty-four) (day|week|month|year)s?\b`,
      'gi',
    ),
    (m) => {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : numberWords[m[1]!.toLowerCase()];
      return n ? dayOf(addPeriod(pub, n, m[2]!.toLowerCase())) : undefined;
    },
    true,
  );
  scan(
    new RegExp(
      String.raw`\b(?:by |before |in |at )?(?:the )?end of (?:the |this )?(?:calendar )?year\b|` +
        String.raw`\b(?:later |by the end of |before the end of )?this year\b`,
      'gi',
    ),
    () => endOfYear(pub.y),
  );
  scan(/\b(?:by |before |in |during |over )?(?:the )?(?:end of |course of )?next year\b/gi, () =>
    endOfYear(pub.y + 1),
  );
  scan(
    /\b(?:by |before |at )?(?:the )?end of (?:this|the) month\b|\blater this month\b|\bthis month\b/gi,
    () => month(pub.y, pub.m),
  );
  scan(
    new RegExp(
      String.raw`\b(?:by |in |from |before )?(?:the )?end of (january|february|march|april|may|june|` +
        String.raw`july|august|september|october|november|december)(?: (\d{4}))?\b`,
      'gi',
    ),
    (m) => {
      const mo = monthNumber(m[1]!);
      return month(m[2] ? Number(m[2]) : nextYearFor(pub, mo), mo);
    },
  );
  scan(
    new RegExp(
      String.raw`\b(?:(by|in|from|before|during|over|throughout|for)\s+)?(?:(early|late|mid)[- ]?)?` +
        String.raw`(this |next |the )?(spring|summer|autumn|fall|winter)(?: of)?(?: (\d{4}))?` +
        String.raw`\b(?! term| half| holidays?| recess| school| budget| statement| conference)`,
      'gi',
    ),
    (m) => {
      if (!m[1] && !m[3] && !m[5]) return undefined;
      const season = m[4]!.toLowerCase();
      const which = (m[3] ?? '').trim().toLowerCase();
      let last = seasonEnd[season]!;
      let year = m[5] ? Number(m[5]) + (season === 'winter' ? 1 : 0) : nextYearFor(pub, last);
      if (!m[5] && which === 'next' && pub.m <= last && !(season === 'winter' && pub.m >= 12)) year += 1;
      if (m[2]?.toLowerCase() === 'early') last = [2, 5, 8, 11].includes(last) ? last - 2 : last;
      if (m[2]?.toLowerCase() === 'mid') last = [2, 5, 8, 11].includes(last) ? last - 1 : last;
      if (last < 1) {
        last += 12;
        year -= 1;
      }
      return month(year, last);
    },
  );
  scan(
    new RegExp(
      String.raw`\b(?:(by|in|from|before|during|throughout|over|for)\s+)?(?:the )?` +
        '(?:(early|mid|late|end of|first half of|second half of|start of|beginning of)[- ]?)?' +
        String.raw`(?:(next|this) year|((?:19|20)\d\d))` +
        String.raw`\b(?![-–/]\d| to 20\d\d| per cent|%|\s*(?:homes|people|jobs|schools|staff|officers)\b)`,
      'gi',
    ),
    (m) => {
      const part = m[2]?.toLowerCase();
      if (!m[1] && !part) return undefined;
      const year = m[4] ? Number(m[4]) : pub.y + (m[3]?.toLowerCase() === 'next' ? 1 : 0);
      if (part === 'early' || part === 'start of' || part === 'beginning of') return month(year, 4);
      if (part === 'first half of') return month(year, 6);
      if (part === 'mid') return month(year, 7);
      return endOfYear(year);
    },
  );

  // Everything else is chrono's: dates with at least a month ("in April", "by 30 June 2025", "next month").
  const ref = new Date(pub.y, pub.m - 1, pub.d, 12);
  for (const r of chrono.en.GB.parse(sentence, ref, { forwardDate: true })) {
    if (overlaps(r.index, r.text.length)) continue;
    const s = r.start;
    if (!s.isCertain('month') || r.end) continue;
    const before = sentence.slice(0, r.index);
    // "next month" carries its own direction; a bare month name needs a word that makes it a deadline.
    // Only dates that name a month, a number or "next/this month": chrono reads "day" in "day-to-day" as a date.
    if (
      !/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:next|this)\s+(?:week|month)\b/i.test(
        r.text,
      )
    )
      continue;
    // chrono sometimes keeps the preposition in its text ("from 1 June").
    if (/^(?:until|till|since|to)\b/i.test(r.text)) continue;
    const lead =
      new RegExp(`\\b${leadWords}\\s+(?:the\\s+)?$`, 'i').exec(before) ??
      (new RegExp(`^(?:${leadWords}|next|this|later)\\b`, 'i').test(r.text) ? { index: r.index } : null);
    if (!lead) continue;
    const y = s.get('year') ?? pub.y;
    const mo = s.get('month')!;
    // chrono marks "from 1 June" as day-uncertain; a written day number is certain enough.
    const dayWritten =
      s.isCertain('day') ||
      /\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?\b/.test(r.text);
    const due = dayWritten ? dayOf({ y, m: mo, d: s.get('day')! }) : month(y, mo);
    add(lead.index, sentence.slice(lead.index, r.index + r.text.length), due);
  }
  return out.sort((a, b) => a.index - b.index);
}

function parseDay(day: string): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** The year in which month `mo` next ends on or after publication. */
function nextYearFor(pub: Day, mo: number): number {
  return mo >= pub.m ? pub.y : pub.y + 1;
}

function month(y: number, m: number): { text: string; lastDay: string } {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { text: `${y}-${mm}`, lastDay: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

function endOfYear(y: number): { text: string; lastDay: string } {
  return { text: `${y}-12-31`, lastDay: `${y}-12-31` };
}

function dayOf(day: Day): { text: string; lastDay: string } {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d)).toISOString().slice(0, 10);
  return { text: t, lastDay: t };
}

function addPeriod(pub: Day, n: number, unit: string): Day {
  const days = unit === 'day' ? n : unit === 'week' ? 7 * n : 0;
  const months = unit === 'month' ? n : unit === 'year' ? 12 * n : 0;
  // A month later on the 31st clamps to the last day of the shorter month.
  const target = new Date(Date.UTC(pub.y, pub.m - 1 + months, 1));
  const lastOfTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const d = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(pub.d, lastOfTarget) + days),
  );
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
