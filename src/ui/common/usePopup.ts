import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A filter's drop-down list (the manager filter's, the slice filter's): on opening, focus goes to
 * its first control (`first`, a selector inside the root); a press outside the root closes it;
 * `close` closes it and gives focus back to the button that opened it.
 */
// The return type is inferred: preact's own types for the state setter and the refs.
export function usePopup(first: string) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!open) return undefined;
    root.current?.querySelector<HTMLElement>(first)?.focus();
    const doc = root.current?.ownerDocument;
    const outside = (e: MouseEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    doc?.addEventListener('mousedown', outside);
    return () => doc?.removeEventListener('mousedown', outside);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return { open, setOpen, close, root, button };
}
