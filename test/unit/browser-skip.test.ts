// When the browser test may be skipped: only off CI, only with the reason said.

import { describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/chromium.ts';

const has = () => true;
const hasNot = () => false;

describe('browserSkipReason', () => {
  it.each([
    ['a developer machine with Chromium', {}, has, undefined],
    ['a developer machine without Chromium', {}, hasNot, /\/usr\/bin\/chromium is not installed/],
    ['CI without Chromium: required, so it runs (and fails)', { CI: 'true' }, hasNot, undefined],
    ['CI with Chromium', { CI: 'true' }, has, undefined],
    ['asked to skip', { FOLLOWTHROUGH_SKIP_BROWSER: '1' }, has, /FOLLOWTHROUGH_SKIP_BROWSER=1/],
  ] as const)('%s', (_name, env, installed, expected) => {
    const reason = browserSkipReason(env as NodeJS.ProcessEnv, installed);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});
