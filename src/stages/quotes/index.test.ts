import { describe, expect, it } from 'vitest';
import { emptyMeta, type ArticleInput, type Block } from '../../core/document.js';
import type { OutletFacts, QuotesLayer } from '../../core/layers.js';
import type { OutletRegistry } from '../../core/stage.js';
import { structureStage } from '../structure/index.js';
import { quotesStage } from './index.js';

// A registry that knows one outlet, enough to tell an outlet speaker from a person.
const nyt: OutletFacts = { key: 'nyt', name: 'The New York Times', aliases: ['New York Times'], domains: ['nytimes.com'], country: 'US', stateAffiliated: false, registry: null };
const outlets: OutletRegistry = {
  byName: (name) => (/^(?:the )?new york times$/i.test(name.trim()) ? nyt : null),
  byHost: () => null,
  findMentions: () => [],
};

function run(text: string, blocks?: Block[]) {
  const input: ArticleInput = { text, source: { path: 't.txt', format: blocks ? 'html' : 'text', encoding: 'utf-8', bytes: text.length }, meta: emptyMeta, ...(blocks ? { blocks } : {}) };
  const structure = structureStage.run({ input, resources: { outlets } }, {}).layer;
  return quotesStage.run({ input, resources: { outlets } }, { structure });
}

const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

/** A compact view of a quote: `kind | content parts | cue | speaker mention`. */
function view(text: string, layer: QuotesLayer): string[] {
  return layer.quotes.map((q) => [q.kind, q.content.map((c) => slice(text, c)).join(' … '), slice(text, q.cue) ?? '-', slice(text, q.speaker.mention) ?? '-'].join(' | '));
}

describe('quotesStage: cue words that are nouns here', () => {
  it('does not take `fears` after a possessive and an adjective as a cue', () => {
    const text = 'He preys on our worst fears and instincts, and calls people "losers" and "sad."';
    expect(view(text, run(text).layer).filter((q) => q.includes('| fears |'))).toEqual([]);
  });
  it('does not take a feet-and-inches mark for a quotation', () => {
    const text = `The letter says Trump is 6'3" tall and weighs 236 pounds, according to his doctor.`;
    expect(view(text, run(text).layer).filter((q) => !q.startsWith('indirect'))).toEqual([]);
  });
  it('does not join a later fragment that the sentence goes on from in the writer words', () => {
    const text = '“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said.';
    expect(view(text, run(text).layer)[0]).toBe('direct | This just isn’t right, | said | Warren');
  });
  it('keeps one reading of a quotation: the learned cue over a weak subject-and-verb rule, and a dash aside out', () => {
    const text = 'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution" - a charge that might have stung.';
    expect(view(text, run(text).layer).filter((q) => !q.startsWith('indirect'))).toEqual(['mixed | the rules to "burning the Constitution" | likened | Laurence H. Tribe']);
  });
  it('extends a quotation to a later fragment under the same cue', () => {
    const text = 'Christie repeated his accusations, calling him a “talented guy” when required to “deliver a speech, read a teleprompter.”';
    expect(view(text, run(text).layer).filter((q) => !q.startsWith('indirect'))).toEqual(['mixed | him a “talented guy” when required to “deliver a speech, read a teleprompter.” | calling | Christie']);
  });
  it('ends reported content before a second speech verb of the subject', () => {
    const text = 'Donald Trump, her Republican opponent, bemoaned the unrest in Charlotte and said he thought that drugs were a "very, very big factor" in the violence.';
    expect(view(text, run(text).layer).filter((q) => q.includes('| bemoaned |')).every((q) => !q.includes('said he thought'))).toBe(true);
  });
  it('does not pass the speaker before to a quotation a speech verb introduces (`… — declaring, "…"`)', () => {
    const text = 'The ads cost $449,000, according to the Sioux Falls Argus Leader. One video featured South Dakotans — adults and children — declaring, “I’m on meth.”';
    expect(view(text, run(text).layer).filter((q) => q.startsWith('direct'))).toEqual(['direct | I’m on meth. | - | -']);
  });
  it('takes a speech participle right before the opening comma as the cue', () => {
    const text = 'One campaign video featured a series of South Dakotans declaring, “I’m on meth.”';
    // (Its speaker is taken as the sentence's subject, `One campaign video`, not yet `South Dakotans`: on PolNeAR train the subject is right more often.)
    expect(run(text).layer.quotes.map((q) => [q.kind, text.slice(q.cue?.start ?? 0, q.cue?.end ?? 0)])).toEqual([['direct', 'declaring']]);
  });
  it('takes the speech verb right before a fragment as its cue (`, adding "…"`)', () => {
    const text = 'Noem later tweeted that the meth epidemic “needs to be a dinner table conversation,” adding “we need everyone on it.”';
    expect(view(text, run(text).layer)).toEqual(['mixed | that the meth epidemic “needs to be a dinner table conversation,” | tweeted | Noem', 'direct | we need everyone on it. | adding | Noem']);
  });
  it('ends a mixed quotation before `, implicitly blaming …`', () => {
    const text = 'Trump called the rules "a disaster" for workers, implicitly blaming the mayor.';
    expect(view(text, run(text).layer).filter((q) => q.startsWith('mixed'))).toEqual(['mixed | the rules "a disaster" for workers | called | Trump']);
  });
});

