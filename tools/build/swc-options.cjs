// One swc configuration for the build and for Jest, so tests run the code the services run.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');

/** @param {{ resolvePaths: boolean }} options path aliases are rewritten at build time; Jest maps them itself */
function swcOptions({ resolvePaths }) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
      ...(resolvePaths ? { baseUrl: root, paths: compilerOptions.paths } : {}),
    },
    module: { type: 'es6', resolveFully: true },
    sourceMaps: 'inline',
  };
}

module.exports = { swcOptions, root };
