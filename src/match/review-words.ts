// Words the review tier never scores on (pure data): function words, the generic vocabulary of any
// government announcement ("new", "measures", "work", "minister"), and places. A place says where,
// not what: "France" or "the English Channel" ties an item to the topic of a commitment, not to the
// thing it promised, so places count only as topic (review-profile.ts), never as its mechanism.
// Lower-case, as the tokenizer folds them; matched before stemming.

import { wordSet } from './word-set.ts';

export const stopWords = wordSet(`
  a an the and or but nor of to in on at by for from with without within into onto over under about above
  below across after before between through during since until than then as so such that this these those
  there here it its they them their we our us you your he she his her i me my who whom whose which what when
  where why how all any both each every either neither some more most other another own same few many much
  is are was were be been being am do does did doing have has had having will would shall should can could
  may might must not no yes also only just still even very too now up out off down again further once around
  along among against towards toward per via upon whether while if because including include includes like
  s t re ve ll d done throughout focusing focus mr mrs ms dr rt hon mp mps said says say told added announced announces confirmed today
  yesterday tomorrow week weeks month months year years day days january february march april may june july
  august september october november december spring summer autumn winter first second third one two three
  four five six seven eight nine ten hundreds thousands millions dozens number numbers latest recent recently
  new further more additional key major renewed strengthened effective effectively better best improved
  government governments ministers minister secretary department office home people work works worked working
  measures measure plans plan efforts effort support action actions need needs group members member country
  countries nations nation agencies agency partners partner information detail details area areas place
  today initiative initiatives programme scheme package approach system systems service services issue issues
  change changes step steps whole wide wider greater great good strong stronger clear significant important
  vital critical global international potential possible able available current existing future together
  everyone lead leads led invite invited discuss discussed build builds built deliver delivered launch
  launched make makes making made give gives given take takes taking taken set sets use used using help
  helps helped ensure ensuring already part range breadth level levels way ways time times end including
  statement update updates page pages publication published publishes release releases news press
  announcement announcements commitment commitments promise pledge emphasised stressed stated
  agreed agree agrees discussed meeting held hold holds continue continues continued
`);

/** Places and peoples: topic words at most (the Calais Group is a venue; France says where). */
export const placeWords = wordSet(`
  uk britain british england english scotland scottish wales welsh northern ireland irish london europe
  european eu france french belgium belgian germany german netherlands dutch italy italian spain spanish
  bulgaria bulgarian greece greek poland polish albania albanian iraq iraqi turkey turkish channel calais
  brussels paris berlin westminster whitehall parliament commons lords
`);
