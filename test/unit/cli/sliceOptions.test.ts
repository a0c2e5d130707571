import { countingMode, fieldFilters, sliceOf, tagIds } from '../../../src/cli/sliceOptions';

const refused = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return { code: (error as { exitCode?: number }).exitCode, message: (error as Error).message };
  }
  return null;
};

describe('slice options of report', () => {
  it('reads --tag as repeatable comma lists of distinct ids', () => {
    expect(tagIds(['11', '12, 13', '11'])).toEqual([11, 12, 13]);
    expect(refused(() => tagIds(['11,vip']))).toEqual({
      code: 2,
      message: expect.stringContaining('--tag'),
    });
  });

  it('groups --field values by field: an enum id, a checkbox, or a text', () => {
    expect(
      fieldFilters(['3002=501', '3001=yandex', '3002=502', '3004=true', '3002=501', '3001=a=b']),
    ).toEqual([
      { fieldId: 3002, values: [501, 502] },
      { fieldId: 3001, values: ['yandex', 'a=b'] },
      { fieldId: 3004, values: [true] },
    ]);
  });

  it.each([['3002'], ['3002='], ['x=1'], ['0=1']])('refuses --field %j, naming it', text => {
    const error = refused(() => fieldFilters([text]));
    expect(error?.code).toBe(2);
    expect(error?.message).toContain('--field');
  });

  it('gives no slice when nothing is asked, and takes only the three modes', () => {
    expect(sliceOf([], [])).toBeUndefined();
    expect(sliceOf(['5'], [])).toEqual({ tagIds: [5] });
    expect(countingMode(undefined)).toBeUndefined();
    expect(countingMode('entered')).toBe('entered');
    expect(refused(() => countingMode('weekly'))?.message).toContain('created, closed, entered');
  });
});
