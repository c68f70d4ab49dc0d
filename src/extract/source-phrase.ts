// Reads who a source is from the words around a reporting verb, without the gazetteer: a person
// ("Justice Minister Cecilia Rojas", "said Modeste Bakwanamaha, the town's mayor"), an organisation
// ("the Public Ministry", "Iran's Judiciary") or an unnamed group of speakers ("two Kurdish
// security officials", "a military official in the east"). A person keeps the role the text gives.
// Everything here walks a short list of words, so it is linear in the clause it is given.
import data from "./sources.json" with { type: "json" };

export type SourceKind = "person" | "organisation" | "group";

export interface SourcePhrase {
  /** The normalised name: a person's name without titles, an organisation, a speaker noun phrase. */
  name: string;
  kind: SourceKind;
  /** The office the text gives a person ("spokesman for the governor", "the town's mayor"). */
  role: string | null;
}

const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
const TITLES = lower(data.titles.words);
const ROLE_WORDS = lower(data.roleWords.words);
const ORGANISATION_WORDS = lower(data.organisationWords.words);
// An office names its holder as a source too: "the district commissioner said".
const SOURCE_HEADS = lower([...data.sourceHeads.words, ...data.roleWords.words]);
const DROP_BEFORE = lower(data.dropBeforeSource.words);
const PHRASE_BREAKS = lower(data.nounPhraseBreaks.words);
const COMMON_OPENERS = new Set([...lower(data.commonModifiers.words), ...SOURCE_HEADS, ...ROLE_WORDS]);
const AUXILIARIES = lower(data.auxiliaries.words);
const NON_NAME_OPENERS = lower(data.nonNameOpeners.words);
const PRONOUNS = /^(?:he|she|him|her|it|they|them|we|you|i)$/i;

/** A person's name has at most this many words after titles ("Rami Abdel Rahman al-Hassan"). */
const MAX_NAME_WORDS = 4;
/** A speaker noun phrase longer than this is a clause, not a source. */
const MAX_PHRASE_WORDS = 7;
/** A role in apposition is a short phrase ("the Uganda People's Defence Force 3rd Division spokesperson"). */
const MAX_ROLE_WORDS = 16;
/** Words an "of/for/at" complement of a speaker may have ("of the Beni garrison military court"). */
const MAX_COMPLEMENT_WORDS = 6;
/** An organisation opened by its kind is short ("Radio Kano", "Radio France Internationale"). */
const MAX_OPENED_NAME_WORDS = 3;
/** Capitals that read as an organisation's acronym ("INPEC", "SNAI"), not a shouted word. */
const MAX_ACRONYM_LETTERS = 8;
/** Lower-case particles inside names ("Abu Bakr al-Baghdadi", "Luiz da Silva"). */
const NAME_PARTICLES = new Set(["al", "el", "bin", "ibn", "abu", "de", "da", "do", "dos", "du", "van", "von", "der", "la", "le", "di"]);

/** Lower-case words inside an organisation's proper name ("Ministry of Justice", "Office for Prisons"). */
const NAME_LINKS = new Set(["of", "for", "the", "and", "on"]);

