import { ApiError } from '@hallq/shared/client';
import type { FollowUp, FollowUpResponse } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type FollowUpAction, type FollowUpsState, initialFollowUpsState } from './state';

export interface FollowUpsActions {
  loadFollowUps(): Promise<void>;
  /** From followup.updated or an action's answer; a closed one moves to the archive. */
  followUpChanged(followUp: FollowUp): void;
  /** Each resolves to whether the server accepted it, so the form can clear itself. */
  assignFollowUp(id: string, staffId: string): Promise<boolean>;
  noteFollowUp(id: string, text: string, calledBack: boolean): Promise<boolean>;
  closeFollowUp(id: string, resolution: string): Promise<boolean>;
}
export type FollowUpsSlice = FollowUpsState & FollowUpsActions;

const without = <T>(record: Record<string, T>, key: string) => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

export const createFollowUpsSlice: SliceCreator<FollowUpsSlice> = (set, get, { client, newRequestId }) => {
  /** The last body sent per follow-up and action: a retry of the same change reuses its requestId. */
  const sent = new Map<string, { key: string; requestId: string }>();

  async function act<B extends object>(
    id: string,
    action: FollowUpAction,
    body: B,
    send: (token: string, request: B & { requestId: string }) => Promise<FollowUpResponse>,
  ): Promise<boolean> {
    const token = get().session?.token;
    if (!token || get().busy[id]) return false;
    const slot = `${id}/${action}`;
    const key = JSON.stringify(body);
    const previous = sent.get(slot);
    const requestId = previous?.key === key ? previous.requestId : newRequestId();
    sent.set(slot, { key, requestId });
    set({ busy: { ...get().busy, [id]: action }, errors: without(get().errors, id) });
    try {
      const { followUp } = await send(token, { requestId, ...body });
      sent.delete(slot);
      set({ busy: without(get().busy, id) });
      get().followUpChanged(followUp);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        get().endSession('登录已过期，请重新登录');
        return false;
      }
      const fields = error instanceof ApiError ? Object.fromEntries(error.fields.map((f) => [f.path, f.message])) : {};
      const message = error instanceof ApiError ? error.message : '网络错误，请重试';
      set({ busy: without(get().busy, id), errors: { ...get().errors, [id]: { action, message, fields } } });
      return false;
    }
  }

  return {
    ...initialFollowUpsState,

    async loadFollowUps() {
      const token = get().session?.token;
      if (!token) return;
      set({ followUpsStatus: 'loading' });
      try {
        const { followUps } = await client.call('followUps', { token });
        set({ followUps, followUpsStatus: 'loaded' });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) get().endSession('登录已过期，请重新登录');
        else set({ followUpsStatus: 'failed' });
      }
    },

    followUpChanged(followUp) {
      const others = get().followUps.filter((f) => f.id !== followUp.id);
      set({ followUps: followUp.status === 'closed' ? others : [...others, followUp] });
      if (followUp.status === 'closed') get().archiveClosed(followUp);
    },

    assignFollowUp: (id, staffId) =>
      act(id, 'assign', { staffId: staffId.trim() }, (token, body) =>
        client.call('assignFollowUp', { token, params: { id }, body }),
      ),
    noteFollowUp: (id, text, calledBack) =>
      act(id, 'note', { text: text.trim(), calledBack }, (token, body) =>
        client.call('noteFollowUp', { token, params: { id }, body }),
      ),
    closeFollowUp: (id, resolution) =>
      act(id, 'close', { resolution: resolution.trim() }, (token, body) =>
        client.call('closeFollowUp', { token, params: { id }, body }),
      ),
  };
};
