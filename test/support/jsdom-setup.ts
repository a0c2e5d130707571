/**
 * jest's jsdom environment does not expose structuredClone (browsers and Node both have it); the
 * memory cache copies with it, as IndexedDB does. Node's v8 serializer implements the same
 * structured-clone algorithm.
 */
import { configure } from '@testing-library/preact';
import { deserialize, serialize } from 'node:v8';

if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}

// The whole suite runs beside Chromium-driven e2e tests on two cores: give async queries the
// time a loaded machine needs (they return as soon as the condition holds).
configure({ asyncUtilTimeout: 10_000 });
