// The sandbox host page runtime (sandbox/host/**): one browser bundle, dist/sandbox/host.js.
// jQuery, underscore, twig.js and RequireJS are not bundled: the shell loads them as amoCRM's page
// does, and widgets get them (and backbone, moment, text!, json!) through RequireJS.
const path = require('node:path');

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es2022'],
    entry: { host: './sandbox/host/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/sandbox'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          // Types are checked by `npm run typecheck` (sandbox/host/tsconfig.json).
          options: {
            configFile: path.resolve(__dirname, 'sandbox/host/tsconfig.json'),
            transpileOnly: true,
            compilerOptions: { noEmit: false, sourceMap: true },
          },
        },
      ],
    },
    // In production mode (the bench's build) minified as amoCRM's own page scripts are: the
    // host's boot is part of what the warm-start bench measures. Development builds (npm start,
    // the e2e tests) skip the minifier's time. Readable in devtools through the source map.
    devtool: 'source-map',
    optimization: { minimize: production },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
