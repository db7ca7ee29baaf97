import type { Designer } from '@dealerflow/designer';
import { useCallback, useState } from 'react';
import { designerApi, type DraftDocument } from './designerApi';
import { linkedForms } from './linkedForms';

/** The server draft the open diagram belongs to: which process, which revision, who saved it and its forms. */
export interface DraftState {
  processId: string;
  revision: number;
  savedBy: string;
  savedAt: string;
  forms: { id: string }[];
}

const stateOf = (draft: DraftDocument): DraftState => ({ processId: draft.processId, revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.savedAt, forms: draft.forms });

/** Opens, saves and deploys the diagram as a server draft; the revision guards against overwriting a colleague's save. */
export function useServerDraft(designer: Designer | null) {
  const [draft, setDraft] = useState<DraftState | null>(null);

  /** Saves the open diagram as the next revision of its process's draft; rejects with a 409 ApiError when stale. */
  const save = useCallback(async () => {
    if (!designer) return null;
    const processId = designer.processId();
    if (!processId) throw new Error('The diagram has no process');
    const { xml } = await designer.snapshot();
    const base = draft?.processId === processId ? draft : null;
    const forms = await linkedForms(designer, base?.forms ?? []);
    const result = await designerApi.saveDraft(processId, { xml, forms, revision: base?.revision ?? 0 });
    // Marks the diagram saved: what is on the server now is what the canvas shows.
    await designer.save();
    setDraft(stateOf(result));
    return result;
  }, [designer, draft]);

  /** Opens the draft of `processId` in the designer. */
  const open = useCallback(
    async (processId: string) => {
      if (!designer) return;
      const loaded = await designerApi.draft(processId);
      await designer.open(loaded.xml);
      setDraft(stateOf(loaded));
    },
    [designer],
  );

  /** Deploys the open diagram with the forms it links (the builder's drafts included) as a new version. */
  const deploy = useCallback(async () => {
    if (!designer) throw new Error('The designer is not ready');
    const processId = designer.processId() ?? 'process';
    const { xml } = await designer.snapshot();
    const forms = await linkedForms(designer, draft?.processId === processId ? draft.forms : []);
    return designerApi.deploy([{ name: `${processId}.bpmn`, content: xml }, ...forms.map((form) => ({ name: `${form.id}.form.json`, content: JSON.stringify(form) }))]);
  }, [designer, draft]);

  /** Forgets the draft (after opening a file or a new diagram). */
  const forget = useCallback(() => setDraft(null), []);

  return { draft, save, open, deploy, forget };
}
