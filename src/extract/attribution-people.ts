// People a report names with an office, found anywhere in it ("Farhad Shami, a spokesman for the
// SDF", "a spokesman for the prison service, Abubakar Umar,", "CENTCOM commander Brad Cooper"), so
// that a later "Shami said" or "he said" finds the person and the role. Also how a role phrase is
// cleaned and read before a name.
import { PERSON_ROLES } from "./lexicon.ts";
import { isRolePhrase } from "./source-phrase.ts";

export interface NamedPerson {
  name: string;
  role: string | null;
  /** Where the text names them: a later "he said" may refer back to this mention. */
  start: number;
}

const ROLE = PERSON_ROLES.map((r) => r.replace(/\s+/g, "\\s+")).join("|");
const NAME = "[A-Z][a-z'’-]+(?:\\s+(?:al-|el-|bin\\s|abu\\s)?[A-Z][a-z'’-]+){1,3}";
/** "Farhad Shami, a spokesman for the Kurdish-led Syrian Democratic Forces" */
const APPOSITION_AFTER = new RegExp(`(${NAME}),\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}(?:${ROLE})\\s+(?:for|of|at|with|in)\\s+`, "g");
/** "Yehia Rasool, Iraq's defense ministry spokesperson" */
const APPOSITION_POSSESSIVE = new RegExp(`(${NAME}),\\s+([A-Z][\\w-]*(?:['’]s)?(?:\\s+[\\w-]+){0,4}?)\\s+(?:${ROLE})\\b`, "g");
/** "a spokesman for the prison service, Abubakar Umar," */
const ROLE_FOR_ORG_NAME = new RegExp(`\\b(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}(?:${ROLE})\\s+(?:for|of|at|with)\\s+((?:the\\s+)?[^,.;]{2,60}),\\s+(${NAME}),`, "gi");
/** "The Uganda People's Defence Force (UPDF) 3rd Division spokesperson, Maj. Peter Lomuria," */
const ORG_ROLE_COMMA_NAME = new RegExp(`((?:[A-Z][\\w'’.-]*\\s+){1,8})(?:\\([A-Z]{2,8}\\)\\s+)?(?:\\d\\w*\\s+[A-Z]\\w*\\s+)?(?:regional\\s+|deputy\\s+|chief\\s+)?(?:${ROLE}),\\s+(?:(?:[A-Z][a-z]{1,5}\\.|Jail|Senior|Chief|Police|Superintendent|Inspector|Colonel|Major|Captain|General|Lieutenant)\\s+)*(${NAME}),`, "g");
/** "The prison's director, Amadou Diallo,", "the state governor, Ali Musa,": an office, then the name in apposition. */
const ROLE_COMMA_NAME = new RegExp(`\\b(?:${ROLE}),\\s+(${NAME}),`, "g");
/** The determiner and words that open the office before ", NAME," ("The prison's director"). */
const OFFICE_OPENING = /\b(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}$/;
/** The office's opening words are read from this many characters before the role word. */
const OFFICE_OPENING_CHARS = 60;
/** "CENTCOM commander Brad Cooper", "Pentagon press secretary John Kirby" */
const ROLE_BEFORE_NAME = new RegExp(`(?:${ROLE})\\s+(${NAME})`, "g");

/** Every person the text names with an office, in the order the patterns find them. */
export function peopleWithRoles(text: string): NamedPerson[] {
  const people: NamedPerson[] = [];
  for (const m of text.matchAll(APPOSITION_AFTER)) people.push({ name: m[1], role: roleAfter(text, m.index! + m[1].length), start: m.index! });
  for (const m of text.matchAll(APPOSITION_POSSESSIVE)) people.push({ name: m[1], role: roleAfter(text, m.index! + m[1].length), start: m.index! });
  for (const m of text.matchAll(ROLE_FOR_ORG_NAME)) people.push({ name: m[2], role: cleanRole(m[0].slice(0, m[0].indexOf(m[2]))), start: m.index! + m[0].indexOf(m[2]) });
  for (const m of text.matchAll(ORG_ROLE_COMMA_NAME)) {
    // "... 3rd Division spokesperson, Maj. Peter Lomuria,": the office without the rank before the name.
    const office = m[0].slice(0, m[0].lastIndexOf(m[2])).replace(/(?:\s+\p{Lu}\p{L}{0,5}\.)+\s*$/u, "");
    people.push({ name: m[2], role: cleanRole(office), start: m.index! + m[0].lastIndexOf(m[2]) });
  }
  for (const m of text.matchAll(ROLE_COMMA_NAME)) {
    // Found by its role word, the rarer anchor; the office opens with a determiner just before.
    const opening = OFFICE_OPENING.exec(text.slice(Math.max(0, m.index! - OFFICE_OPENING_CHARS), m.index!));
    if (opening) people.push({ name: m[1], role: cleanRole(opening[0] + m[0].slice(0, m[0].indexOf(","))), start: m.index! + m[0].lastIndexOf(m[1]) });
  }
  for (const m of text.matchAll(ROLE_BEFORE_NAME)) people.push({ name: m[1], role: null, start: m.index! + m[0].lastIndexOf(m[1]) });
  return people;
}

/** "..., spokesman for the SDF, said": the role written after a name, up to the next break. */
function roleAfter(text: string, nameEnd: number): string | null {
  const clause = text.slice(nameEnd, nameEnd + 120).replace(/^\s*,\s*/, "").split(/[,;.“”"(]/)[0];
  return cleanRole(clause);
}

/** "Controller of Corrections, Kano State Command, Mr. Yusuf Garba": the role chunks before a name. */
export function roleBefore(chunks: string[]): string | null {
  const last = chunks[chunks.length - 1] ?? "";
  if (isRolePhrase(last)) return cleanRole(last);
  // An organisation in apposition to the office before it.
  const office = chunks[chunks.length - 2] ?? "";
  return /^\s*(?:the\s+)?\p{Lu}/u.test(last) && isRolePhrase(office) ? cleanRole(`${office.trim()}, ${last.trim()}`) : null;
}

/** A role as written, without its article and never reaching back over a sentence. */
export function cleanRole(phrase: string): string | null {
  // A role never reaches back over a sentence: "... Mount Moroto.\n\nThe UPDF spokesperson,".
  const own = phrase.split(/[.!?]\s+|\n/).pop() ?? "";
  const role = own.trim().replace(/[,;:\s]+$/, "").replace(/^(?:an?|the)\s+/i, "").trim();
  return role && isRolePhrase(role) ? role : null;
}

