/** A store or search request the caller got wrong (MEM_001), with every problem found. */
export const invalidInput = (problems: string[]) => ({ error: { code: 'MEM_001', message: `invalid memory request: ${problems.join('; ')}`, status: 400 } });
