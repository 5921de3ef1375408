import { buildNotice, type Outcome } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { demoHall, ticket } from '../store/test-services';
import { noticeLanguage, wordNotice } from './notice-words';

const NOW = new Date('2026-11-20T02:10:00.000Z');

/** A001 for 户口迁移（市内） (市公安局), ended at window 3 by 扎西多吉 with `outcome`. */
function notice(outcome: Outcome, serviceItem: string | null = 'hukou-transfer', applicantName?: string) {
  const t = ticket({ serviceItem, state: 'finished', window: 3, clerk: 'c03', outcome });
  return buildNotice(t, {
    hall: demoHall(),
    window: 3,
    clerk: { id: 'c03', name: '扎西多吉' },
    applicantName,
    now: NOW,
  })!;
}

describe('a notice in words', () => {
  it("is printed in the ticket's language where the catalogue has it, else in Chinese", () => {
    expect(noticeLanguage({ language: 'bo' })).toBe('bo');
    expect(noticeLanguage({ language: 'en' })).toBe('en');
    expect(noticeLanguage({ language: 'ug' })).toBe('zh');
  });

  it('titles it, fills its table and words the seal with the department and the date', () => {
    const worded = wordNotice(notice({ kind: 'incomplete', missingMaterials: ['户口簿'] }, undefined, '扎西'), 'zh');
    expect(worded.hallName).toBe('拉萨市政务服务中心（演示）');
    expect(worded.title).toBe('一次性告知通知书');
    expect(worded.rows.map((r) => `${r.label}：${r.value}`)).toEqual([
      '申请事项：户口迁移（市内）',
      '承办部门：市公安局',
      '申请人：扎*',
      '编号：2026-11-20-A001',
      '排队号：A001',
      '办理窗口：3号窗口',
      '经办人：扎西多吉（工号 c03）',
      '日期：2026年11月20日',
    ]);
    expect(worded.seal).toEqual({ department: '市公安局', mark: '（盖章）', place: '盖章处', date: '2026年11月20日' });
  });

  it('一次性告知: every missing material as one numbered list', () => {
    const worded = wordNotice(notice({ kind: 'incomplete', missingMaterials: ['户口簿', '单位证明'] }), 'zh');
    expect(worded.sections).toEqual([
      { type: 'paragraph', stress: false, text: expect.stringMatching(/^您申请办理的“户口迁移（市内）”事项，经审查/) },
      { type: 'list', items: ['户口簿', '单位证明'] },
      { type: 'paragraph', stress: false, text: '请补齐上述材料后，持本通知书再来办理。' },
    ]);
  });

  it('受理: the promised date written out', () => {
    const worded = wordNotice(notice({ kind: 'accepted', promisedDate: '2026-11-27', caseNumber: 'GA-0042' }), 'zh');
    expect(worded.sections[1]).toEqual({
      type: 'paragraph',
      stress: true,
      text: '承诺于2026年11月27日前办结（按工作日计算，法定节假日除外）。',
    });
    expect(worded.rows.find((r) => r.name === 'noticeNumber')?.value).toBe('GA-0042');
  });

  it('不予受理: the reason, where to apply instead, and the applicant’s rights', () => {
    const worded = wordNotice(
      notice({ kind: 'rejected', reason: '户籍不在本市', referTo: '户籍所在地派出所' }, null),
      'zh',
    );
    expect(worded.sections.map((s) => (s.type === 'paragraph' ? s.text : s.items))).toEqual([
      '您申请办理的事项，经审查，决定不予受理。理由如下：',
      '户籍不在本市',
      '请向以下部门或机构申请：户籍所在地派出所',
      expect.stringContaining('行政复议'),
    ]);
    expect(worded.rows.map((r) => r.name)).not.toContain('item');
  });

  it('转交: where to go, the note, and that the number stays valid', () => {
    const worded = wordNotice(notice({ kind: 'transferred', toWindowType: 'tax', toWindow: 13, note: '个税' }), 'zh');
    expect(worded.title).toBe('转交通知单');
    expect(worded.sections.slice(1).map((s) => s.type === 'paragraph' && s.text)).toEqual([
      '窗口类型：税务',
      '窗口：13号窗口',
      '说明：个税',
      '请持本单前往，您的排队号 A001 继续有效并优先办理，无需重新取号。',
    ]);
  });

  it('is ready in Tibetan and English, with the hall’s own texts in that language where the hall file has them', () => {
    const outcome: Outcome = { kind: 'incomplete', missingMaterials: ['户口簿'] };
    const en = wordNotice(notice(outcome), 'en');
    expect(en.title).toBe('Notice of Missing Materials');
    expect(en.hallName).toBe('Lhasa Government Service Centre (demo)');
    expect(en.sections[1]).toEqual({ type: 'list', items: ['Household register (hukou book)'] });
    expect(en.seal.date).toBe('20/11/2026');
    const bo = wordNotice(notice(outcome), 'bo');
    expect(bo.title).toBe('ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་ཀྱི་བརྡ་ཐོ།');
    expect(bo.seal.department).toBe('གྲོང་ཁྱེར་སྤྱི་བདེ་ཅུས།');
  });
});
