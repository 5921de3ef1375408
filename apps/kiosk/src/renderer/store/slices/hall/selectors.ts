import type { FeedState } from '@hallq/shared/client';
import {
  type DeviceStream,
  type PublicHall,
  type QueueInfo,
  type ServiceItemConfig,
  type WindowTypeConfig,
} from '@hallq/shared/contracts';
import { acceptsAnyItem, acceptsItem, offersPriority } from '@hallq/shared/domain';
import { CITIZEN_LANGUAGES, type CitizenLanguage } from '@hallq/shared/i18n';
import { match } from 'pinyin-pro';
import type { HallState } from './state';
import { foldTibetan, isTibetan, tibetanQuery } from './tibetan-match';

/** Comprehensive window types first (most citizens belong there), then the others in the hall's order. */
export function orderedWindowTypes(hall: PublicHall): WindowTypeConfig[] {
  return [
    ...hall.windowTypes.filter((t) => t.kind === 'comprehensive'),
    ...hall.windowTypes.filter((t) => t.kind !== 'comprehensive'),
  ];
}

export interface Tile {
  type: WindowTypeConfig;
  /** Undefined until the server has told us about the type. */
  queue: QueueInfo | undefined;
  open: boolean;
}

/** The queues as the feed has them; before its first snapshot, those read when the page started. */
export function liveQueues(
  state: Pick<FeedState<DeviceStream>, 'feed'> & Pick<HallState, 'queuesBeforeFeed'>,
): QueueInfo[] {
  return state.feed?.queues ?? state.queuesBeforeFeed;
}

export function homeTiles(hall: PublicHall, queues: QueueInfo[]): Tile[] {
  const byType = new Map(queues.map((q) => [q.windowType, q]));
  return orderedWindowTypes(hall).map((type) => {
    const queue = byType.get(type.code);
    return { type, queue, open: queue?.open ?? false };
  });
}

/** The citizen languages the hall offers, Chinese first and always. */
export function availableLanguages(hall: PublicHall | null): CitizenLanguage[] {
  return CITIZEN_LANGUAGES.filter((l) => l === 'zh' || (hall?.languages.includes(l) ?? false));
}

export function windowTypeOf(hall: PublicHall, code: string | null): WindowTypeConfig | undefined {
  return hall.windowTypes.find((t) => t.code === code);
}

export function serviceItemOf(hall: PublicHall, code: string | null): ServiceItemConfig | undefined {
  return hall.serviceItems.find((s) => s.code === code);
}

/** Whether choosing the type leads to the item step: it has items of its own, or takes any item (acceptsAnyItem). */
export function hasItemStep(hall: PublicHall, type: WindowTypeConfig): boolean {
  return acceptsAnyItem(type) || hall.serviceItems.some((s) => s.windowType === type.code);
}

/**
 * The items offered after choosing a window type. Without a query, the type's own items (a short list to browse);
 * with one, a type that takes any item searches every item of the hall. Matches Chinese characters, pinyin initials
 * (sbk → 社会保障卡) and full pinyin, in any mix, English names, and Tibetan names by Tibetan letters or Wylie
 * (khral → ཁྲལ་དོན); best matches first.
 */
export function itemsFor(hall: PublicHall, type: WindowTypeConfig, query: string): ServiceItemConfig[] {
  const q = query.trim().toLowerCase();
  const own = hall.serviceItems.filter((s) => s.windowType === type.code);
  if (q === '') return own;
  const others = hall.serviceItems.filter((s) => s.windowType !== type.code && acceptsItem(type, s));
  const pool = [...own, ...others];
  return searchItems(pool, q);
}

export function searchItems(items: ServiceItemConfig[], query: string): ServiceItemConfig[] {
  const ranked: { item: ServiceItemConfig; score: number; order: number }[] = [];
  const tibetan = tibetanQuery(query);
  items.forEach((item, order) => {
    const score = matchScore(item, query, tibetan);
    if (score !== null) ranked.push({ item, score, order });
  });
  return ranked.sort((a, b) => a.score - b.score || a.order - b.order).map((r) => r.item);
}

/**
 * Lower is better: where the match starts and how spread out it is; null when the item does not match. A Tibetan
 * query matches only Tibetan names; a Latin one is tried as Chinese pinyin and English first, then as Wylie.
 */
function matchScore(item: ServiceItemConfig, query: string, tibetan: string | null): number | null {
  const bo = tibetan === null || item.name.bo === undefined ? -1 : foldTibetan(item.name.bo).indexOf(tibetan);
  if (isTibetan(query)) return bo >= 0 ? bo : null;
  const zh = item.name.zh;
  const direct = zh.indexOf(query);
  if (direct >= 0) return direct;
  const hits = match(zh, query);
  if (hits && hits.length > 0) {
    const first = hits[0]!;
    const last = hits[hits.length - 1]!;
    return 100 + first * 10 + (last - first);
  }
  const en = item.name.en?.toLowerCase().indexOf(query) ?? -1;
  if (en >= 0) return 1000 + en;
  return bo >= 0 ? 2000 + bo : null;
}

/**
 * The window types that take priority tickets under the hall's priority path, by the rule the server enforces: under
 * help_and_proxy the 帮办代办 type alone, under priority_ticket every type.
 */
export function priorityWindowTypes(hall: PublicHall): WindowTypeConfig[] {
  return orderedWindowTypes(hall).filter((type) => offersPriority(hall.priorityPath, type));
}
