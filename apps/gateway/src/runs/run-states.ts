/** The statuses a run ends in; an escalated run has not ended: it waits for a person's review. */
const FINISHED = new Set(['completed', 'failed', 'cancelled']);

export const isFinished = (status: string) => FINISHED.has(status);
