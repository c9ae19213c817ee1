import { describe, expect, it } from 'vitest';
import { buildSearchRecord, extractKeywords, synonymAliases, type RecordSource } from '../src/lib/search-records.ts';
import { createSearcher } from '../src/lib/search.ts';
import { highlightWords, letterPairs, matchSummary, normalise, swaps, tokenize } from '../src/lib/search-text.ts';

const source = (over: Partial<RecordSource> & Pick<RecordSource, 'id' | 'title'>): RecordSource => ({
  url: `/python/q/${over.id}/`,
  short: 'A short answer.',
  topic: 'functions',
  topicTitle: 'Functions, scope and closures',
  difficulty: 'basic',
  tags: [],
  body: '## Answer\n\nText.\n',
  ...over,
});

const records = [
  source({
    id: 'generators-and-yield',
    title: 'What is a generator, and what does `yield` do?',
    topic: 'iterators',
    topicTitle: 'Iterators and generators',
    short: 'A function with yield returns a generator that runs lazily.',
    tags: ['generators', 'laziness'],
  }),
  source({
    id: 'iterator-protocol',
    title: 'How does the iterator protocol work?',
    topic: 'iterators',
    topicTitle: 'Iterators and generators',
    short: 'An iterator has __next__ and __iter__.',
    body: '## Answer\n\nWhen exhausted, `__next__` raises `StopIteration`.\n\n```python\nclass Countdown:\n    def __next__(self):\n        raise StopIteration\n```\n',
  }),
  source({
    id: 'plus-equals',
    title: 'What does `b += [3]` do to an aliased list?',
    topic: 'objects',
    topicTitle: 'Objects, identity and mutability',
    tags: ['gotcha', 'aliasing'],
    body: '## Answer\n\nIt calls `list.__iadd__`, which extends in place. **Augmented assignment** differs.\n',
  }),
  source({ id: 'closures', title: 'What does a closure capture?', tags: ['closures', 'scope'] }),
  source({
    id: 'late-binding',
    title: 'What does this print when lambdas in a loop capture a variable?',
    difficulty: 'intermediate',
    tags: ['gotcha', 'closures'],
    body: '## Answer\n\nUse `nonlocal` only to rebind.\n',
  }),
  source({
    id: 'decorators',
    title: 'What is a decorator?',
    topic: 'decorators',
    topicTitle: 'Decorators and context managers',
    short: 'A callable that wraps another.',
  }),
  source({
    id: 'context-managers',
    title: 'How does the `with` statement work?',
    topic: 'decorators',
    topicTitle: 'Decorators and context managers',
    short: 'It calls __enter__ and __exit__.',
  }),
].map((r) => buildSearchRecord(r, [['gil', 'global interpreter lock']]));

const searcher = createSearcher(records);
const ids = (query: string, filters = {}) => searcher.search(query, filters).map((hit) => hit.record.id);

describe('extractKeywords', () => {
  it('takes identifiers from inline code, distinctive names from code blocks, and bold phrases', () => {
    expect(extractKeywords(records.length ? '## Answer\n\nIt calls `list.__iadd__` and `x`. **Augmented assignment** differs.\n\n```python\nclass Countdown:\n    def step(self):\n        raise StopIteration\n```\n' : '')).toBe(
      'list.__iadd__ Augmented assignment StopIteration',
    );
  });

  it('keeps each keyword once and skips common words', () => {
    expect(extractKeywords('Use `nonlocal` and `nonlocal` and `print` and `self`.')).toBe('nonlocal');
  });

  it('ends up in the record with the other fields', () => {
    expect(records[1]).toMatchObject({ id: 'iterator-protocol', url: '/python/q/iterator-protocol/', keywords: '__next__ StopIteration' });
  });
});