const bare = (word: string) => word.replace(/^[“"'‘(]+|[”"'’),.;:]+$/g, "");
const key = (word: string) => bare(word).replace(/\.$/, "").replace(/['’]s$/i, "").toLowerCase();
const isCapitalised = (word: string) => /^\p{Lu}/u.test(bare(word));
const isAcronym = (word: string) => /^\p{Lu}{2,}$/u.test(bare(word));
const isTitle = (word: string) => TITLES.has(key(word)) && (isCapitalised(word) || /\.$/.test(word));
const isNamePart = (word: string) =>
  (isCapitalised(word) && !isAcronym(word)) || NAME_PARTICLES.has(key(word).replace(/-.*/, "")) || /^(?:al|el)-\p{Lu}/u.test(bare(word));

/**
 * A person's name from a run of capitalised words, titles dropped: two words or more, or one
 * word that follows an office or a title ("Comm. Gen. Syafruddin", "Minister Wiranto").
 */
function personName(words: string[], afterOffice: boolean): string | null {
  // Titles stand before a name: a run ending in one ("the National Police") names no person.
  if (words.length && isTitle(words[words.length - 1])) return null;
  const names = words.filter((w) => !isTitle(w));
  while (names.length && /^(?:the|a|an)$/i.test(bare(names[0]))) names.shift();
  if (!names.length || names.length > MAX_NAME_WORDS) return null;
  // "Abdul Rahman al-Hassan": a name may end in a particle joined to a capital.
  const lastName = names[names.length - 1];
  if (!isCapitalised(names[0]) || !(isCapitalised(lastName) || /^(?:al|el|ad|ar|as|ash|at|az|ud)-\p{Lu}/u.test(bare(lastName)))) return null;
  if (names.some((w) => ROLE_WORDS.has(key(w)) || ORGANISATION_WORDS.has(key(w)) || isAcronym(w) || /['’]s$/.test(bare(w)))) return null;
  if (names.length === 1 && !afterOffice && !words.some(isTitle)) return null;
  return names.map(bare).join(" ");
}

/**
 * The source a clause ends with, read backwards from the reporting verb: the words between the
 * sentence's last break and the verb. `clause` holds no comma; appositions are handled by the caller.
 */
export function sourceEndingClause(clause: string): SourcePhrase | null {
  const words = clause.trim().split(/\s+/).filter(Boolean);
  // 1. "security sources have said", "police on Friday said": drop what sits between subject and verb.
  while (words.length && AUXILIARIES.has(key(words[words.length - 1]))) words.pop();
  if (!words.length) return null;
  // 2. A capitalised run at the end: a person after an office ("Director of Investigations George
  //    Kinoti", "police commander Fausto Rojas"), else an organisation or a group of speakers.
  let start = words.length;
  while (start > 0 && (isNamePart(words[start - 1]) || isTitle(words[start - 1]))) start--;
  const run = words.slice(start);
  if (run.length) {
    const lastOffice = lastIndexWhere(run, (w) => !isTitle(w) && (ROLE_WORDS.has(key(w)) || ORGANISATION_WORDS.has(key(w))));
    // "Radio Kano", "Police Kano": an organisation word opening a run names the organisation.
    const organisationName = lastOffice === 0 && run.length > 1 && run.length <= MAX_OPENED_NAME_WORDS && !run.some(isTitle) && !ROLE_WORDS.has(key(run[0])) && !/^(?:the|a|an|of|for|at)$/i.test(bare(words[start - 1] ?? ""));
    if (organisationName) return { name: run.map(bare).join(" "), kind: "organisation", role: null };
    // "the state's Justice Secretariat": a capitalised run ending in an organisation word names it.
    // "Police" is also a rank before a name ("Police Inspector Ali"); ending the run, it names the force.
    const lastWord = run[run.length - 1];
    const endsInOrganisation = run.length > 1 && ORGANISATION_WORDS.has(key(lastWord)) && !ROLE_WORDS.has(key(lastWord)) && !run.slice(0, -1).some(isTitle);
    if (endsInOrganisation) {
      const name = run.map(bare);
      while (name.length > 1 && /^(?:the|a|an)$/i.test(name[0])) name.shift();
      return { name: name.join(" "), kind: "organisation", role: null };
    }
    const officeBefore = lastOffice >= 0 || (start > 0 && ROLE_WORDS.has(key(words[start - 1])));
    const person = personName(run.slice(lastOffice + 1), officeBefore);
    if (person) {
      // The office is every word before the name, without the abbreviated ranks ("Army Chief Gen.").
      const nameStart = start + run.findIndex((w, i) => i > lastOffice && !isTitle(w));
      const office = words.slice(0, nameStart);
      while (office.length && /\.$/.test(office[office.length - 1])) office.pop();
      return { name: person, kind: "person", role: cleanRole(office.join(" ")) };
    }
  }
  return speakerPhrase(words);
}

/** The source a clause starts with, after an inverted verb or "according to": "said Modeste Bakwanamaha, the mayor". */
export function sourceStartingClause(clause: string): SourcePhrase | null {
  const [head, ...rest] = clause.split(",");
  const words = cutAtBreak(head.trim().split(/\s+/).filter(Boolean));
  if (!words.length) return null;
  let end = 0;
  while (end < words.length && (isNamePart(words[end]) || isTitle(words[end]))) end++;
  const person = end >= 2 ? personName(words.slice(0, end), false) : null;
  if (person) return { name: person, kind: "person", role: cleanRole(rest[0] ?? "") };
  // "said Wiranto, the security minister", "said Bakwanamaha.": one name alone, an office or nothing after it.
  const alone = words.length === 1 && isSurname(bare(words[0])) && (rest.length === 0 || isRolePhrase(rest[0]));
  if (alone) return { name: bare(words[0]), kind: "person", role: cleanRole(rest[0] ?? "") };
  // "the commissioner for justice, Ali Bello": an office, then the name in apposition.
  // "the spokesman of the Command, NCoS, Adamu Duza": the name may follow an acronym in apposition.
  const named = isRolePhrase(head) ? rest.slice(0, 3).map(personInApposition).find(Boolean) : null;
  if (named) return { name: named, kind: "person", role: cleanRole(head) };
  // "according to Brimob commander Rudy Sufahriadi": an office, then the name.
  return sourceEndingClause(words.join(" "));
}

/** A lone capitalised word that names a person ("Kone said", "said Wiranto, the minister"), not a pronoun or a common word. */
export function isSurname(phrase: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(phrase) && !NON_NAME_OPENERS.has(phrase.toLowerCase()) && !PRONOUNS.test(phrase);
}

/** A role phrase in apposition: "a spokesman for the governor", "the chief minister", "the town's mayor". */
export function isRolePhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= MAX_ROLE_WORDS && words.some((w) => ROLE_WORDS.has(key(w))) && !personInApposition(phrase);
}

/** "the prosecutor of the military court", "a police spokesman": one office holder, whom a later "he" may mean. */
export function isOneOfficeHolder(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  const head = words.findIndex((w) => ROLE_WORDS.has(key(w)));
  return head >= 0 && !/s$/i.test(bare(words[head])) && !/^(?:two|three|four|several|some|many)$/i.test(words[0] ?? "");
}

/** A person named alone in apposition: "Attaullah Khogyani", "Mr. Noel Ailewon". */
export function personInApposition(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (!words.every((w) => isNamePart(w) || isTitle(w))) return null;
  return personName(words, words.some(isTitle));
}

/** "two Kurdish security officials" -> "Kurdish security officials"; "a member of parliament's security committee". */
function speakerPhrase(allWords: string[]): SourcePhrase | null {
  // "the national prison institute INPEC": an acronym ending the subject names the organisation.
  const lastWord = allWords[allWords.length - 1] ?? "";
  if (isAcronym(lastWord) && bare(lastWord).length <= MAX_ACRONYM_LETTERS) {
    // "the National Penitentiary Institute (INPE)": the name with its acronym, so either reads.
    const spelled = /^\(/.test(lastWord) ? properNameBefore(allWords.slice(0, -1)) : null;
    if (spelled) return { name: `${spelled} (${bare(lastWord)})`, kind: "organisation", role: null };
    // "Citizen TV", "Mosaique FM": capitalised words before the letters belong to the name.
    let from = allWords.length - 1;
    while (from > 0 && allWords.length - from <= MAX_OPENED_NAME_WORDS && isNamePart(allWords[from - 1]) && !/^(?:the|a|an)$/i.test(allWords[from - 1])) from--;
    return { name: allWords.slice(from).map(bare).join(" "), kind: "organisation", role: null };
  }
  // The noun phrase ends at its last source head before any break ("who", "in", "on"), else at
  // the end of the clause ("a man presenting himself as a commander of an armed group").
  const cut = cutAtBreak(allWords);
  const words = cut.some((w) => SOURCE_HEADS.has(key(w))) ? cut : allWords;
  // The last head the phrase can end on: itself, or with an "of/for/at" complement after it
  // ("the prosecutor of the garrison military court" ends on "prosecutor", not "military").
  const endsPhrase = (i: number) => i === words.length - 1 || (/^(?:of|for|at)$/i.test(words[i + 1]) && words.length - i - 1 <= MAX_COMPLEMENT_WORDS + 1);
  const last = lastIndexWhere(words, (w) => SOURCE_HEADS.has(key(w)));
  const fitting = lastIndexWhere(words, (w, i) => SOURCE_HEADS.has(key(w)) && endsPhrase(i));
  const head = fitting >= 0 ? fitting : last;
  if (head < 0) return null;
  let from = head;
  // Back to the phrase's first word; "the" inside a complement stays ("spokesman for the governor").
  while (from > 0 && !/^\d/.test(words[from - 1]) && (!DROP_BEFORE.has(key(words[from - 1])) || (from > 1 && /^(?:of|for|at)$/i.test(words[from - 2])))) from--;
  const phrase = words.slice(from, head + 1).map(bare);
  // "one of the armed groups": the group, without the partitive.
  while (phrase.length > 1 && /^(?:of|the)$/i.test(phrase[0])) phrase.shift();
  // The head ends the phrase, or an "of/for/at" complement does ("an official at the facility");
  // "inmates escaped from" is a clause, not a speaker.
  const after = words.slice(head + 1);
  const complement = /^(?:of|for|at)$/i.test(after[0] ?? "") && after.length <= MAX_COMPLEMENT_WORDS + 1 ? after.map(bare) : [];
  if (after.length && !complement.length) return null;
  const name = [...phrase, ...complement].join(" ");
  if (!name || name.split(" ").length > MAX_PHRASE_WORDS) return null;
  // "Ministry of Justice": a proper name, its particles aside.
  const named = [...phrase, ...complement];
  const capitalised = named.length > 1 && named.every((w) => isCapitalised(w) || NAME_LINKS.has(w.toLowerCase())) && isCapitalised(named[named.length - 1]);
  if (capitalised) return { name, kind: "organisation", role: null };
  // "Security sources" at the start of a sentence and "security sources" inside one are one source.
  const opener = name.split(" ")[0];
  const written = COMMON_OPENERS.has(opener.toLowerCase()) ? opener.toLowerCase() + name.slice(opener.length) : name;
  return { name: written, kind: "group", role: null };
}

/** A capitalised name ending a run of words ("the National Penitentiary Institute" -> "National Penitentiary Institute"). */
function properNameBefore(words: string[]): string | null {
  let from = words.length;
  while (from > 0 && (isCapitalised(words[from - 1]) || (from > 1 && NAME_LINKS.has(words[from - 1].toLowerCase()) && isCapitalised(words[from - 2])))) from--;
  const name = words.slice(from).map(bare);
  return name.length >= 2 && name.length <= MAX_PHRASE_WORDS ? name.join(" ") : null;
}

/** Words before the first that ends a noun phrase ("officials who spoke", "an official in Kabul"). */
function cutAtBreak(words: string[]): string[] {
  const at = words.findIndex((w, i) => i > 0 && PHRASE_BREAKS.has(key(w)));
  return at < 0 ? words : words.slice(0, at);
}

function cleanRole(role: string): string | null {
  const text = role.trim().replace(/^(?:a|an|the)\s+/i, "").replace(/[,;:.]+$/, "").trim();
  return text && text.split(/\s+/).some((w) => ROLE_WORDS.has(key(w))) ? text : null;
}

function lastIndexWhere<T>(list: T[], test: (x: T, i: number) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i], i)) return i;
  return -1;
}
