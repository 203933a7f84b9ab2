import { extractJsonObject } from './output-json';

describe('JSON in a model answer', () => {
  it('given a bare JSON object with surrounding whitespace, when extracted, then it is the object', () => {
    expect(extractJsonObject('  {"score": 75}\n')).toEqual({ object: { score: 75 } });
  });

  it('given an object in a ```json fence after prose, when extracted, then the fenced object is returned', () => {
    const text = 'Here is the result:\n```json\n{"score": 75, "note": "a } in a string"}\n```\nThanks!';
    expect(extractJsonObject(text)).toEqual({ object: { score: 75, note: 'a } in a string' } });
  });

  it('given an object in a plain ``` fence, when extracted, then it is returned', () => {
    expect(extractJsonObject('```\n{"a": 1}\n```')).toEqual({ object: { a: 1 } });
  });

  it('given prose with a placeholder brace before the object, when extracted, then the first balanced object that parses wins', () => {
    const text = 'Using the {template} you gave, the answer is {"score": 1, "nested": {"b": [1, 2]}} as requested.';
    expect(extractJsonObject(text)).toEqual({ object: { score: 1, nested: { b: [1, 2] } } });
  });

  it('given an unclosed brace before a balanced object, when extracted, then the inner object is still found', () => {
    expect(extractJsonObject('{ oops {"a": 1}')).toEqual({ object: { a: 1 } });
  });

  it('given plain prose, when extracted, then the problem says no object was found', () => {
    expect(extractJsonObject('I cannot answer that.')).toEqual({ problem: 'no JSON object found in the text' });
  });

  it('given a JSON list, when extracted, then it is refused as not an object', () => {
    expect(extractJsonObject('[1, 2]')).toEqual({ problem: 'the JSON is a list, not an object' });
  });

  it('given broken JSON, when extracted, then the parser error is named', () => {
    expect(extractJsonObject('{"a": 1,}')).toEqual({ problem: expect.stringMatching(/^invalid JSON \(/) });
  });

  it('given blank text, when extracted, then the problem says it is empty', () => {
    expect(extractJsonObject(' \n ')).toEqual({ problem: 'the response is empty' });
  });
});
