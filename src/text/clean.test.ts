import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cleanText } from "./clean.ts";

const FIXTURES = new URL("../../test/fixtures/ingest/", import.meta.url);
const page = readFileSync(new URL("scraped-page.txt", FIXTURES), "utf8");

/** A story line between two prose paragraphs, so only its own verdict decides. */
function keeps(line: string): boolean {
  const before = "Police said the attackers arrived in three pickup trucks shortly after midnight on Sunday.";
  const after = "The prison service said it would review security at all of its sites in the region.";
  return cleanText(`${before}\n\n${line}\n\n${after}`).text.includes(line.replace(/\s+/g, " ").trim());
}

const BOILERPLATE = [
  "Also Read Minister opens new bridge over the river",
  "Also Read\u00a0 Storm warning issued for the coast",
  "FOLLOW THE DAILY MONITOR:",
  "TWITTER (CLICK HERE)",
  "https://twitter.com/somebody",
  "www.example.com/page",
  "Think your friends would be interested? Share this story!",
  "Leave a Reply",
  "Your email address will not be published.",
  "Required fields are marked *",
  "Source link",
  "Related Posts",
  "Loading recommendations…",
  "1 of 515",
  "SOURCE: DAILY MONITOR AND NEWS AGENCIES",
  "Breaking News",
  "Middle East World",
  "World News",
  "_________________________________",
  "TT",
  "20",
  "US Army image",
  "Photo: Reuters",
  "Fri 21 January 2022:",
  "Advertisement",
  "© 2024 Daily Monitor. All rights reserved.",
  "Guards patrol the perimeter wall of the prison (AFP)",
  "Guards patrol the perimeter wall of the prison - Reuters",
  "Close icon",
  "Menu icon Three stacked lines that open the site menu",
  "Follow us on Telegram for breaking updates",
  "READ MORE: Flood waters recede in the north",
  "Comments",
  "3 Comments",
  "Story continues below advertisement",
  "(Reporting by Ana Ruiz in Lagos; Editing by Tom Hale)",
  "Subscribe to the Morning Digest",
  "Skip to main content",
  "By Staff Reporter",
  "4 min read",
  "Rate this article",
];

const STORY = [
  "Two guards died.",
  "He declined to comment.",
  "Search for the fugitives widens",
  "IS detainees and Kurdish-run jails",
  "Islamic State threat ‘has not gone away’, US officials say",
  "Related fighting was reported in two nearby villages on Monday.",
  "Sources at the prison said the inmates had planned the escape for weeks.",
  "Follow-up raids led to the arrest of four more suspects, officials said.",
  "“It was chaos,” a resident said.",
  "The attackers fled in 20 vehicles toward the border, according to the police.",
  // A complete sentence that tells an event of the domain is never a share line or a credit.
  "Follow-up searches caught nine escapees near the river.",
  "Via a drainage tunnel, the inmates escaped.",
  "Follow-up raids freed two hostages held by the escapees.",
];

for (const line of BOILERPLATE) {
  test(`drops boilerplate: ${line}`, () => assert.equal(keeps(line), false));
}
for (const line of STORY) {
  test(`keeps story line: ${line}`, () => assert.equal(keeps(line), true));
}

test("normalises whitespace inside paragraphs and joins them with blank lines", () => {
  const clean = cleanText("Jail attacked\n\nArmed  men\u00a0attacked the jail on Sunday, officials said.\n\n\nGuards returned fire.");
  assert.equal(clean.text, "Jail attacked\n\nArmed men attacked the jail on Sunday, officials said.\n\nGuards returned fire.");
});

test("joins a hard-wrapped paragraph", () => {
  const clean = cleanText("Armed men attacked the jail on Sunday and freed\nmore than forty inmates, officials said.");
  assert.equal(clean.text, "Armed men attacked the jail on Sunday and freed more than forty inmates, officials said.");
});

test("keeps one copy of a repeated headline, no copy of a repeated caption", () => {
  const clean = cleanText(page);
  const count = (s: string) => clean.text.split(s).length - 1;
  assert.equal(count("Gunmen Free Inmates in Night Raid on Provincial Jail"), 1);
  assert.equal(clean.text.startsWith("Gunmen Free Inmates in Night Raid on Provincial Jail\n\n"), true);
  assert.equal(count("A burned-out truck stands"), 0);
  assert.equal(count("Smoke rises over rows of tents"), 0);
  assert.equal(clean.headline, "Gunmen Free Inmates in Night Raid on Provincial Jail");
});

test("keeps every story sentence of the scraped page and drops its furniture", () => {
  const clean = cleanText(page);
  const storyLines = [
    "KANDORA, March 3 (Wire) - Armed men attacked the provincial jail in Kandora late on Sunday",
    "Guards exchanged fire with the attackers for nearly an hour",
    "Two guards died.",
    "The official said 23 of the escaped inmates had been caught again",
    "Search for the fugitives widens",
    "Police set up checkpoints on the two roads",
    "A prison administration spokesman said the jail held 310 people",
    "The regional governor ordered an inquiry",
    "A fire tore through a camp for displaced families",
    "Aid agencies appealed for blankets",
  ];
  for (const line of storyLines) assert.ok(clean.text.includes(line), line);
  for (const junk of ["Tuesday, March 4", "Northern Desk Africa", "Also Read", "Local army image", "SOURCE:", "___", "FOLLOW", "CLICK HERE", "Share this story", "Leave a Reply", "NW\n", "\n7\n"]) {
    assert.equal(clean.text.includes(junk), false, junk);
  }
});