describe('quotesStage: direct and mixed quotations', () => {
  const cases: [string, string[]][] = [
    ['"We lost," Smith said.', ['direct | We lost, | said | Smith']],
    ['“We lost,” said Hugh Hill, a doctor.', ['direct | We lost, | said | Hugh Hill']],
    ["‘We lost,’ he said.", ['direct | We lost, | said | he']],
    ["'We lost,' he said.", ['direct | We lost, | said | he']],
    ['Hugh Hill, a doctor, said: «Nous avons perdu.»', ['direct | Nous avons perdu. | said | Hugh Hill']],
    ['He said: „We lost the vote.“', ['direct | We lost the vote. | said | He']],
    ['"He told me \'never again\'," Ms. Jones said.', ["direct | He told me 'never again', | said | Ms. Jones"]],
    // Signed with a quotation dash (U+2015), one quotation a line: the name ends at the line break.
    ['“We need order.” ― Ana Ruiz\n“He scares me.”― Jo Lee\n“Vote.” ― Max Roe', ['direct | We need order. | ― | Ana Ruiz', 'direct | He scares me. | ― | Jo Lee', 'direct | Vote. | ― | Max Roe']],
    // A transcript's speaker label in capitals opens the marks: the label is the speaker, the colon the cue.
    ['"WALLACE: Will she be there?"\n\n"PENCE: She will not be attending."', ['direct | Will she be there? | : | WALLACE', 'direct | She will not be attending. | : | PENCE']],
    ['"VIDEO: The whole debate in two minutes," he said.', ['direct | VIDEO: The whole debate in two minutes, | said | he']],
    // A dot before a comma closes an abbreviation (`R-Ky.,`), not the sentence.
    ['“The veto will be overridden,” Sen. Mitch McConnell, R-Ky., said Thursday.', ['direct | The veto will be overridden, | said | Sen. Mitch McConnell']],
    // An adverb between `and` and the cue: the subject is before `and`.
    ['She waved and repeatedly says, "Don\'t do it."', ['direct | Don\'t do it. | says | She']],
    // A naming verb after a name, with an object.
    ['Obama and Clinton call them "lone wolves" in speeches.', ['mixed | them "lone wolves" in speeches | call | Clinton']],
    // A third-person form after a name, then `that`: a verb, and the quotation inside its clause is mixed.
    ['The New York Post reports that her team avoided the hospital to “keep the details under wraps.”', ['mixed | that her team avoided the hospital to “keep the details under wraps.” | reports | The New York Post']],
    ['While they argued, a friend commented: "Immigration is the reason."', ['direct | Immigration is the reason. | commented | a friend']],
    // A mixed quotation runs on over a list of quoted words, though a comma sits inside the first marks.
    ['Trump called the senator a "nasty guy," an "anchor baby" and "sick."', ['mixed | the senator a "nasty guy," an "anchor baby" and "sick." | called | Trump']],
    // An adverbial opener before the marks belongs to the quotation, which later marks continue.
    ['In past campaigns, "we reached people online," he said. "It worked."', ['mixed | In past campaigns, "we reached people online, … It worked. | said | he']],
    // `and then` after a quotation shares its subject; an adjunct after `but` is skipped; a place's dots are part of it.
    ['Trump blasted her, calling her a "horrible witness," and then tweeted that she was "Disgraceful!"', ['mixed | her a "horrible witness," | calling | Trump', 'mixed | that she was "Disgraceful!" | tweeted | Trump']],
    ['The employee first denied it, but in a later interview said he had an "Oh, no" moment.', ['indirect | it | denied | The employee', 'mixed | he had an "Oh, no" moment | said | The employee']],
    ['At a summit in Hilton Head, S.C., Rubio offered a defense of the "Gang of Eight" bill.', ['mixed | a defense of the "Gang of Eight" bill | offered | Rubio']],
    // A cue inside the clause of an earlier speech verb (`that X called`, `what X calls`): the quotation is the outer speaker's.
    ['Clinton says she valued her courage through what she calls a “war of unpleasant words.”', ['mixed | she valued her courage through what she calls a “war of unpleasant words.” | says | Clinton']],
    ['Trump said Sunday that Clinton called the deal "a disaster" for workers.', ['mixed | that Clinton called the deal "a disaster" for workers | said | Trump']],
    // After the closing mark, the writer's own clause is not the speaker's: `but …`, `and` + a verb, a comma inside the marks then a participle.
    ["Clinton says she respects Sanders’ “passion and commitment” but argues that he can’t deliver.", ['mixed | she respects Sanders’ “passion and commitment” | says | Clinton']],
    ['Clinton raised the issue of “systemic racism” and highlighted her plans to combat it.', ['mixed | the issue of “systemic racism” | raised | Clinton']],
    ['Trump tweeted that Kelly was “incognito,” sparking a firestorm of speculation.', ['mixed | that Kelly was “incognito,” | tweeted | Trump']],
    // … but a second quotation after `but` or `and` still belongs to the first.
    ['Ayotte said she would “support the nominee” but “isn’t planning to endorse anyone.”', ['mixed | she would “support the nominee” but “isn’t planning to endorse anyone.” | said | Ayotte']],
    // A time right after the cue and its addressee is the writer's; so is `, implicitly putting …`.
    ['The president told African-Americans this weekend he would consider it a "personal insult" if they stayed home.', ['mixed | he would consider it a "personal insult" if they stayed home | told | The president']],
    // A quoted fragment with no cue, set in the writer's clause, reports that clause (as PolNeAR annotates it).
    ['The poll came out on Friday. Voters wanted to know if the U.S. is “still in the game.”', ['mixed | if the U.S. is “still in the game.” | - | -']],
    ['Christie described Clinton as a “disgrace” after she attacked officers.', ['mixed | Clinton as a “disgrace” | described | Christie']],
    ['All this has led the journalist Dainis Ivans to fear a “Putin-Ribbentrop Pact.”', ['mixed | a “Putin-Ribbentrop Pact.” | fear | the journalist Dainis Ivans']],
    // A dot before `)` ends an abbreviation, not the clause before the cue.
    ['Trump spoke. Sen. Ted Cruz (Tex.) has said that he would "carpet-bomb them."', ['mixed | that he would "carpet-bomb them." | said | Sen. Ted Cruz']],
    // `As X put it:` introduces the words of X; `No. 2` does not end the clause.
    ['As John Cornyn, the No. 2 in the GOP leadership, put it: "This person will not be confirmed."', ['direct | This person will not be confirmed. | put it | John Cornyn']],
    // A mixed quotation ends before a participle clause after a comma (`, leaving …`).
    ['Trump is promising to create "a big spectacle" with a "showbiz" feel, leaving Cleveland excited.', ['mixed | to create "a big spectacle" with a "showbiz" feel | promising | Trump']],
    // After a full stop, a sentence of only a speaker and a speech verb is the quotation's cue; a longer one is not.
    ['“I hope you find the missing emails.” Trump said.', ['direct | I hope you find the missing emails. | said | Trump']],
    ['"We lost." Sen. Mary Smith said.', ['direct | We lost. | said | Sen. Mary Smith']],
    // `went on` and `remembered` after a quotation are its cue.
    ['"It is a bit concerning to me," she went on.', ['direct | It is a bit concerning to me, | went on | she']],
    ['"She proved them wrong," remembered Roy Verley, a spokesman.', ['direct | She proved them wrong, | remembered | Roy Verley']],
    ['"No, I would not," Blumenthal answered.', ['direct | No, I would not, | answered | Blumenthal']],
    ['The letter continues: “Please explain your understanding.”', ['direct | Please explain your understanding. | continues | The letter']],
    // A closing mark used as an opener.
    ['An official told the agency, ” The planes dropped bombs on the village.”', ['direct | The planes dropped bombs on the village. | told | An official']],
    // Interrupted by its cue, then continued without one: one quotation.
    ['"We lost," Smith said, "and we will lose again." "It is over."', ['direct | We lost, … and we will lose again. … It is over. | said | Smith']],
    ['"Why?" Smith asked.', ['direct | Why? | asked | Smith']],
    // Over two paragraphs: opening mark on each, closing only on the last.
    ['Smith said:\n\n"The first paragraph goes on.\n\n"The second paragraph ends here."', ['direct | The first paragraph goes on. … The second paragraph ends here. | said | Smith']],
    // Introduced by a colon at the end of the paragraph before.
    ['Cruz continued:\n\n"The questions asked in this debate illustrate why people distrust the media."', ['direct | The questions asked in this debate illustrate why people distrust the media. | continued | Cruz']],
    // A sign-off.
    ['"The talks have collapsed and will not resume." — Jane Doe, spokeswoman', ['direct | The talks have collapsed and will not resume. | — | Jane Doe']],
    // An outlet as speaker, the cue first.
    ['Reports the New York Times: "The talks have collapsed."', ['direct | The talks have collapsed. | Reports | the New York Times']],
    ['According to Smith, "the talks have collapsed for good."', ['direct | the talks have collapsed for good. | According to | Smith']],
    // Partial quotations inside a sentence.
    ['He called the deal "a disaster for workers," adding that it would fail.', ['mixed | the deal "a disaster for workers," | called | He']],
    ['Rubio said that Trump was "a con artist" and a fraud.', ['mixed | that Trump was "a con artist" and a fraud | said | Rubio']],
    ['Smith told reporters he was "encouraged" by the plan.', ['mixed | he was "encouraged" by the plan | told | Smith']],
    // A show's title next to a cue is a title, not a partial quotation.
    ['"We will win," Sanders said in an interview on "Meet the Press."', ['direct | We will win, | said | Sanders']],
    ['"We will stay in the race," Sanders told MSNBC\'s "Andrea Mitchell Reports."', ['direct | We will stay in the race, | told | Sanders']],
    ['"We will win this," Sanders said on ABC\'s "This Week With George Stephanopoulos."', ['direct | We will win this, | said | Sanders']],
    ['"We will win this," Trump told "Fox and Friends," adding nothing.', ['direct | We will win this, | told | Trump']],
    // A sentence in marks after a partial quotation is a quotation of its own, by the same speaker.
    ['Alwaleed called Trump "a disgrace." "He should withdraw from the race now."', ['mixed | Trump "a disgrace." | called | Alwaleed', 'direct | He should withdraw from the race now. | - | Alwaleed']],
    // A subordinate clause between the subject and the cue is skipped whole.
    ['Ted Cruz, when pressed on the plan at the debate, responded: "It does not add up."', ['direct | It does not add up. | responded | Ted Cruz']],
    // A possessive and a noun of saying report the possessor's words.
    ['Donald Trump spoke in Ohio. The polls moved after his call for "a total and complete ban" on entry.', ['mixed | "a total and complete ban" on entry | call | his']],
    // A subject with a parenthesis runs into the quotation.
    ['The party, typically attended by hundreds, "allows us to get our message out," Smith said.', ['mixed | The party, typically attended by hundreds, "allows us to get our message out, | said | Smith']],
    // A belief reported by an earlier speech verb belongs to that verb.
    ['Trump said Sunday that he believed the country would "win big" in November.', ['mixed | that he believed the country would "win big" in November | said | Trump']],
    // `and said` right after a quotation shares its subject.
    ['He called the plan "extremely careless," and said any "reasonable person" would know it.', ['mixed | the plan "extremely careless," | called | He', 'mixed | any "reasonable person" would know it | said | He']],
    // A named subject and its verb right before a short quotation: a weak cue.
    ['Chancellor Angela Merkel condemned "such a murderous attack" and declared a determination to fight.', ['mixed | "such a murderous attack" | condemned | Chancellor Angela Merkel']],
    // A quotation with no cue, after a paragraph of reported speech, goes to that speaker.
    ['Smith said the plan would fail.\n\n"It is a disaster for everyone involved in it."', ['indirect | the plan would fail | said | Smith', 'direct | It is a disaster for everyone involved in it. | - | Smith']],
    // A following quotation with no cue goes to the same speaker.
    ['"We lost," she said. "We will be back."', ['direct | We lost, … We will be back. | said | she']],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(view(input, run(input).layer)).toEqual(expected);
  });

  it('takes the marks after a colon as the whole quotation, whatever cue came before', () => {
    const text = 'He told reporters that the answer to all of their questions about the plan was simple: "It is not true."';
    expect(view(text, run(text).layer).filter((v) => !v.startsWith('indirect'))).toEqual(['direct | It is not true. | told | He']);
  });

  it('gives words read from a letter to the letter\'s author, over both paragraphs', () => {
    const text = 'Okafor later read from a letter by the state transport secretary, Daniel Ruiz:\n\n"The state stands behind this project.\n\n"Our funding is conditional on the city meeting its share."';
    expect(view(text, run(text).layer)).toEqual(['direct | The state stands behind this project. … Our funding is conditional on the city meeting its share. | read | Daniel Ruiz']);
  });

  it('attributes a block quotation to the name that signs it', () => {
    const text = 'The anchor spoke on the radio.\nWe counted the bodies we buried ourselves.\n— Maria Sol, a volunteer with the Delta Relief Network';
    const blocks: Block[] = [
      { start: 0, end: 30, kind: 'paragraph' },
      { start: 31, end: 73, kind: 'blockquote' },
      { start: 74, end: text.length, kind: 'blockquote' },
    ];
    const { layer } = run(text, blocks);
    expect(view(text, layer)).toEqual(['direct | We counted the bodies we buried ourselves. | — | Maria Sol']);
    expect(layer.quotes[0]!.speaker.description).toBe('a volunteer with the Delta Relief Network');
  });

  it('keeps a rank abbreviated before the name out of the description', () => {
    const text = '"We found no evidence," coalition spokesman Col. Peter Marsh told reporters. "It was closed," said Sen. Ada Roy.';
    const { layer } = run(text);
    expect(layer.quotes.map((q) => [q.speaker.name, q.speaker.description])).toEqual([
      ['Peter Marsh', 'coalition spokesman'],
      ['Ada Roy', null],
    ]);
  });

  it('attributes a block quotation introduced by a colon', () => {
    const text = 'The minister wrote:\nWe will not give in to pressure from anyone at all.';
    const blocks: Block[] = [
      { start: 0, end: 19, kind: 'paragraph' },
      { start: 20, end: text.length, kind: 'blockquote' },
    ];
    expect(view(text, run(text, blocks).layer)).toEqual(['direct | We will not give in to pressure from anyone at all. | wrote | The minister']);
  });
});

