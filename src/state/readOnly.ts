import { computed } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';

/**
 * A model's signal as its readers get it: it follows the source, and a write (`.value = …`) is
 * refused at compile time and throws at run time, so only the model's actions change its state.
 */
export function readOnly<T>(source: Signal<T>): ReadonlySignal<T> {
  return computed(() => source.value);
}
