// Minifies one bundled library module (webpack loader, node_modules only). amoCRM's review wants
// our own code readable — not minified or obfuscated — while bundled libraries may be minified
// (issue 11): so the chunks are not minified as a whole, and each library module is, on its own,
// before webpack joins it with ours. Licence comments stay (`/*!`, @license, @preserve).
const { minify } = require('terser');

module.exports = function minifyLibrary(source, map) {
  const callback = this.async();
  minify(
    { [this.resourcePath]: source },
    {
      module: true,
      ecma: 2022,
      compress: { passes: 1 },
      mangle: true,
      // Annotations kept: tree shaking of the whole chunk needs its /*#__PURE__*/ marks.
      format: { comments: /^!|@license|@preserve/i, preserve_annotations: true },
      sourceMap: map ? { content: map } : false,
    },
  ).then(
    result => callback(null, result.code ?? source, result.map ?? map),
    error => callback(error),
  );
};
