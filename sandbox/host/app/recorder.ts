/**
 * amoCRM's rules forbid widgets to write to `APP`/`AMOCRM` (reference §2.5, §5). The globals stay
 * ordinary writable objects, as on the real page, but every write a widget makes through them is
 * recorded in `window.__hostWrites` so the e2e tests can assert there were none. The host itself
 * writes to the raw objects behind the proxies and is never recorded.
 */

export interface HostWrite {
  /** e.g. `APP.data.current_view.pipeline_id`, `APP.constant('managers').501.title`. */
  readonly path: string;
  readonly op: 'set' | 'delete' | 'defineProperty' | 'constant' | 'replace';
  readonly valueType: string;
}

export type WriteLog = HostWrite[];

/** Only plain objects are wrapped: jQuery objects, DOM nodes and models are not the host's state. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

function keyName(key: string | symbol): string {
  return typeof key === 'symbol' ? key.toString() : key;
}

export class WriteRecorder {
  private readonly proxies = new WeakMap<object, object>();

  constructor(readonly log: WriteLog) {}

  record(path: string, op: HostWrite['op'], value: unknown): void {
    this.log.push({ path, op, valueType: value === null ? 'null' : typeof value });
  }

  /** A proxy of `target` (and, lazily, of every plain object reached through it) that records writes. */
  wrap<T>(target: T, path: string): T {
    if (!isPlainObject(target)) return target;
    const cached = this.proxies.get(target);
    if (cached !== undefined) return cached as T;
    const proxy = new Proxy(target, {
      get: (object, key, receiver) => {
        const value: unknown = Reflect.get(object, key, receiver);
        return isPlainObject(value) ? this.wrap(value, `${path}.${keyName(key)}`) : value;
      },
      set: (object, key, value) => {
        this.record(`${path}.${keyName(key)}`, 'set', value);
        // Without the proxy as receiver, or the write would be recorded again as defineProperty.
        return Reflect.set(object, key, value);
      },
      deleteProperty: (object, key) => {
        this.record(`${path}.${keyName(key)}`, 'delete', undefined);
        return Reflect.deleteProperty(object, key);
      },
      defineProperty: (object, key, descriptor) => {
        this.record(`${path}.${keyName(key)}`, 'defineProperty', descriptor.value);
        return Reflect.defineProperty(object, key, descriptor);
      },
    });
    this.proxies.set(target, proxy);
    return proxy;
  }
}
