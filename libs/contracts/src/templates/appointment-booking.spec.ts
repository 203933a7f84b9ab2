import { validate } from '../validation/compile-contract';
import { templateOutput } from '../strategies/default-output';
import { APPOINTMENT_BOOKING } from './appointment-booking';

describe('appointment_booking template', () => {
  it.each([
    ['2026-03-02T15:00:00-05:00', true],
    ['2026-03-02T15:00Z', true],
    ['2026-03-02 15:00', false],
    ['next Monday at 3', false],
  ])('given the start time %s, when validated, then it is valid: %s', (startTime, valid) => {
    const output = { ...templateOutput(APPOINTMENT_BOOKING), start_time: startTime };
    expect(validate(output, APPOINTMENT_BOOKING).isValid).toBe(valid);
  });

  it('given an attendee without a usable email, when validated, then the nested path is named', () => {
    const output = { ...templateOutput(APPOINTMENT_BOOKING), attendees: [{ name: 'Dana', email: 'dana at example' }] };
    expect(validate(output, APPOINTMENT_BOOKING).errors.map((error) => error.field)).toEqual(['attendees[0].email']);
  });
});
