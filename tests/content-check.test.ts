import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDeckFile, checkQuestionFiles, formatProblem, type SourceFile } from '../src/lib/content-check.ts';

const dir = 'tests/fixtures/questions';
const fixture = (name: string): SourceFile => {
  const path = `${dir}/${name}`;
  return { path, text: readFileSync(path, 'utf8') };
};
const deck = checkDeckFile({
  path: 'deck.yaml',
  text: 'title: T\ndescription: D\npageSize: 10\nverifiedOn: "3.11"\ntopics:\n  - id: objects\n    title: Objects\n',
}).deck;

/** The problems of one fixture checked on its own, as printed lines. */
const problemsOf = (name: string) => checkQuestionFiles([fixture(name)], deck).problems.map(formatProblem);

describe('checkQuestionFiles', () => {
  it('passes a valid question and returns it', () => {
    const result = checkQuestionFiles([fixture('valid-question.md')], deck);
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.id)).toEqual(['valid-question']);
    expect(result.questions[0]?.data).toMatchObject({ difficulty: 'basic', order: 100, tags: ['identity'] });
  });

  it('reports bad YAML with its line', () => {
    expect(problemsOf('bad-yaml.md')).toEqual([expect.stringMatching(/^tests\/fixtures\/questions\/bad-yaml\.md: front matter: invalid YAML at line \d+/)]);
  });

  it('reports a missing field', () => {
    expect(problemsOf('missing-difficulty.md')).toEqual([`${dir}/missing-difficulty.md: difficulty: is required`]);
  });

  it('reports a wrong value with the allowed ones', () => {
    expect(problemsOf('wrong-difficulty.md')).toEqual([
      `${dir}/wrong-difficulty.md: difficulty: must be one of basic, intermediate, advanced`,
    ]);
  });

  it('reports an unknown topic with the deck topics', () => {
    expect(problemsOf('unknown-topic.md')).toEqual([
      `${dir}/unknown-topic.md: topic: unknown topic "astrology"; the deck's topics are: objects`,
    ]);
  });

  it('reports an empty short answer', () => {
    expect(problemsOf('empty-short.md')).toEqual([`${dir}/empty-short.md: short: must not be empty`]);
  });

  it('reports a misspelt field', () => {
    expect(problemsOf('unknown-field.md')).toEqual([`${dir}/unknown-field.md: dificulty: unknown field (check the spelling)`]);
  });

  it('reports a missing required section', () => {
    expect(problemsOf('missing-section.md')).toEqual([`${dir}/missing-section.md: section "Example": is missing`]);
  });

  it('reports a file without front matter and a file name that is not kebab-case', () => {
    expect(problemsOf('no-front-matter.md')).toContain(`${dir}/no-front-matter.md: front matter: is missing: the file must start with a --- block`);
    expect(problemsOf('Not_Kebab.md')).toEqual([
      `${dir}/Not_Kebab.md: id: file name "Not_Kebab" must be lowercase kebab-case, e.g. late-binding-closures.md`,
    ]);
  });

  it('reports duplicate ids and duplicate titles', () => {
    const dupId = checkQuestionFiles([fixture('valid-question.md'), fixture('dup/valid-question.md')], deck).problems;
    expect(dupId.map(formatProblem)).toEqual([`${dir}/dup/valid-question.md: id: duplicate id "valid-question": also ${dir}/valid-question.md`]);
    const dupTitle = checkQuestionFiles([fixture('valid-question.md'), fixture('duplicate-title.md')], deck).problems;
    expect(dupTitle.map(formatProblem)).toEqual([`${dir}/duplicate-title.md: title: duplicate title: also ${dir}/valid-question.md`]);
  });

  it('reports every problem of every file in one run', () => {
    const names = ['bad-yaml.md', 'missing-difficulty.md', 'wrong-difficulty.md', 'unknown-topic.md', 'empty-short.md', 'missing-section.md'];
    const { problems, questions } = checkQuestionFiles(names.map(fixture), deck);
    expect(new Set(problems.map((p) => p.path))).toEqual(new Set(names.map((n) => `${dir}/${n}`)));
    expect(questions).toEqual([]);
  });

  it('checks section order, the spoken answer, key points, the follow-up and fence options', () => {
    const valid = fixture('valid-question.md').text;
    const broken = valid
      .replace('## Trade-offs', '## Tradeoffs')
      .replace('- Third point.\n', '')
      .replace('**What comes next?**\n\n', '')
      .replace('```python\nprint(1 + 1)', '```python norun\nprint(1 + 1)');
    const lines = checkQuestionFiles([{ path: 'q.md', text: broken }], deck).problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^q\.md: section "Tradeoffs": unknown section at line \d+/),
        'q.md: section "Trade-offs": is missing',
        'q.md: section "Key points": must be one list of 3–5 points (found 2)',
        'q.md: section "Follow-up": must start with the follow-up question as a bold line',
        expect.stringMatching(/^q\.md: code block at line \d+: norun needs a reason/),
      ]),
    );
    const withNative = (meta: string) => valid.replace('```python\nprint(1 + 1)', `\`\`\`python ${meta}\nprint(1 + 1)`);
    const check = (text: string) => checkQuestionFiles([{ path: 'q.md', text }], deck).problems.map(formatProblem);
    expect(check(withNative('native="needs threads"'))).toEqual([]);
    expect(check(withNative('native'))).toEqual([expect.stringMatching(/^q\.md: code block at line \d+: native needs a reason: native="needs threads"$/)]);
    expect(check(withNative('native="needs threads" norun="needs Flask"'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^q\.md: code block at line \d+: a block is either norun \(not run\) or native/)]),
    );
    expect(check(withNative('natve="typo"'))).toEqual([
      expect.stringMatching(/^q\.md: code block at line \d+: unknown fence option "natve" \(use raises=, norun= or native=\)$/),
    ]);
    const table = valid.replace('- Costs something.', '| | a | b |\n|---|---|---|\n| x | 1 | 2 |');
    expect(checkQuestionFiles([{ path: 'q.md', text: table }], deck).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^q\.md: table at line \d+: header cell 1 is empty: name every column$/),
    ]);
    const image = valid.replace('- Costs something.', '- Costs something. ![a chart](chart.png)');
    expect(checkQuestionFiles([{ path: 'q.md', text: image }], deck).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^q\.md: image at line \d+: question files have no images: describe it in words or show it as code$/),
    ]);
    const swapped = valid.replace('## Answer', '## TMP').replace('## Example', '## Answer').replace('## TMP', '## Example');
    expect(checkQuestionFiles([{ path: 'q.md', text: swapped }], deck).problems.map(formatProblem)).toContain(
      'q.md: sections: out of order: found Example, Answer, Trade-offs, Common mistakes, Follow-up, Say it in 30 seconds, Key points; expected Answer, Example, Trade-offs, Common mistakes, Follow-up, Say it in 30 seconds, Key points',
    );
  });
});

