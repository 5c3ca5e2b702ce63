import { describe, expect, it } from 'vitest';
import { type ReasoningOrText, ReasoningSplitter, type ReasoningSplitterOptions } from './reasoning.js';

/** Feeds the deltas, then ends; returns the parts with adjacent ones of a kind joined. */
function split(deltas: string[], options?: ReasoningSplitterOptions): ReasoningOrText[] {
  const splitter = new ReasoningSplitter(options);
  const parts = [...deltas.flatMap((delta) => splitter.push(delta)), ...splitter.end()];
  const joined: ReasoningOrText[] = [];
  for (const part of parts) {
    expect(part.text).not.toBe('');
    const last = joined.at(-1);
    if (last?.type === part.type) last.text += part.text;
    else joined.push({ ...part });
  }
  return joined;
}

/** Every way of cutting the text in two and in three, and one character at a time. */
function cuts(text: string): string[][] {
  const all: string[][] = [[text], [...text]];
  for (let first = 0; first <= text.length; first++) {
    all.push([text.slice(0, first), text.slice(first)]);
    for (let second = first; second <= text.length; second++) {
      all.push([text.slice(0, first), text.slice(first, second), text.slice(second)]);
    }
  }
  return all;
}

const reasoning = (text: string): ReasoningOrText => ({ type: 'reasoning-delta', text });
const answer = (text: string): ReasoningOrText => ({ type: 'text-delta', text });

const cases: Array<{
  name: string;
  stream: string;
  options?: ReasoningSplitterOptions;
  parts: ReasoningOrText[];
}> = [
  {
    name: 'a <think> block, then the answer',
    stream: '<think>\nThe user asks about x.\n</think>\n\nUse `x --y`.',
    parts: [reasoning('The user asks about x.\n'), answer('Use `x --y`.')],
  },
  {
    name: 'whitespace before <think>',
    stream: '\n <think>a < b, so </thinking> is no tag</think> Ответ: да.',
    parts: [reasoning('a < b, so </thinking> is no tag'), answer('Ответ: да.')],
  },
  {
    name: 'an empty <think> block (Qwen3 without thinking)',
    stream: '<think>\n\n</think>\n\nHello <think> world',
    parts: [answer('Hello <think> world')],
  },
  {
    name: 'no reasoning at all',
    stream: '  Plain answer with </think> far away'.padEnd(40, '.'),
    options: { detectionWindow: 8 },
    parts: [answer('Plain answer with </think> far away'.padEnd(38, '.'))],
  },
  {
    name: 'a lone </think> in the detection window',
    stream: 'Reasoning without an opening tag.</think>\n\nThe answer.',
    parts: [reasoning('Reasoning without an opening tag.'), answer('The answer.')],
  },
  {
    name: 'a lone </think> just past the detection window',
    stream: 'abcdefghi</think>x',
    options: { detectionWindow: 9 },
    parts: [answer('abcdefghi</think>x')],
  },
  {
    name: 'a lone </think> starting on the last character of the window',
    stream: 'abcdefgh</think>x',
    options: { detectionWindow: 9 },
    parts: [reasoning('abcdefgh'), answer('x')],
  },
  {
    name: 'a stream that starts inside reasoning',
    stream: 'Let me think: 2 < 3.\n</think>\n\nYes.',
    options: { start: 'reasoning' },
    parts: [reasoning('Let me think: 2 < 3.\n'), answer('Yes.')],
  },
  {
    name: 'starting inside reasoning, the model repeats <think>',
    stream: '<think>\nhm</think>ok',
    options: { start: 'reasoning' },
    parts: [reasoning('hm'), answer('ok')],
  },
  {
    name: 'starting inside reasoning, empty reasoning',
    stream: '</think>\n\nok',
    options: { start: 'reasoning' },
    parts: [answer('ok')],
  },
  {
    name: 'cut off while reasoning (finish length)',
    stream: '<think>still thinking </thi',
    parts: [reasoning('still thinking </thi')],
  },
  {
    name: 'answer only (the server separated the reasoning)',
    stream: '\n\n<think>is text here</think>',
    options: { start: 'answer' },
    parts: [answer('<think>is text here</think>')],
  },
  {
    name: 'the beginning of a tag that is not one',
    stream: '<thinking> is an HTML-like word',
    parts: [answer('<thinking> is an HTML-like word')],
  },
  { name: 'a short answer shorter than the opening tag', stream: '<th', parts: [answer('<th')] },
  { name: 'nothing but whitespace', stream: ' \n ', parts: [] },
];

describe('ReasoningSplitter', () => {
  for (const { name, stream, options, parts } of cases) {
    it(`${name}: the same parts however the stream is cut`, () => {
      for (const deltas of cuts(stream)) {
        expect(split(deltas, options), JSON.stringify(deltas)).toEqual(parts);
      }
    });
  }

  it('streams reasoning as it comes, holding back only what may be a closing tag', () => {
    const splitter = new ReasoningSplitter();
    expect(splitter.push('<think>')).toEqual([]);
    expect(splitter.push('step one </th')).toEqual([reasoning('step one ')]);
    expect(splitter.push('at')).toEqual([reasoning('</that')]);
    expect(splitter.push(' </think>\n')).toEqual([reasoning(' ')]);
    expect(splitter.push('\nAnswer')).toEqual([answer('Answer')]);
    expect(splitter.end()).toEqual([]);
  });

  it('holds back an answer until no lone </think> can start in the window, then streams it', () => {
    const splitter = new ReasoningSplitter({ detectionWindow: 4 });
    expect(splitter.push('Hello')).toEqual([]);
    expect(splitter.push(', world')).toEqual([answer('Hello, world')]);
    expect(splitter.push('</think>')).toEqual([answer('</think>')]);
  });

  it('streams an answer at once when detection is off, after ruling out a leading <think>', () => {
    const splitter = new ReasoningSplitter({ detectionWindow: 0 });
    expect(splitter.push('<')).toEqual([]);
    expect(splitter.push('b>bold</b>')).toEqual([answer('<b>bold</b>')]);
  });

  it('never lets reasoning into the answer of a long stream cut into tokens', () => {
    const thought = 'Рассуждение. '.repeat(200);
    const tokens = `<think>${thought}</think>\n\nОтвет.`.match(/.{1,3}/gs) ?? [];
    const parts = split(tokens);
    expect(parts).toEqual([reasoning(thought), answer('Ответ.')]);
  });
});
