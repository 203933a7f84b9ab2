import type { Contract } from '../model/contract';

/**
 * ISO 8601 date-time with an offset, e.g. 2026-03-02T15:00:00-05:00. Inside optional groups digits
 * are spelt out (\d\d), as safe-regex2 counts any quantifier inside a quantified group.
 */
const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d\\d)?(Z|[+-]\\d\\d:\\d\\d)$';

/** ZACS stratum: books (or proposes) a calendar event with the lead. */
export const APPOINTMENT_BOOKING: Contract = {
  name: 'appointment_booking',
  description: 'Book an appointment and report the calendar event created',
  version: '1.0.0',
  deliverables: [
    {
      name: 'status',
      type: 'str',
      description: 'Outcome of the booking',
      required: true,
      validationRules: [{ rule: 'enum', value: ['confirmed', 'tentative', 'needs_reschedule'] }],
      example: 'confirmed',
    },
    {
      name: 'start_time',
      type: 'str',
      description: 'Start as ISO 8601 date-time with offset',
      required: true,
      validationRules: [{ rule: 'pattern', value: ISO_DATE_TIME }],
      example: '2026-03-02T15:00:00-05:00',
    },
    {
      name: 'duration_minutes',
      type: 'int',
      description: 'Length of the meeting in minutes',
      required: true,
      validationRules: [
        { rule: 'min', value: 15 },
        { rule: 'max', value: 480 },
      ],
      example: 30,
    },
    {
      name: 'timezone',
      type: 'str',
      description: 'IANA time zone of the attendee, e.g. America/New_York',
      required: true,
      validationRules: [{ rule: 'pattern', value: '^(UTC|[A-Za-z_]+/[A-Za-z_]+)$' }],
      example: 'America/New_York',
    },
    {
      name: 'meeting_type',
      type: 'str',
      description: 'Kind of meeting',
      required: true,
      validationRules: [{ rule: 'enum', value: ['discovery_call', 'demo', 'follow_up', 'consultation'] }],
      example: 'demo',
    },
    {
      name: 'attendees',
      type: 'list',
      description: 'People invited',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 1 },
        {
          rule: 'items',
          value: {
            type: 'dict',
            validationRules: [],
            properties: [
              { name: 'name', type: 'str', description: 'Full name', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'email', type: 'str', description: 'Email address', required: true, validationRules: [{ rule: 'pattern', value: '^[^@\\s]+@[^@\\s]+$' }] },
            ],
          },
        },
      ],
      example: [{ name: 'Dana Ruiz', email: 'dana@example.com' }],
    },
    {
      name: 'confirmation_message',
      type: 'str',
      description: 'Message sent to the attendees',
      required: true,
      validationRules: [{ rule: 'not_empty' }, { rule: 'max_length', value: 1000 }],
      example: 'Your demo is booked for Monday 2 March at 3 pm Eastern.',
    },
    {
      name: 'location',
      type: 'str',
      description: 'Meeting link or place',
      required: false,
      validationRules: [{ rule: 'max_length', value: 500 }],
      example: 'https://meet.example.com/demo-42',
    },
    {
      name: 'calendar_event_id',
      type: 'str',
      description: 'Id of the created calendar event',
      required: false,
      validationRules: [{ rule: 'not_empty' }],
      example: 'evt_8f2k1',
    },
  ],
  constraints: { maxTotalTokens: 3_000, maxToolCalls: 8, timeoutSeconds: 90, warnThreshold: 0.8 },
  // A wrong booking reaches a real person's calendar: a human looks at it rather than a guess.
  failureStrategy: 'escalate',
  maxRetries: 2,
  metadata: { stratum: 'ZACS' },
};
