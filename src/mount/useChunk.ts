// The hook lives with the components, which load chunks of their own too (the drill-down).
export { useChunk } from '../ui';
