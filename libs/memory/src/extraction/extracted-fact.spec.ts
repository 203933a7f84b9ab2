import { distinctFacts, normaliseCategory } from './extracted-fact';

describe('extracted facts', () => {
  it('given a model\'s category names, when normalised, then they take memory\'s form', () => {
    expect(normaliseCategory('User Preferences')).toBe('user_preferences');
    expect(normaliseCategory('  Contacts & E-mails ')).toBe('contacts_e-mails');
    expect(normaliseCategory('Préférences')).toBe('preferences');
    expect(normaliseCategory('goals')).toBe('goals');
  });

  it('given the same fact stated twice in other case and punctuation, when made distinct, then the first wording stays with the higher confidence', () => {
    expect(
      distinctFacts([
        { content: 'Ana prefers email.', category: 'preferences', confidence: 0.7 },
        { content: 'Ana works at Acme', category: 'profile', confidence: 0.9 },
        { content: 'ana  prefers EMAIL', category: 'preferences', confidence: 0.9 },
      ]),
    ).toEqual([
      { content: 'Ana prefers email.', category: 'preferences', confidence: 0.9 },
      { content: 'Ana works at Acme', category: 'profile', confidence: 0.9 },
    ]);
  });
});
