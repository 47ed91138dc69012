// A filter text field (city, prices) that commits after typing pauses, only when its value is valid.
import { TextField } from '../../components/text-field.tsx';
import { useDraft } from './use-draft.ts';

interface DraftFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Returns an error message for an invalid draft; invalid drafts are never committed. */
  validate?: (draft: string) => string | undefined;
  placeholder?: string;
  inputMode?: 'text' | 'decimal';
  autoComplete?: string;
}

export const DraftField = ({ label, value, onCommit, validate, ...input }: DraftFieldProps) => {
  const commitIfValid = (draft: string) => {
    if (!validate?.(draft.trim())) onCommit(draft);
  };
  const [draft, setDraft] = useDraft(value, commitIfValid);
  const error = validate?.(draft.trim());
  return (
    <TextField
      label={label}
      value={draft}
      error={error}
      onChange={(e) => setDraft(e.target.value)}
      {...input}
    />
  );
};
