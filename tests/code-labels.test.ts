import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { codeLabel, rehypeCodeRunners, verifiedLabel } from '../src/lib/code-labels.ts';

describe('codeLabel', () => {
  it('labels output blocks and every kind of Python block', () => {
    expect(codeLabel('text', 'output')).toEqual({ caption: 'Output', kind: 'output' });
    expect(codeLabel('python', undefined)).toEqual({ caption: 'Python', kind: 'python', run: 'page' });
    expect(codeLabel('python', 'raises=TypeError')).toEqual({ caption: 'Raises TypeError', kind: 'raises', run: 'page' });
    expect(codeLabel('python', 'native="needs threads"')).toEqual({ caption: 'Needs threads: run it on your machine', kind: 'native', run: 'native' });
    expect(codeLabel('python', 'norun="needs Flask"')).toEqual({ caption: 'Not run: needs Flask', kind: 'norun', run: 'none' });
  });

  it('leaves other languages alone', () => {
    expect(codeLabel('bash', undefined)).toBeNull();
    expect(codeLabel('toml', 'raises=X')).toBeNull();
  });
});

describe('verifiedLabel', () => {
  it('says where a block was verified', () => {
    expect(verifiedLabel('page', '3.14')).toBe('Verified on Python 3.14');
    expect(verifiedLabel('native', '3.14')).toBe('Verified on CPython (native)');
    expect(verifiedLabel('none', '3.14')).toBeNull();
    expect(verifiedLabel('page', undefined)).toBeNull();
  });
});

const text = (value: string) => ({ type: 'text' as const, value });
const figure = (kind: string, caption: string, run?: string): Element => ({
  type: 'element',
  tagName: 'figure',
  properties: { className: ['code', `code-${kind}`], ...(run ? { dataRun: run } : {}) },
  children: [
    { type: 'element', tagName: 'figcaption', properties: {}, children: [text(caption)] },
    { type: 'element', tagName: 'pre', properties: {}, children: [text('code')] },
  ],
});

describe('rehypeCodeRunners', () => {
  const transform = (tree: Root, verifiedOn = '3.14') => rehypeCodeRunners({ verifiedOn: () => verifiedOn })(tree, { path: 'content/python/x.md' });

  it('puts a Python block and its output block in one <python-run>, and adds where it was verified', () => {
    const tree: Root = { type: 'root', children: [figure('python', 'Python', 'page'), text('\n'), figure('output', 'Output'), text('\n')] };
    transform(tree);
    expect(tree.children).toHaveLength(2);
    const runner = tree.children[0] as Element;
    expect(runner.tagName).toBe('python-run');
    expect(runner.properties).toEqual({ dataRun: 'page' });
    const [code, output] = runner.children as Element[];
    expect(output?.properties.className).toEqual(['code', 'code-output']);
    expect(code?.properties.dataRun).toBeUndefined();
    const caption = code?.children[0] as Element;
    expect(caption.children).toEqual([
      { type: 'element', tagName: 'span', properties: { className: ['code-kind'] }, children: [text('Python')] },
      { type: 'element', tagName: 'span', properties: { className: ['code-verified'] }, children: [text('Verified on Python 3.14')] },
    ]);
  });

  it('wraps a block without output alone, and finds blocks nested in other elements', () => {
    const list: Element = { type: 'element', tagName: 'li', properties: {}, children: [figure('native', 'Needs threads: run it on your machine', 'native')] };
    const tree: Root = { type: 'root', children: [list, figure('output', 'Output')] };
    transform(tree);
    const runner = list.children[0] as Element;
    expect(runner.tagName).toBe('python-run');
    expect(runner.properties).toEqual({ dataRun: 'native' });
    expect(runner.children).toHaveLength(1);
    expect(((runner.children[0] as Element).children[0] as Element).children[1]).toMatchObject({ children: [text('Verified on CPython (native)')] });
    expect((tree.children[1] as Element).tagName).toBe('figure');
  });

  it('gives a block that is not run no "verified" label', () => {
    const tree: Root = { type: 'root', children: [figure('norun', 'Not run: needs Flask', 'none')] };
    transform(tree);
    const caption = ((tree.children[0] as Element).children[0] as Element).children[0] as Element;
    expect(caption.children).toHaveLength(1);
  });

  it('leaves other figures alone', () => {
    const tree: Root = { type: 'root', children: [figure('output', 'Output')] };
    transform(tree);
    expect((tree.children[0] as Element).tagName).toBe('figure');
  });
});