describe('createSearcher', () => {
  it('ranks an exact title match first', () => {
    expect(ids('What does a closure capture?')[0]).toBe('closures');
    expect(ids('what does a closure capture')[0]).toBe('closures');
  });

  it('finds the right question despite a typo', () => {
    expect(ids('generater')[0]).toBe('generators-and-yield');
    // A letter swapped, one doubled, one missing.
    expect(ids('genreator')[0]).toBe('generators-and-yield');
    expect(ids('clossure')[0]).toBe('closures');
    expect(ids('closre')[0]).toBe('closures');
    expect(ids('decorater')).toEqual(['decorators', 'context-managers']);
  });

  it('finds questions by tag and by topic name', () => {
    expect(ids('aliasing')).toEqual(['plus-equals']);
    expect(ids('gotcha').sort()).toEqual(['late-binding', 'plus-equals']);
    expect(ids('context managers').sort()).toEqual(['context-managers', 'decorators']);
  });

  it('finds a term that appears only deep inside the answer', () => {
    expect(ids('StopIteration')).toEqual(['iterator-protocol']);
    expect(ids('__iadd__')).toEqual(['plus-equals']);
    expect(ids('iadd')).toEqual(['plus-equals']);
    expect(ids('nonlocal')).toEqual(['late-binding']);
  });

  it('ranks by how much of the query a question covers, so a partial match still finds it', () => {
    expect(ids('closure lambdas')[0]).toBe('late-binding');
    expect(ids('closure zebra')).toEqual(['closures', 'late-binding']);
    // Stop words ("what", "does", "to", "an") are ignored; every other word adds.
    expect(ids('what does += do to an aliased list')[0]).toBe('plus-equals');
  });

  it('ignores stop words, except where they stand in code', () => {
    expect(ids('what is the')).toEqual([]);
    expect(ids('a')).toEqual([]);
    expect(ids('with')).toEqual(['context-managers']);
    expect(ids('with statement')[0]).toBe('context-managers');
  });

  it('ranks a title holding the whole query as a phrase first', () => {
    expect(ids('how does the iterator protocol work')[0]).toBe('iterator-protocol');
    expect(ids('closure capture')[0]).toBe('closures');
  });

  it('finds operators, also by their names', () => {
    expect(ids('+=')).toEqual(['plus-equals']);
    expect(ids('@')[0]).toBe('decorators');
    expect(searcher.search('+=')[0]?.title.filter((p) => p.mark).map((p) => p.text)).toEqual(['+=']);
  });

  it('finds a question by a synonym of a word it holds', () => {
    const gil = createSearcher([buildSearchRecord(source({ id: 'gil', title: 'What is the GIL?' }), [['gil', 'global interpreter lock']]), ...records]);
    expect(gil.search('global interpreter lock').map((h) => h.record.id)[0]).toBe('gil');
  });

  it('tolerates swapped letters, also in short words, without letting short words match everything', () => {
    expect(ids('yeild')[0]).toBe('generators-and-yield');
    expect(ids('genreator')[0]).toBe('generators-and-yield');
    // "clos" is a prefix, but "closure" must not find a word it merely resembles.
    expect(ids('yie')).toEqual(['generators-and-yield']);
    expect(ids('zzqxv')).toEqual([]);
  });

  it('says where a hit matched besides its title', () => {
    expect(searcher.search('aliasing')[0]?.places).toEqual([{ field: 'tags', terms: ['aliasing'] }]);
    expect(searcher.search('StopIteration')[0]?.places).toEqual([{ field: 'keywords', terms: ['StopIteration'] }]);
  });

  it('suggests a corrected query and the closest topics', () => {
    expect(searcher.suggest('generatorz closurr')).toEqual({
      query: 'generators closure',
      topics: [
        { id: 'iterators', title: 'Iterators and generators' },
        { id: 'functions', title: 'Functions, scope and closures' },
      ],
    });
    expect(searcher.suggest('closure').query).toBeUndefined();
    expect(searcher.suggest('zzqxv')).toEqual({ query: undefined, topics: [] });
  });

  it('filters by topic and difficulty, and limits', () => {
    expect(ids('closures', { difficulty: 'intermediate' })).toEqual(['late-binding']);
    expect(ids('generators', { topic: 'decorators' })).toEqual([]);
    expect(searcher.search('closures', {}, 1)).toHaveLength(1);
    expect(ids('   ')).toEqual([]);
  });

  it('highlights matched words in the title and the short answer', () => {
    const [hit] = searcher.search('generater');
    expect(hit?.title).toEqual([
      { text: 'What is a ', mark: false },
      { text: 'generator', mark: true },
      { text: ', and what does `yield` do?', mark: false },
    ]);
    expect(hit?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['generator']);
  });
});

describe('helpers', () => {
  it('tokenize keeps dunders and identifiers whole, lowercased, with positions', () => {
    expect(tokenize('Call __iadd__ on StopIteration!')).toEqual([
      { word: 'call', start: 0, end: 4, code: false },
      { word: '__iadd__', start: 5, end: 13, code: false },
      { word: 'on', start: 14, end: 16, code: false },
      { word: 'stopiteration', start: 17, end: 30, code: false },
    ]);
  });

  it('tokenize keeps operators and says which tokens stand in code', () => {
    expect(tokenize('Does `a += [1]` differ?').map((t) => [t.word, t.code])).toEqual([
      ['does', false], ['a', true], ['+=', true], ['1', true], ['differ', false],
    ]);
    expect(tokenize(':= ** -> @').map((t) => t.word)).toEqual([':=', '**', '->', '@']);
  });

  it('swaps lists the word with each pair of neighbours swapped', () => {
    expect(swaps('yeild')).toContain('yield');
    expect(swaps('ab')).toEqual(['ba']);
  });

  it('synonymAliases adds the other members of every group with a member in the text', () => {
    expect(synonymAliases('What is the GIL?', [['gil', 'global interpreter lock'], ['gc', 'garbage collector']])).toBe('global interpreter lock');
    expect(synonymAliases('the global interpreter lock', [['gil', 'global interpreter lock']])).toBe('gil');
    expect(synonymAliases('a fragile lock', [['gil', 'global interpreter lock']])).toBe('');
  });

  it('letterPairs lists the overlapping pairs of a word', () => {
    expect(letterPairs('gen')).toEqual(['ge', 'en']);
    expect(letterPairs('a')).toEqual([]);
  });

  it('normalise folds case, backticks, spaces and end punctuation', () => {
    expect(normalise('  What is `yield`?? ')).toBe('what is yield');
  });

  it('highlightWords marks a stop word only where it stands in code', () => {
    expect(highlightWords('What is `is`?', new Set(['is']))).toEqual([
      { text: 'What is `', mark: false },
      { text: 'is', mark: true },
      { text: '`?', mark: false },
    ]);
  });

  it('matchSummary says where a hit matched without the answer', () => {
    expect(matchSummary([{ field: 'tags', terms: ['closures', 'scope'] }, { field: 'keywords', terms: ['nonlocal'] }, { field: 'short', terms: [] }])).toBe(
      'Matches tags: `closures`, `scope` · answer terms: `nonlocal` · short answer',
    );
    expect(matchSummary([])).toBe('Matches the question');
  });

  it('highlightWords marks whole words only', () => {
    expect(highlightWords('Yield, yielded.', new Set(['yield']))).toEqual([
      { text: 'Yield', mark: true },
      { text: ', yielded.', mark: false },
    ]);
  });
});
