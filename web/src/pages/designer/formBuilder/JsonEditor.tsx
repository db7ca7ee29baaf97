import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2);

/**
 * A JSON object in a code textarea: valid edits go to `onChange` at once, invalid text stays
 * in the box with the parser's message and changes nothing. `check` may refuse valid JSON too.
 */
export function JsonEditor({ value, onChange, label, check, testId }: { value: unknown; onChange: (value: Record<string, unknown>) => void; label: string; check?: (value: Record<string, unknown>) => string | null; testId?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);

  // Edits made elsewhere (the field list) replace the text, unless it already means the same.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? {})) return current;
      } catch {
        // The box holds broken JSON; the outside change wins.
      }
      setError(null);
      return pretty(value);
    });
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (e) {
      setError(t('formBuilder.json.invalid', { message: (e as Error).message }));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return setError(t('formBuilder.json.notObject'));
    const refused = check?.(parsed as Record<string, unknown>) ?? null;
    setError(refused);
    if (!refused) onChange(parsed as Record<string, unknown>);
  };

  return (
    <div className="json-editor">
      <textarea className="json-editor__text mono" spellCheck={false} value={text} aria-label={label} aria-invalid={error ? 'true' : 'false'} data-testid={testId} onChange={(event) => edit(event.target.value)} />
      <p className={`json-editor__status${error ? ' json-editor__status--error' : ''}`} role={error ? 'alert' : undefined}>
        {error ?? t('formBuilder.json.valid')}
      </p>
    </div>
  );
}
