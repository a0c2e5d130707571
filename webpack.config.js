// The widget bundle: one AMD module (dist/widget/script.js) whose value is the widget constructor,
// and chunks of their own in the widget's folder (its path is set at run time, widget/script.ts):
// widget.js, the page's part, fetched as the widget is constructed; engine.js, the data service's
// Web Worker's part (the worker imports it, then script.js: see widget/browser.ts); report.js,
// the full report with chart.js, loaded only on the advanced settings page.
const path = require('node:path');
const webpack = require('webpack');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { readPublisher } = require('./scripts/publisher.cjs');

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    // chart.js 4 ships ES2022 (static class fields); current amoCRM browsers all run it.
    target: ['web', 'es2022'],
    entry: { script: './widget/script.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/widget'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      // Set at run time to the folder amoCRM serves the widget from (widget/script.ts).
      publicPath: '',
      // Maps beside the folder, not in it: dist/widget/ is what amoCRM gets and the sandbox
      // serves, and a map there would publish the sources (issue #10).
      sourceMapFilename: '../widget-maps/[file].map',
      clean: true,
      library: { type: 'amd', export: 'default' },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    // amoCRM provides jQuery as the AMD module "jquery" (we only listen to its page:changed);
    // as an external it becomes a define() dependency instead of a bundled copy.
    externals: { jquery: 'jquery' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          // Types are checked by `npm run typecheck`; the bundle only needs transpiling.
          options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
        },
        // Libraries minified one module at a time (production only): see the minimizer below.
        ...(production
          ? [
              {
                test: /\.m?js$/,
                include: /node_modules/,
                loader: path.resolve(__dirname, 'scripts/minify-library-loader.cjs'),
              },
            ]
          : []),
      ],
    },
    // No sourceMappingURL in the bundles (hidden): the maps are for our own debugging only.
    devtool: production ? 'hidden-source-map' : 'source-map',
    plugins: [
      // The publisher's contacts (scripts/publisher.cjs): where a message that asks the user to
      // act says to get help. pack-widget checks them; a development build has placeholders.
      new webpack.DefinePlugin({ __FL_PUBLISHER__: JSON.stringify(readPublisher().values) }),
      // V8's explicit compile hint: nearly every function of the page's and the worker's chunks
      // runs on load, so V8 compiles them all on its streaming thread as the file arrives instead
      // of one by one on the main thread when first called (Chrome 136+; others ignore it).
      new webpack.BannerPlugin({
        banner: '//# allFunctionsCalledOnLoad',
        raw: true,
        test: /^(widget|engine)\.js$/,
        // After minification, which would drop the comment.
        stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT,
      }),
    ],
    // No vendor split: each chunk arrives whole, in one request (the report with its chart.js).
    optimization: {
      splitChunks: false,
      // Bundled libraries' licence banners stay inside the chunk that holds them, instead of a
      // `*.LICENSE.txt` beside it that amoCRM does not need in the archive (issue 10).
      //
      // Our own code is not minified (amoCRM's review: readable, neither minified nor obfuscated;
      // issue 11); bundled libraries may be, and are, one module at a time by the loader above.
      // This last pass over each chunk only drops what tree shaking left unreferenced, dead
      // branches and comments: names, statements and the layout of our code stay as written.
      minimizer: [
        new MinimizerPlugin({
          extractComments: false,
          minify: {
            implementation: MinimizerPlugin.terserMinify,
            options: {
              compress: {
                defaults: false,
                unused: true,
                dead_code: true,
                side_effects: true,
                evaluate: true,
                reduce_vars: true,
                passes: 2,
              },
              mangle: false,
              format: { beautify: true, indent_level: 2, comments: /^!|@license|@preserve/i },
            },
          },
        }),
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