describe('quotesStage: reported speech', () => {
  const cases: [string, string[]][] = [
    ['Smith said that the talks had failed.', ['indirect | that the talks had failed | said | Smith']],
    ['Smith said the talks had failed.', ['indirect | the talks had failed | said | Smith']],
    ['The talks failed, the ministry said on Monday.', ['indirect | The talks failed | said | the ministry']],
    ['The talks failed, said Smith.', ['indirect | The talks failed | said | Smith']],
    ['According to the ministry, the talks failed.', ['indirect | the talks failed | According to | the ministry']],
    ['The talks failed, according to officials.', ['indirect | The talks failed | according to | officials']],
    ['Smith told reporters that the talks failed.', ['indirect | that the talks failed | told | Smith']],
    ['Smith made the claim that the talks failed.', ['indirect | that the talks failed | made the claim | Smith']],
    ['Smith went on to note that the talks failed.', ['indirect | that the talks failed | note | Smith']],
    ['The Times reports that the talks failed.', ['indirect | that the talks failed | reports | The Times']],
    ['The talks will resume next week, sources said.', ['indirect | The talks will resume next week | said | sources']],
    ['A new poll shows Trump leading Clinton by five points.', ['indirect | Trump leading Clinton by five points | shows | A new poll']],
    ['"We lost," Smith said, adding that the plan would fail next year.', ['direct | We lost, | said | Smith', 'indirect | that the plan would fail next year | adding | Smith']],
    ['Perez hammered Trump, calling him a "train wreck" at the rally.', ['mixed | him a "train wreck" at the rally | calling | Perez']],
    ["''We work hard,'' said Monika Bickert.", ['direct | We work hard, | said | Monika Bickert']],
    // A partitive introduces the name; the description after it is kept apart.
    ['One of them, Hugh Hill, a surgeon who treated the wounded, said the injuries were consistent with an airstrike.', ['indirect | the injuries were consistent with an airstrike | said | Hugh Hill']],
    // Words after the cue that hold a finite verb are the content, not the speaker.
    ['Councillor Tom Reyes, one of the two members who voted against, said the price had doubled since 2019.', ['indirect | the price had doubled since 2019 | said | Councillor Tom Reyes']],
    // A clause after `According to X,` is not an apposition of X.
    ["According to the city's finance office, the bridge will cost $412 million.", ["indirect | the bridge will cost $412 million | According to | the city's finance office"]],
    // A noun that is also a cue form (`report`) heads the source of `according to`; the clause after its comma is the content.
    ["According to the authority's own annual report, cargo through the port fell by 12 percent last year.", ["indirect | cargo through the port fell by 12 percent last year | According to | the authority's own annual report"]],
    // A relative clause between commas belongs to the subject, subordinators and all.
    ['A harbour pilot, who has worked here since 1990 because he likes it, said construction would close the channel.', ['indirect | construction would close the channel | said | A harbour pilot']],
    // Nested: the content of `according to` holds an attribution of its own; both are kept.
    ['Hydrologists have said the embankments failed in three places, according to an assessment.', ['indirect | Hydrologists have said the embankments failed in three places | according to | an assessment', 'indirect | the embankments failed in three places | said | Hydrologists']],
    // A citation in brackets at the end is not part of the content; a quotation in brackets is.
    ['The same report said the coalition had used the excuse before (ibid).', ['indirect | the coalition had used the excuse before | said | The same report']],
    // A negated cue is an attribution (PolNeAR marks `did not respond to`), without the negation in the speaker.
    ["The governor's office didn't respond to requests for comment about the plan.", ["indirect | requests for comment about the plan | respond to | The governor's office"]],
    // Not reported speech.
    ['Words cannot describe how much I love the team and the fans.', []],
    // A headline's label before a colon is not a speaker's name unless it reads as one.
    ['Trey Gowdy: Benghazi Investigation Helped Reveal Clinton Email Scandal', ['indirect | Benghazi Investigation Helped Reveal Clinton Email Scandal | : | Trey Gowdy']],
    ["Not One More Pier: Valmora's Harbour Deal Is a Betrayal", []],
    ['The Latest: Sanders wins Minnesota Democratic caucuses', []],
    // After a passive, a participle cue's subject is the agent after `by`.
    ['The figure of 212 was first reported by Reuters, citing the Delta Relief Network.', ['indirect | the Delta Relief Network | citing | Reuters']],
    // A request for anonymity describes a source; it reports nothing the source said.
    ['A harbour pilot, who asked not to be named because he was not authorised to speak publicly, said construction would close the channel.', ['indirect | construction would close the channel | said | A harbour pilot']],
    // A feeling about doing something reports no words.
    ['Experience is thrilled to have Junior Gaspard back on the team.', []],
    ["We're so happy to welcome him back to the club this season.", []],
    ['We owe it to our flag and to our grandparents to say no to this deal.', []],
    ['The state of the union is strong.', []],
    ['He reports to the board every week.', []],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(view(input, run(input).layer)).toEqual(expected);
  });
});

