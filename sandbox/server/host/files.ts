/**
 * Static files of the host page:
 * - `/widgets/<code>/…` — the widget directory, as amoCRM serves an uploaded archive, with
 *   `Cache-Control: no-cache` so a rebuilt widget is fetched again (its `?v=` changes anyway);
 * - `/_sandbox/vendor/*.js` — the host libraries amoCRM provides to widgets through RequireJS, at
 *   the versions amoCRM documents (reference §5.3): jQuery 2.1.3, underscore 1.9.1, backbone
 *   1.1.2, twig.js 0.8.9, moment 2.24.0, and the `text!` / `json!` plugins (no version published;
 *   requirejs-text 2.0.16 and Miller Medeiros's json plugin 0.3.2), minified where the package
 *   ships a minified build, as amoCRM's pages load them (the full jQuery took 60-110 ms more to
 *   evaluate, which the warm-start bench counted against the widget);
 * - `/_sandbox/host/host.js` — the host runtime bundle (webpack.sandbox.config.js), and its styles.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from '../problem';
import { HOST_STYLES, KOMMO_STYLE } from './shell';

const nodeRequire = createRequire(__filename);

/** The repository root (this file is sandbox/server/host/files.ts). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_HOST_BUNDLE_DIR = path.join(REPO_ROOT, 'dist/sandbox');
const STYLES_DIR = path.join(REPO_ROOT, 'sandbox/host/styles');

const VENDOR_FILES: Readonly<Record<string, string>> = {
  'require.js': 'requirejs/require.js',
  'jquery.js': 'jquery/dist/jquery.min.js',
  'underscore.js': 'underscore/underscore-min.js',
  // Anonymous AMD modules: RequireJS loads them itself (paths in sandbox/host/lib/modules.ts).
  'backbone.js': 'backbone/backbone-min.js',
  'moment.js': 'moment/min/moment.min.js',
  'text.js': 'requirejs-text/text.js',
  'json.js': 'requirejs-plugins/src/json.js',
};

/**
 * twig.js 0.8.9 unchanged, inside a wrapper. Loaded by a plain <script> (the host renders
 * templates synchronously), its anonymous `define` would be a RequireJS "mismatched anonymous
 * define" error, and without AMD it would replace the global `Twig` by its exports. amoCRM's page
 * has both: the module `twigjs` is the `twig()` function (widgets call `twig({ref: …})` on it) and
 * the global `Twig` is twig.js's own object (Kommo's published widgets read
 * `Twig.Templates.registry`).
 */
function twigScript(): string {
  const source = readFileSync(nodeRequire.resolve('twig/twig.min.js'), 'utf8').replace(
    /^\/\/# sourceMappingURL=.*$/m,
    '',
  );
  return [
    '(function () {',
    'var captured;',
    'var define = function (factory) { captured = factory(); };',
    'define.amd = {};',
    'var module;',
    source,
    ';window.Twig = Twig;',
    "window.define('twigjs', [], function () { return captured.twig; });",
    '})();',
    '',
  ].join('\n');
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" ' +
  'rx="6" fill="#2e3e5c"/><text x="16" y="22" font-size="16" text-anchor="middle" ' +
  'fill="#fff" font-family="sans-serif">a</text></svg>';

function sendFile(reply: FastifyReply, file: string, type: string): FastifyReply {
  return reply.type(type).header('Cache-Control', 'no-cache').send(createReadStream(file));
}

/** Tells the developer what to run instead of leaving a blank page. */
function missingBundleScript(file: string): string {
  const message = `Sandbox host bundle ${file} is missing: run \`npm run build:sandbox\`.`;
  return `document.body.textContent = ${JSON.stringify(message)};\nconsole.error(${JSON.stringify(message)});\n`;
}

export interface FileRoutesOptions {
  readonly widgetDir: string;
  readonly widgetCode: string;
  readonly hostBundleDir: string;
}

export async function registerFileRoutes(
  app: FastifyInstance,
  options: FileRoutesOptions,
): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(options.widgetDir),
    prefix: `/widgets/${options.widgetCode}/`,
    decorateReply: false,
    index: false,
    list: false,
    cacheControl: false,
    setHeaders: response => {
      response.setHeader('Cache-Control', 'no-cache');
    },
  });

  let twigSource: string | undefined;
  app.get('/_sandbox/vendor/twig.js', (_request, reply) => {
    twigSource ??= twigScript();
    return reply
      .type('application/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(twigSource);
  });

  app.get<{ Params: { file: string } }>('/_sandbox/vendor/:file', (request, reply) => {
    const module = VENDOR_FILES[request.params.file];
    if (module === undefined)
      return sendProblem(reply, 404, `No vendor file ${request.params.file}`);
    return sendFile(reply, nodeRequire.resolve(module), 'application/javascript; charset=utf-8');
  });

  app.get('/_sandbox/host/host.js', (_request, reply) => {
    const file = path.join(options.hostBundleDir, 'host.js');
    if (!existsSync(file)) {
      return reply.type('application/javascript; charset=utf-8').send(missingBundleScript(file));
    }
    return sendFile(reply, file, 'application/javascript; charset=utf-8');
  });

  app.get<{ Params: { file: string } }>('/_sandbox/host/styles/:file', (request, reply) => {
    const name = request.params.file;
    if (!(HOST_STYLES as readonly string[]).includes(name) && name !== KOMMO_STYLE) {
      return sendProblem(reply, 404, `No host style ${name}`);
    }
    return sendFile(reply, path.join(STYLES_DIR, name), 'text/css; charset=utf-8');
  });

  app.get('/_sandbox/host/favicon.svg', (_request, reply) =>
    reply.type('image/svg+xml').header('Cache-Control', 'no-cache').send(FAVICON),
  );
  // Browsers ask for it on their own; a 404 there would be a console error in every e2e test.
  app.get('/favicon.ico', (_request, reply) => reply.redirect('/_sandbox/host/favicon.svg', 302));
}
