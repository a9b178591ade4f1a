import { useVirtualizer } from '@tanstack/react-virtual';
import type { Ref } from 'react';
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ConversationListItem } from './conversation-list-item';

/** What the inbox asks of its list: bring a row into view even when it is not drawn. */
export interface ConversationListHandle {
  scrollToIndex(index: number): void;
}

interface Props {
  items: ConversationView[];
  selectedId: string | null;
  checkedIds: ReadonlySet<string>;
  selectable: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  onOpen(id: string): void;
  onToggle(index: number, range: boolean): void;
  handle: Ref<ConversationListHandle>;
  /** The API pins urgent conversations first on this list (no search, no urgency filter). */
  pinsUrgent: boolean;
}

/** A row's height before it is measured (two lines and the status line). */
const ESTIMATED_ROW = 86;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 20;

/**
 * Only the rows in view (and a few around them) are in the DOM, so thousands of conversations scroll
 * smoothly; the next page loads as the officer nears the end.
 */
export function ConversationList({
  items,
  selectedId,
  checkedIds,
  selectable,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onOpen,
  onToggle,
  handle,
  pinsUrgent,
}: Props) {
  const { t, format } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 6,
    // Rows are drawn on the first render, before the scroller has been measured.
    initialRect: { width: 400, height: 800 },
  });
  useImperativeHandle(
    handle,
    () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }),
    [virtualizer],
  );

  const rows = virtualizer.getVirtualItems();
  const lastDrawn = rows.length > 0 ? rows[rows.length - 1].index : -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastDrawn >= items.length - PREFETCH_ROWS) {
      fetchNextPage();
    }
  }, [lastDrawn, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // The pinned ones are the urgent rows the list starts with; after them the list has none.
  const pinned = pinsUrgent ? leadingUrgent(items) : 0;
  // While more pages exist the list's full length is unknown (-1 tells assistive technology so).
  const setSize = hasNextPage ? -1 : items.length;
  return (
    <div className="conversation-scroll" ref={scroller} data-testid="conversation-scroll">
      {items.length === 0 ? (
        <ul className="conversation-list" aria-label={t('inbox.list')} data-testid="conversation-list">
          <li className="muted empty">{t('inbox.empty')}</li>
        </ul>
      ) : (
        <ul
          className="conversation-list virtual"
          aria-label={t('inbox.list')}
          data-testid="conversation-list"
          data-count={items.length}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const c = items[row.index];
            return (
              <ConversationListItem
                key={c.id}
                conversation={c}
                selected={c.id === selectedId}
                checked={checkedIds.has(c.id)}
                selectable={selectable}
                placement={{
                  index: row.index,
                  setSize,
                  measureRef: virtualizer.measureElement,
                  style: { transform: `translateY(${row.start}px)` },
                  pinned: row.index < pinned,
                  pinnedGroup: row.index === 0 && pinned > 0 ? pinned : undefined,
                  lastPinned: row.index === pinned - 1,
                }}
                onOpen={() => onOpen(c.id)}
                onToggle={(range) => onToggle(row.index, range)}
              />
            );
          })}
        </ul>
      )}
      <p className="muted small list-foot" role="status">
        {isFetchingNextPage ? t('list.loadingMore') : t('list.count', { count: format.number(items.length) })}
      </p>
    </div>
  );
}

function leadingUrgent(items: ConversationView[]): number {
  const first = items.findIndex((c) => !c.reading.urgent);
  return first === -1 ? items.length : first;
}
