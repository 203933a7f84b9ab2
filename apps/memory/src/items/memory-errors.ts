/** Problems named in one error; a batch of a thousand bad items names the first few and counts the rest. */
const SHOWN_PROBLEMS = 10;

const listed = (problems: string[]) =>
  problems.slice(0, SHOWN_PROBLEMS).join('; ') + (problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '');

/** A request the caller got wrong (MEM_001), with the problems found. */
export const invalidInput = (problems: string[]) => ({ error: { code: 'MEM_001', message: `invalid memory request: ${listed(problems)}`, status: 400 } });

/** What the request names does not exist in the caller's tenant (MEM_404). */
export const notFound = (message: string) => ({ error: { code: 'MEM_404', message, status: 404 } });
