import { useEffect, useRef, useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';

const DELAY_MS = 300;

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & { value: string; onCommit: (value: string) => void };

/**
 * Typing stays instant: the field keeps its own text and hands it on after a pause, so the list
 * query (and the URL) changes once per pause rather than once per key.
 */
export function DebouncedSearchField({ value, onCommit, ...props }: Props) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);

  // A change from outside (back button, a shared link, "reset") replaces what is in the field.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (draft === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = draft;
      onCommit(draft);
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, onCommit]);

  return <TextField {...props} value={draft} onChange={(e) => setDraft(e.target.value)} />;
}