test("splits a page with a glued second story into two stories", () => {
  const clean = cleanText(page);
  assert.equal(clean.stories.length, 2);
  const second = clean.paragraphs[clean.stories[1].first];
  assert.equal(clean.text.slice(second.start, second.end), "Fire Sweeps Through Displaced Families' Camp Near Border");
  assert.equal(second.role, "headline");
});

test("a single story with widely spaced paragraphs stays one story", () => {
  const text = [
    "Prison guards strike over pay",
    "Guards at the central prison stopped work on Monday to demand overdue wages, their union said.",
    "The prison service said visits would be suspended until the strike ended.",
    "Inmates were kept in their cells for most of the day, a lawyer for several of them said.",
  ].join("\n\n\n\n");
  assert.equal(cleanText(text).stories.length, 1);
});

test("drops everything after a related-posts marker", () => {
  const clean = cleanText(
    "Officials said the detainees were moved to a new facility on Friday after a week of protests.\n\nRelated Posts\n\nA completely different story about a football match that ended in a draw on Saturday night.",
  );
  assert.equal(clean.text, "Officials said the detainees were moved to a new facility on Friday after a week of protests.");
});

test("a page with no prose cleans to nothing", () => {
  assert.equal(cleanText("Home\n\nWorld News\n\nLeave a Reply\n\nTT").text, "");
});

// Whole pages: which paragraphs the story keeps and which chrome goes. Every text is written for
// this table; each row is one class of page seen in scraped news.
const P1 = "Police said the attackers cut through the fence of the Marova district jail shortly after midnight on Friday.";
const P2 = "Marova's governor, Ines Tadesse, said 31 inmates escaped and that soldiers had sealed the roads around the town.";
const P3 = "A guard at the Marova jail said the inmates had been moved to a single wing a week earlier because of repairs.";

interface PageCase {
  name: string;
  page: string[];
  kept: string[];
  dropped: string[];
  title?: string;
}

const PAGES: PageCase[] = [
  {
    name: "a wire story under site chrome",
    page: ["Menu", "Comments", "Want to discuss?", "Inmates escape Marova jail after fence is cut", P1, P2, P3],
    kept: ["Inmates escape Marova jail after fence is cut", P1, P2, P3],
    dropped: ["Menu", "Comments", "Want to discuss?"],
  },
  {
    name: "a lead repeated back to back keeps one copy",
    page: ["Marova jailbreak", P1, P1, P2],
    kept: [P1, P2],
    dropped: [],
  },
  {
    name: "a paragraph repeated three times keeps its first copy",
    page: [P1, "Smoke over the wall of the jail", P2, P1, P3, P1],
    kept: [P1, P2, P3],
    dropped: [],
  },
  {
    name: "a page made only of a doubled paragraph keeps it",
    page: [P2, P2],
    kept: [P2],
    dropped: [],
  },
  {
    name: "Also Read interjections inside the story",
    page: [P1, "Also Read: Minister opens new market hall in the capital", P2, "READ ALSO: Floods close schools in three districts", P3],
    kept: [P1, P2, P3],
    dropped: ["Minister opens new market hall", "Floods close schools"],
  },
  {
    name: "a share and follow block after the story",
    page: [P1, P2, "Share this article", "Facebook", "Twitter", "WhatsApp", "Email", "Follow The Marova Herald on X"],
    kept: [P1, P2],
    dropped: ["Share this article", "Facebook", "WhatsApp", "Follow The Marova Herald"],
  },
  {
    name: "a comment section after the story",
    page: [P1, P2, "Leave a Reply", "Your email address will not be published.", "Comments", "This is what happens when nobody pays the guards. Shameful.", "Kofi A. says the government has known about the fence for years."],
    kept: [P1, P2],
    dropped: ["Shameful", "Kofi A. says"],
  },
  {
    name: "a related-stories list after the story",
    page: [P1, P2, "Related Posts", "Gunmen attack prison in the north", "Twelve inmates escaped from a prison near Marova on Monday, police said.", "Fuel prices rise again"],
    kept: [P1, P2],
    dropped: ["Gunmen attack prison in the north", "Twelve inmates escaped", "Fuel prices rise again"],
  },
  {
    name: "a short first sentence",
    page: ["Guards fled.", P1, P2],
    kept: ["Guards fled.", P1, P2],
    dropped: [],
  },
  {
    name: "a last paragraph the scraper cut off",
    page: [P1, P2, "The governor said soldiers would search the farms around Marova until every one of the"],
    kept: [P1, P2, "The governor said soldiers would search the farms around Marova until every one of the"],
    dropped: [],
  },
  {
    name: "a cut last paragraph after an ad slot",
    page: [P1, P2, "Advertisement", "Officials kept searching the riverbank on Saturday af"],
    kept: [P1, P2, "Officials kept searching the riverbank on Saturday af"],
    dropped: ["Advertisement"],
  },
  {
    name: "the story goes on after a related-news label",
    page: [P1, P2, "Related News", "Reporters were kept away from the Marova jail on Saturday, and Ines Tadesse declined to say how many guards were on duty.", P3],
    kept: [P1, P2, "Reporters were kept away from the Marova jail", P3],
    dropped: ["Related News"],
  },
  {
    name: "the story goes on after a More from line",
    page: [P1, P2, "More from Marova", "Tadesse told reporters in Marova that the jail would stay closed until the fence was rebuilt.", P3],
    kept: [P1, P2, "Tadesse told reporters in Marova", P3],
    dropped: ["More from Marova"],
  },
  {
    name: "a standfirst and summary bullets without full stops",
    page: [
      "Marova jailbreak: 31 inmates on the run",
      "Soldiers sealed the roads around the town as the search for the men who broke out of the jail went on",
      "The governor said the fence had been reported as damaged several weeks before the escape",
      P1,
      P2,
    ],
    kept: ["Marova jailbreak: 31 inmates on the run", "Soldiers sealed the roads", "The governor said the fence", P1, P2],
    dropped: [],
    title: "Marova jailbreak: 31 inmates on the run",
  },
  {
    name: "a one-line flash",
    page: ["40 inmates escape Marova jail - police"],
    kept: ["40 inmates escape Marova jail - police"],
    dropped: [],
  },
  {
    name: "a film review of several paragraphs under a comments label",
    page: [
      "The Long Wall (12A)",
      "Reviewed by Dana Pike",
      "Comments",
      "Few films about prison breaks bother with the boredom of the years before the escape, and this one makes it the subject.",
      "The director keeps the camera on the three cellmates so long that the tunnel, when it comes, feels like a relief for the audience as well.",
      "Some of the casting is odd, but the last twenty minutes are as tense as anything in cinemas this summer",
    ],
    kept: ["Few films about prison breaks", "The director keeps the camera", "Some of the casting is odd"],
    dropped: ["Comments"],
  },
];

