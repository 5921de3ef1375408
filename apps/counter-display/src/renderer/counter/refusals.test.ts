import { ApiError, NetworkError } from '@hallq/shared/client';
import { ERROR_STATUS, type ErrorCode } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { NETWORK_FAILURE, describeFailure } from './refusals';
import { ticket } from './store/test-services';

const refusal = (code: ErrorCode, message = 'the server says why') => new ApiError(ERROR_STATUS[code], code, message);

describe('refusal messages', () => {
  it('say each refusal in Chinese and keep the server’s words beside it', () => {
    expect(describeFailure(refusal('window_busy', 'ticket A001 is still in play'))).toEqual({
      message: '本窗口还有正在呼叫或办理的号，请先办结、转交或标记过号',
      detail: 'ticket A001 is still in play',
    });
    expect(describeFailure(refusal('forbidden')).message).toBe('无权在本窗口操作：本窗口可能已由其他人员接管');
    expect(describeFailure(refusal('invalid_state')).message).toContain('当前状态不允许此操作');
  });

  it('have a Chinese message for every code, not the server’s English', () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      expect(describeFailure(refusal(code)).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('tell how many calls a no-show needs', () => {
    const t = ticket({ state: 'called', calls: 1 });
    expect(describeFailure(refusal('not_enough_calls'), { ticket: t, noShowAfterCalls: 2 }).message).toBe(
      'A001 已呼叫 1 次，需呼叫满 2 次才能标记过号，请先重呼',
    );
  });

  it('name the fields of a validation failure', () => {
    const error = new ApiError(400, 'validation_failed', 'invalid request', {
      fields: [{ path: 'outcome.promisedDate', message: 'must be a date as YYYY-MM-DD' }],
    });
    expect(describeFailure(error).message).toBe('填写的内容有误：outcome.promisedDate');
  });

  it('say that an unanswered request may be pressed again safely', () => {
    expect(describeFailure(new NetworkError('timeout'))).toEqual({ message: NETWORK_FAILURE, detail: null });
  });
});
