/** Question fingerprints: which edits count as a change, and which part changed. */
import { describe, expect, it } from 'vitest';
import { changedParts, contentFingerprint } from '../src/lib/fingerprint.ts';
import { questionFingerprint } from '../src/lib/question-fingerprint.ts';

const body = [
  '## Answer',
  '',
  'Lists are mutable.',
  '',
  '## Example',
  '',
  '```python',
  'a = [1]',
  'a += [2]',
  'print(a)',
  '```',
  '',
  '```text output',
  '[1, 2]',
  '```',
  '',
  '## Key points',
  '',
  '- `+=` mutates the list in place.',
  '- `+` builds a new list.',
  '',
].join('\n');
const fp = questionFingerprint('What does `+=` do to a list?', 'It extends the list in place.', body);

describe('questionFingerprint', () => {
  it('is four part hashes behind a version mark', () => {
    expect(fp).toMatch(/^a1:[0-9a-f]{8}\.[0-9a-f]{8}\.[0-9a-f]{8}\.[0-9a-f]{8}$/);
    expect(contentFingerprint('a')).toBe('e40c292c');
  });

  it('ignores edits that do not change what a learner learned: prose elsewhere, case, punctuation, spacing', () => {
    const reworded = body.replace('Lists are mutable.', 'A list can change after it is made.').replace('- `+` builds a new list.', '- `+` Builds a new list!').replace('a += [2]', 'a += [2]   ');
    expect(questionFingerprint('What does `+=` do to a list', 'It extends  the list, in place.', reworded)).toBe(fp);
  });

  it('names each part that changed', () => {
    const at = (title: string, short: string, b: string, prompt = '') => changedParts(fp, questionFingerprint(title, short, b, prompt));
    const title = 'What does `+=` do to a list?';
    const short = 'It extends the list in place.';
    expect(at(title, short, body)).toEqual([]);
    expect(at(title, 'It rebinds the name to a new list.', body)).toEqual(['short']);
    expect(at(title, short, body.replace('builds a new list', 'copies the list'))).toEqual(['points']);
    expect(at(title, short, body.replace('- `+` builds', '- `*` builds'))).toEqual(['points']);
    expect(at(title, short, body.replace('[1, 2]\n```', '[1, 2, 3]\n```'))).toEqual(['code']);
    expect(at(title, short, body, 'a = [1]\nprint(a)')).toEqual(['question']);
    expect(at('What does `+` do to a list?', 'A new list.', body)).toEqual(['question', 'short']);
  });

  it('cannot compare with a missing or whole-file fingerprint from before parts existed', () => {
    expect(changedParts(undefined, fp)).toBeUndefined();
    expect(changedParts('1a2b3c4d', fp)).toBeUndefined();
    expect(changedParts(fp, 'a1:zz')).toBeUndefined();
  });
});
