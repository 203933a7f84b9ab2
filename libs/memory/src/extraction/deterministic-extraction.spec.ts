import { deterministicExtraction } from './deterministic-extraction';

const contents = (text: string) => deterministicExtraction(text).map((fact) => fact.content);

describe('deterministic extraction', () => {
  it('given a conversation, when extracted, then statements of fact are kept and questions, greetings and speaker labels dropped', () => {
    const conversation = 'User: Hi! My name is Ana and I work at Acme. What time is it? I prefer email over phone calls.\n\nAssistant: Thanks, Ana. Got it.';
    expect(contents(conversation)).toEqual(['My name is Ana and I work at Acme.', 'I prefer email over phone calls.']);
  });

  it('given a greeting opening a statement, when extracted, then the statement is kept without it', () => {
    expect(contents('Hello, my name is Ana.')).toEqual(['my name is Ana.']);
  });

  it('given questions without a question mark and requests, when extracted, then they are dropped', () => {
    expect(contents('how do I reset my password\nPlease send the report by Friday.\nThe report is due on Friday.')).toEqual(['The report is due on Friday.']);
  });

  it('given statements about different things, when extracted, then each gets its category by keyword', () => {
    const facts = deterministicExtraction(
      [
        'Ana prefers tea to coffee.',
        'The team decided to use PostgreSQL.',
        'Our goal is to launch in May.',
        'Her email is ana@example.com.',
        'Ana works at Acme as an engineer.',
        'The office has three floors.',
      ].join(' '),
    );
    expect(facts.map((fact) => fact.category)).toEqual(['preferences', 'decisions', 'goals', 'contacts', 'profile', 'general']);
  });

  it('given a date or a number, when extracted, then it is not taken for a phone number', () => {
    expect(deterministicExtraction('The launch is on 2025-01-31. Call the desk on +44 20 7946 0000.').map((fact) => fact.category)).toEqual(['general', 'contacts']);
  });

  it('given hedged statements, when extracted, then the confidence drops with the hedge', () => {
    const facts = deterministicExtraction('Ana lives in Lisbon. I think Ana lives in Porto. Maybe Ana lives in Faro.');
    expect(facts.map((fact) => fact.confidence)).toEqual([0.9, 0.7, 0.5]);
  });

  it('given the same statement twice, when extracted, then it is one fact', () => {
    expect(contents('Ana likes tea.\nana likes tea')).toEqual(['Ana likes tea.']);
  });

  it('given more than 50 statements, when extracted, then the first 50 are kept', () => {
    const text = Array.from({ length: 60 }, (_, index) => `Project number ${index} is done.`).join('\n');
    const facts = contents(text);
    expect(facts).toHaveLength(50);
    expect(facts[49]).toBe('Project number 49 is done.');
  });

  it('given nothing but small talk, when extracted, then there are no facts', () => {
    expect(deterministicExtraction('Hi there!\nThanks!\nOk, bye.')).toEqual([]);
  });
});