// Chrome around a story that must go, whatever its shape.
const CHROME: PageCase[] = [
  {
    name: "navigation, bylines and ratings before the story",
    page: ["Skip to main content", "Rate this post", "By Staff Reporter", "2 MIN READ", "Marova jail fence cut", P1, P2],
    kept: [P1, P2],
    dropped: ["Skip to main content", "Rate this post", "By Staff Reporter", "2 MIN READ"],
  },
  {
    name: "a headline list after the story with no marker",
    page: [P1, P2, "Latest Headlines", "Bridge reopens after repairs in the capital", "Central bank holds rates as prices climb", "Heavy rains kill at least 12 in the east"],
    kept: [P1, P2],
    dropped: ["Latest Headlines", "Bridge reopens", "Central bank holds", "Heavy rains kill"],
  },
  {
    name: "a tag list and a closed comment form",
    page: [P1, P2, "Marova Jail Escape Security Forces Marova", "Comments", "Comments are closed.", "Parliament approves the budget"],
    kept: [P1, P2],
    dropped: ["Marova Jail Escape Security Forces", "Comments are closed.", "Parliament approves the budget"],
  },
  {
    name: "a caption repeated back to back, with its credit",
    page: ["Soldiers at the gate of the Marova jail on Friday (AFP)", "Soldiers at the gate of the Marova jail on Friday (AFP)", P1, P2],
    kept: [P1, P2],
    dropped: ["Soldiers at the gate"],
  },
];

for (const c of [...PAGES, ...CHROME]) {
  test(`page: ${c.name}`, () => {
    const clean = cleanText(c.page.join("\n\n"), c.title ?? null);
    for (const line of c.kept) assert.ok(clean.text.includes(line), `kept: ${line}`);
    for (const line of c.dropped) assert.equal(clean.text.includes(line), false, `dropped: ${line}`);
    for (const line of new Set(c.kept)) assert.equal(clean.text.split(line).length - 1, 1, `one copy: ${line}`);
  });
}

test("the dropped paragraphs are offsets into the page, each with its rule", () => {
  const page = `Leave a Reply\n\n${P1}\n\nAlso Read: Minister opens new market hall`;
  const clean = cleanText(page);
  assert.deepEqual(
    clean.dropped.map((d) => [page.slice(d.start, d.end), d.rule]),
    [["Leave a Reply", "comments.leave-reply"], ["Also Read: Minister opens new market hall", "interjection.also-read"]],
  );
});

test("a closing sentence after a link to another story or a caption still belongs to the story", () => {
  for (const between of ["Also Read: Minister opens new market hall", "Soldiers at the gate of the Marova jail (AFP)"]) {
    const clean = cleanText([P1, P2, between, "Two guards died."].join("\n\n"));
    assert.ok(clean.text.endsWith("Two guards died."), between);
  }
});