describe('prompt code', () => {
  it('passes a question with prompt code, output and the exception it raises', () => {
    const result = checkQuestionFiles([fixture('valid-prompt.md')], deck);
    expect(result.problems).toEqual([]);
    expect(result.questions[0]?.data.prompt).toEqual({
      code: 't = (1, [2])\nprint(t)\nhash(t)\n',
      output: "(1, [2])\nTypeError: unhashable type: 'list'\n",
      raises: 'TypeError',
    });
  });

  it('requires prompt code when the title asks what code prints', () => {
    expect(problemsOf('prompt-missing-for-title.md')).toEqual([
      `${dir}/prompt-missing-for-title.md: prompt: is required: the title asks what code prints, so put that code on the front (add prompt.code and prompt.output)`,
    ]);
  });

  it('requires prompt code when a tag marks a predict-the-output question', () => {
    expect(problemsOf('prompt-missing-for-tag.md')).toEqual([
      `${dir}/prompt-missing-for-tag.md: prompt: is required: the "gotcha" tag marks a predict-the-output question (add prompt.code and prompt.output)`,
    ]);
  });

  it('requires a title that refers to the prompt code', () => {
    expect(problemsOf('prompt-title-silent.md')).toEqual([
      `${dir}/prompt-title-silent.md: title: must refer to the prompt code, e.g. "What does this code print, and why?"`,
    ]);
  });

  it('reports empty code and a missing output', () => {
    expect(problemsOf('prompt-empty-code.md')).toEqual([
      `${dir}/prompt-empty-code.md: prompt.code: must not be empty`,
      `${dir}/prompt-empty-code.md: prompt.output: is required`,
    ]);
  });

  it('reports prompt code longer than the limit', () => {
    expect(problemsOf('prompt-too-long.md')).toEqual([
      `${dir}/prompt-too-long.md: prompt.code: must be at most 12 lines: show only the code the title asks about`,
    ]);
  });

  it('reports an output that does not end with the exception the code raises', () => {
    expect(problemsOf('prompt-raises-mismatch.md')).toEqual([
      `${dir}/prompt-raises-mismatch.md: prompt.output: must end with the traceback's last line, "TypeError: …", because raises is TypeError`,
    ]);
  });

  it('reports a bad exception name and a misspelt prompt field', () => {
    expect(problemsOf('prompt-bad-raises.md').sort()).toEqual([
      `${dir}/prompt-bad-raises.md: prompt.outptu: unknown field (check the spelling)`,
      `${dir}/prompt-bad-raises.md: prompt.raises: must be an exception class name, such as TypeError`,
    ]);
  });
});

describe('checkDeckFile', () => {
  it('accepts a valid deck', () => {
    expect(deck?.topics.map((t) => t.id)).toEqual(['objects']);
  });

  it('reports every bad field and duplicate topics', () => {
    const { problems } = checkDeckFile({
      path: 'deck.yaml',
      text: 'title: T\npageSize: 0\nverifiedOn: "3"\ntopics:\n  - id: a\n    title: A\n',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['description', 'pageSize', 'verifiedOn']);
    const dup = checkDeckFile({
      path: 'deck.yaml',
      text: 'title: T\ndescription: D\npageSize: 5\nverifiedOn: "3.11"\ntopics:\n  - {id: a, title: A}\n  - {id: a, title: B}\n',
    });
    expect(dup.problems.map(formatProblem)).toEqual(['deck.yaml: topics.1.id: duplicate topic "a"']);
  });

  it('takes search synonyms as groups of two or more, and says which group is wrong', () => {
    const base = 'title: T\ndescription: D\npageSize: 5\nverifiedOn: "3.11"\ntopics:\n  - {id: a, title: A}\n';
    expect(checkDeckFile({ path: 'deck.yaml', text: base }).deck?.synonyms).toEqual([]);
    expect(checkDeckFile({ path: 'deck.yaml', text: `${base}synonyms:\n  - [gil, global interpreter lock]\n` }).deck?.synonyms).toEqual([['gil', 'global interpreter lock']]);
    const bad = checkDeckFile({ path: 'deck.yaml', text: `${base}synonyms:\n  - [gil, global interpreter lock]\n  - [lonely]\n` });
    expect(bad.problems.map(formatProblem)).toEqual(['deck.yaml: synonyms.1: a synonym group needs at least two entries']);
  });
});
