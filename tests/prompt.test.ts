import { describe, expect, it } from 'vitest';
import { promptRuleProblems, titleAsksForOutput } from '../src/schemas/prompt.ts';

describe('titleAsksForOutput', () => {
  it('recognises titles that ask what code prints', () => {
    for (const title of [
      'What does this print when you create lambdas in a loop?',
      'What does this code print, and why?',
      'A tuple is immutable, so what does this code print after appending to it?',
      'What will the following snippet output?',
      'After `b = a` and `b.append(4)`, what does `print(a)` show, and why?',
      'What does `print(x is y)` show here?',
      'Can you predict the output of this loop?',
      'What is printed when the generator is read twice?',
    ]) {
      expect(titleAsksForOutput(title), title).toBe(true);
    }
  });

  it('leaves conceptual questions alone', () => {
    for (const title of [
      'What does `yield` do?',
      'What does the GIL protect?',
      'What is the difference between `is` and `==`?',
      'What does `__init__` return, and why?',
      'How do you print to stderr?',
      'What happens after `import x` runs?',
    ]) {
      expect(titleAsksForOutput(title), title).toBe(false);
    }
  });
});

describe('promptRuleProblems', () => {
  const prompt = { code: 'print(1)\n', output: '1\n' };

  it('accepts a matching title and prompt, and a question that promises nothing', () => {
    expect(promptRuleProblems({ title: 'What does this code print?', tags: ['gotcha'], prompt })).toEqual([]);
    expect(promptRuleProblems({ title: 'What is a list?', tags: ['lists'] })).toEqual([]);
  });

  it('names the reason a prompt is required: the title first, then the tag', () => {
    expect(promptRuleProblems({ title: 'What does this print?', tags: ['gotcha'] })).toEqual([
      ['prompt', 'is required: the title asks what code prints, so put that code on the front (add prompt.code and prompt.output)'],
    ]);
    expect(promptRuleProblems({ title: 'Why?', tags: ['predict-output'] })).toEqual([
      ['prompt', 'is required: the "predict-output" tag marks a predict-the-output question (add prompt.code and prompt.output)'],
    ]);
  });

  it('asks for a title that refers to the prompt', () => {
    expect(promptRuleProblems({ title: 'Why is this surprising?', tags: [], prompt })).toEqual([
      ['title', 'must refer to the prompt code, e.g. "What does this code print, and why?"'],
    ]);
  });
});
