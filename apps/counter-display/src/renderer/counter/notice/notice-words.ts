import type { Notice, NoticeFieldName, NoticeValue } from '@hallq/shared/domain';
import { CITIZEN_LANGUAGES, type CitizenLanguage, createI18n, localized, noticeText } from '@hallq/shared/i18n';
import type { TFunction } from 'i18next';

/**
 * The language a notice is printed in: the one the citizen took the ticket in, where the notice catalogue has it;
 * else Chinese, the hall's language of record.
 */
export function noticeLanguage(notice: Pick<Notice, 'language'>): CitizenLanguage {
  return (CITIZEN_LANGUAGES as readonly string[]).includes(notice.language)
    ? (notice.language as CitizenLanguage)
    : 'zh';
}

export type NoticeSection = { type: 'paragraph'; text: string; stress?: boolean } | { type: 'list'; items: string[] };

/** A notice in words, ready to lay out: every string the page prints. */
export interface WordedNotice {
  hallName: string;
  title: string;
  rows: { name: NoticeFieldName; label: string; value: string }[];
  sections: NoticeSection[];
  seal: { department: string | null; mark: string; place: string; date: string };
}

const translators = new Map<CitizenLanguage, TFunction>();

function translator(language: CitizenLanguage): TFunction {
  let t = translators.get(language);
  if (!t) {
    t = createI18n({ notice: noticeText }, language).getFixedT(language, 'notice');
    translators.set(language, t);
  }
  return t;
}

export function wordNotice(notice: Notice, language: CitizenLanguage): WordedNotice {
  const t = translator(language);
  const say = (value: NoticeValue): string => {
    switch (value.type) {
      case 'text':
        return value.text;
      case 'localized':
        return localized(value.text, language);
      case 'date': {
        const [year, month, day] = value.day.split('-').map(Number);
        return t('date', { year, month, day });
      }
      case 'staff':
        return value.name === null ? t('clerk', { id: value.id }) : t('clerkNamed', { id: value.id, name: value.name });
    }
  };
  const subject = notice.serviceItem
    ? t('subject', { item: localized(notice.serviceItem, language) })
    : t('subjectNoItem');
  const ticketNumber = notice.ticketNumber;

  const sections = ((): NoticeSection[] => {
    const paragraph = (text: string, stress = false): NoticeSection => ({ type: 'paragraph', text, stress });
    const { body } = notice;
    switch (body.kind) {
      case 'accepted':
        return [
          paragraph(t('accepted.intro', { subject })),
          paragraph(t('accepted.promised', { date: say({ type: 'date', day: body.promisedDate }) }), true),
          paragraph(t('accepted.keep')),
        ];
      case 'incomplete':
        return [
          paragraph(t('incomplete.intro', { subject })),
          { type: 'list', items: body.materials.map(say) },
          paragraph(t('incomplete.outro')),
        ];
      case 'rejected':
        return [
          paragraph(t('rejected.intro', { subject })),
          paragraph(body.reason, true),
          ...(body.referTo === null ? [] : [paragraph(t('rejected.referTo', { place: body.referTo }), true)]),
          paragraph(t('rejected.rights')),
        ];
      case 'transferred':
        return [
          paragraph(t('transferred.intro', { subject })),
          ...(body.toWindowType
            ? [paragraph(t('transferred.windowType', { name: say(body.toWindowType) }), true)]
            : []),
          ...(body.toWindow ? [paragraph(t('transferred.window', { name: say(body.toWindow) }), true)] : []),
          ...(body.note === null ? [] : [paragraph(t('transferred.note', { note: body.note }))]),
          paragraph(t('transferred.outro', { number: ticketNumber })),
        ];
    }
  })();

  return {
    hallName: localized(notice.hallName, language),
    title: t(notice.titleKey),
    rows: notice.fields.map((f) => ({ name: f.name, label: t(`field.${f.name}`), value: say(f.value) })),
    sections,
    seal: {
      department: notice.department ? localized(notice.department, language) : null,
      mark: t('seal'),
      place: t('sealPlace'),
      date: say({ type: 'date', day: notice.date }),
    },
  };
}
