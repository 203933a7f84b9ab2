import { defineEvent, requireFields } from '../definitions/message-definitions';
import { FixtureWorkSchema } from '@sigil/schemas';

/** A fixture event of its own per test case, so cases never see each other's messages. */
export function fixtureEvent(name: string) {
  return defineEvent(`sigil.fixture.v1.${name}`, FixtureWorkSchema, requireFields('workId'));
}
