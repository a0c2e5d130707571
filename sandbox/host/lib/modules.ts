/**
 * The AMD module ids amoCRM's page answers (reference §5.3, the documented core list): `jquery`,
 * `underscore` and `twigjs` are already defined by their <script> tags; `backbone`, `moment` and
 * the `text!` / `json!` plugins are anonymous AMD files RequireJS fetches from the sandbox's vendor
 * route on first use; `lib/components/base/modal` is the host's Modal class. Any other id resolves
 * under `/_sandbox/amd/`, which 404s visibly instead of loading the page's own URL.
 */
import { defineModalModule } from '../modal';
import { define, requirejs } from '../vendor';

export const LAZY_MODULE_PATHS: Readonly<Record<string, string>> = {
  backbone: '/_sandbox/vendor/backbone',
  moment: '/_sandbox/vendor/moment',
  text: '/_sandbox/vendor/text',
  json: '/_sandbox/vendor/json',
};

export function registerHostModules(): void {
  requirejs().config({ baseUrl: '/_sandbox/amd/', waitSeconds: 30, paths: LAZY_MODULE_PATHS });
  defineModalModule(define());
  // amoCRM's own front end is a Backbone app: `window.Backbone` is there before any widget loads
  // (published widgets extend Backbone.View without listing it in define).
  requirejs()(['backbone'], () => undefined);
}
