import { openLoopLoad, type OpenLoopOptions } from './open-loop-load';

/** The process openLoopInOwnProcess starts: one load, its result sent back, then gone. */
process.once('message', (options) => {
  openLoopLoad(options as OpenLoopOptions).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error('open loop failed:', error);
      process.exit(1);
    },
  );
});