describe('quotesStage: speakers', () => {
  const speaker = (text: string, i = 0) => {
    const q = run(text).layer.quotes[i]!;
    const s = q.speaker;
    return { mention: slice(text, s.mention), name: s.name, description: s.description, kind: s.kind, organisation: s.organisation, antecedent: slice(text, s.antecedent) };
  };
  const cases: [string, number, ReturnType<typeof speaker>][] = [
    ['Hugh Hill, a doctor, said: "We are out of medicine."', 0, { mention: 'Hugh Hill', name: 'Hugh Hill', description: 'a doctor', kind: 'person', organisation: null, antecedent: null }],
    [
      '"It is over," said a senior analyst for the International Crisis Group in Kabul.',
      0,
      { mention: 'a senior analyst for the International Crisis Group in Kabul', name: null, description: 'a senior analyst for the International Crisis Group in Kabul', kind: 'person', organisation: 'International Crisis Group', antecedent: null },
    ],
    ['Reports the New York Times: "The talks have collapsed."', 0, { mention: 'the New York Times', name: 'New York Times', description: null, kind: 'outlet', organisation: null, antecedent: null }],
    ['"It is over," sources said.', 0, { mention: 'sources', name: null, description: 'sources', kind: 'anonymous', organisation: null, antecedent: null }],
    ['"It is over," a source said.', 0, { mention: 'a source', name: null, description: 'a source', kind: 'anonymous', organisation: null, antecedent: null }],
    [
      'Officials who asked not to be named said the talks would resume.',
      0,
      { mention: 'Officials who asked not to be named', name: null, description: 'Officials who asked not to be named', kind: 'anonymous', organisation: null, antecedent: null },
    ],
    // Pronouns: the most recent person whose gender fits.
    [
      'Sen. Mary Smith spoke first. Then John Brown arrived. "We lost," she said.',
      0,
      { mention: 'she', name: 'Mary Smith', description: null, kind: 'person', organisation: null, antecedent: 'Mary Smith' },
    ],
    [
      'Sen. Mary Smith spoke first. Then John Brown arrived. "We lost," he said.',
      0,
      { mention: 'he', name: 'John Brown', description: null, kind: 'person', organisation: null, antecedent: 'John Brown' },
    ],
    // A surname alone takes the full name seen earlier.
    ['Donald Trump spoke. "We will win," Trump said.', 0, { mention: 'Trump', name: 'Donald Trump', description: null, kind: 'person', organisation: null, antecedent: 'Donald Trump' }],
    ['"We will appeal," the ministry said.', 0, { mention: 'the ministry', name: null, description: 'the ministry', kind: 'organisation', organisation: null, antecedent: null }],
    // A qualified organisation noun names one body; a time adjunct ends the subject.
    [
      'The interior ministry on Monday rejected the toll, calling the figure "premature and unverified."',
      0,
      { mention: 'The interior ministry', name: 'interior ministry', description: 'The interior ministry', kind: 'organisation', organisation: null, antecedent: null },
    ],
    // A description before the name: the name is the head.
    [
      'A coordinator for the network, Paulo Mendes, told the agency, "The water came at night."',
      0,
      { mention: 'Paulo Mendes', name: 'Paulo Mendes', description: 'A coordinator for the network', kind: 'person', organisation: null, antecedent: null },
    ],
    // Capitalised first word only: a description, not a name.
    ['An anchor on RT described the estimate as "politically motivated" in a broadcast.', 0, { mention: 'An anchor on RT', name: null, description: 'An anchor on RT', kind: 'person', organisation: null, antecedent: null }],
    // `the paper` stands for the outlet named before it.
    [
      'The New York Times was less certain. "At least 40 people were buying bread," the paper reported.',
      0,
      { mention: 'the paper', name: 'The New York Times', description: null, kind: 'outlet', organisation: null, antecedent: 'The New York Times' },
    ],
    // A person found by an apposition (no known first name) is the antecedent of a later `he`.
    [
      'Col. Peter Marsh spoke first.\n\nOne of them, Hugh Hill, a surgeon, said the injuries were grave. "I have seen this before," he said.',
      1,
      { mention: 'he', name: 'Hugh Hill', description: null, kind: 'person', organisation: null, antecedent: 'Hugh Hill' },
    ],
    // A gendered role word gives the name its gender; a surname carries it on.
    [
      'Spokeswoman Clara Ventos spoke. Maria Sol left. Asked about it, Ventos said the list was wrong. She added: "No one is hiding anything."',
      1,
      { mention: 'She', name: 'Clara Ventos', description: null, kind: 'person', organisation: null, antecedent: 'Ventos' },
    ],
  ];
  it.each(cases)('%j', (input, i, expected) => {
    expect(speaker(input, i)).toEqual(expected);
  });

  // Speaker kinds: a newspaper-shaped name is an outlet, a body named with `on`/`of` is an organisation.
  it.each([
    ['The campaign cost the state roughly $449,000, according to the Sioux Falls Argus Leader.', 'the Sioux Falls Argus Leader', 'outlet'],
    ['The Valmora Daily reported that the deal was off.', 'The Valmora Daily', 'outlet'],
    ['The National Institute on Drug Abuse has estimated that 964,000 people used it.', 'The National Institute on Drug Abuse', 'organisation'],
    ['Secretary of State John Kerry said the talks failed.', 'Secretary of State John Kerry', 'person'],
    // An unnamed group is anonymous; an unnamed outlet is an outlet.
    ['The market had been empty for a year, according to local residents.', 'local residents', 'anonymous'],
    ['Independent hydrologists have said the embankments failed.', 'Independent hydrologists', 'anonymous'],
    ['A second state outlet said the toll was higher.', 'A second state outlet', 'outlet'],
    // A document speaks for someone not named here: no person.
    ["According to the authority's own annual report, cargo fell by 12 percent.", "the authority's own annual report", 'unknown'],
  ])('%j', (text, mention, kind) => {
    const q = run(text).layer.quotes[0]!;
    expect([slice(text, q.speaker.mention), q.speaker.kind]).toEqual([mention, kind]);
  });

  // A comma closing a relative clause does not make the cue after it an inversion (`…, reported a …`).
  it('no inverted speaker after a relative clause', () => {
    const text = 'About 964,000 people, which account for 0.4 percent of the population, reported a methamphetamine use disorder in 2017, marking an increase.';
    expect(run(text).layer.quotes.map((q) => slice(text, q.speaker.mention))).not.toContain('a methamphetamine use disorder');
  });

  // A speaker mention never takes words inside a citation in brackets.
  it.each([
    'A second state outlet put the number of injured at over a hundred (ibid, citing FARS news agency) (uncorroborated).',
    'The same report (ibid) said the coalition had used the claim before.',
    "The paper (Anna Reyes, 'Witnesses describe the strike', 2015) reported that 40 people had died.",
  ])('%j', (text) => {
    const quotes = run(text).layer.quotes;
    for (const q of quotes) {
      const m = q.speaker.mention;
      if (!m) continue;
      const open = text.lastIndexOf('(', m.end);
      const inBrackets = open >= 0 && text.indexOf(')', open) >= m.start;
      expect(inBrackets && open < m.end, `${slice(text, m)} in ${text}`).toBe(false);
      for (const said of [q.speaker.name, q.speaker.description]) expect(said ?? '').not.toMatch(/ibid|Reyes|Witnesses/);
    }
    expect(quotes.map((q) => slice(text, q.speaker.mention))).not.toContain(null);
  });
});

