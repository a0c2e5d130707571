import { effect, signal } from '@preact/signals-core';
import { readOnly } from '../../../src/state/readOnly';

describe('readOnly', () => {
  it('follows its source', () => {
    const source = signal(1);
    const view = readOnly(source);
    expect(view.value).toBe(1);
    source.value = 2;
    expect(view.value).toBe(2);
    expect(view.peek()).toBe(2);
  });

  it('notifies its readers when the source changes', () => {
    const source = signal('a');
    const view = readOnly(source);
    const seen: string[] = [];
    const stop = effect(() => {
      seen.push(view.value);
    });
    source.value = 'b';
    source.value = 'b';
    source.value = 'c';
    stop();
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('refuses a write at run time and leaves the source alone', () => {
    const source = signal(1);
    const view = readOnly(source);
    expect(() => {
      (view as unknown as { value: number }).value = 5;
    }).toThrow();
    expect(source.value).toBe(1);
    expect(view.value).toBe(1);
  });
});
