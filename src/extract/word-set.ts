// Word lists written as text: one helper for the extractor and the review tier (src/match/word-set.ts).

export { wordSet } from '../match/word-set.ts';