describe('quotesStage: marked phrases', () => {
  const cases: [string, string[]][] = [
    ["The strike was 'accidentally' aimed at the village.", ["scare 'accidentally'"]],
    ["It was what the army calls 'friendly fire' again.", ["scare 'friendly fire'"]],
    ['His book "The Art of the Deal" sold well.', ['title "The Art of the Deal"']],
    ['A film titled "Clinton Cash" was shown.', ['title "Clinton Cash"']],
    ["The deal was reported (Smith, 'Trump and Money', The Guardian, 4 June 2015).", ["title 'Trump and Money'"]],
    ['She used the phrase "radical Islam" twice.', ['term "radical Islam"']],
  ];
  it.each(cases)('%j', (input, expected) => {
    const { layer } = run(input);
    expect(layer.quotes).toEqual([]);
    expect(layer.markedPhrases.map((m) => `${m.kind} ${input.slice(m.span.start, m.span.end)}`)).toEqual(expected);
  });

  it('keeps single-marked phrases as scare quotes in an article that quotes in double marks', () => {
    const text = '"We have reviewed all of the footage," Marsh said. The same report said the coalition had used \'friendly fire\' as an excuse before.';
    const { layer } = run(text);
    expect(layer.markedPhrases.map((m) => `${m.kind} ${text.slice(m.span.start, m.span.end)}`)).toEqual(["scare 'friendly fire'"]);
    expect(view(text, layer)).toEqual(['direct | We have reviewed all of the footage, | said | Marsh', 'indirect | the coalition had used \'friendly fire\' as an excuse before | said | The same report']);
  });

  it('does not take a title in a parenthetical reference as more of the quotation', () => {
    const text = '"At least 40 people were buying bread," the paper reported (Anna Reyes, \'Witnesses describe the morning\', The Post, 4 June 2015).';
    const { layer } = run(text);
    expect(view(text, layer)).toEqual(['direct | At least 40 people were buying bread, | reported | the paper']);
    expect(layer.markedPhrases.map((m) => m.kind)).toEqual(['title']);
  });

  it('numbers quotes and marked phrases in text order', () => {
    const text = '"We lost," Smith said. The \'deal\' is off. "We won," Jones said. The "plan" failed.';
    const { layer } = run(text);
    expect(layer.quotes.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(layer.markedPhrases.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});

describe('quotesStage: malformed input', () => {
  it('reports an unclosed mark with its span and still finds the quotation', () => {
    const text = 'He said: "We lost the vote and the war.';
    const result = run(text);
    expect(result.diagnostics).toEqual([{ code: 'quote/unclosed-mark', severity: 'warning', message: expect.any(String), span: { start: 9, end: 10 } }]);
    expect(view(text, result.layer)).toEqual(['direct | We lost the vote and the war. | said | He']);
  });

  it.each([
    ['200 KB of double marks', '"'.repeat(200_000)],
    ['200 KB of single marks', "'".repeat(200_000)],
    ['200 KB of curly marks', '“”’‘«»„'.repeat(30_000)],
    ['a 1 MB line of quoted words', '"a" said b, '.repeat(90_000)],
    ['a 1 MB line of text', 'Smith said that the talks failed and '.repeat(28_000)],
  ])('completes on %s with spans in bounds', (_, text) => {
    const { layer } = run(text);
    const spans = layer.quotes.flatMap((q) => [...q.content, ...(q.cue ? [q.cue] : []), ...(q.speaker.mention ? [q.speaker.mention] : [])]).concat(layer.markedPhrases.map((m) => m.span));
    expect(spans.filter((s) => s.start < 0 || s.end > text.length || s.start > s.end)).toEqual([]);
  });
});
