import { useState } from 'preact/hooks';
import type { NamesState, SliceNames } from '../ui';
import type { Host } from './host';
import { useOnce } from './useOnce';

/**
 * The account's tag and field names for the slice filter: two small lists read only once the
 * filter is first opened (`load`), since most views of the panel never open it; `load` after a
 * failure reads again.
 */
export function useSliceNames(host: Host): {
  readonly state: NamesState;
  readonly load: () => void;
  readonly sourceFieldId: number | null;
} {
  const [wanted, setWanted] = useState(false);
  const { state, retry } = useOnce(
    host,
    async (client, signal): Promise<SliceNames> => {
      const [tags, fields] = await Promise.all([
        client.getLeadTags({ signal }),
        client.getLeadCustomFields({ signal }),
      ]);
      return { tags, fields };
    },
    null,
    wanted,
  );
  const names: NamesState = !wanted
    ? { status: 'idle' }
    : state.status === 'ok'
      ? { status: 'ok', names: state.value }
      : state;
  return {
    state: names,
    load: () => (wanted ? retry() : setWanted(true)),
    sourceFieldId: host.settings.sourceFieldId,
  };
}
