import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { addLiveEventListener } from '../api/live-event-listeners';
import { queryKeys } from '../api/queries/query-keys';
import type { ConversationView, SessionUser } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { conversationName } from './conversation-list-item';
import { beep, notificationSettings } from './notification-settings';

/** Most conversations looked up for one burst of new messages. */
const MAX_PER_EVENT = 5;
const ATTACHMENT_PREVIEW = /^\[\w+\]$/;

/**
 * A desktop notification and/or a beep when a new inbound message arrives in a conversation assigned
 * to me or unassigned on my accounts. The live stream names the conversations; each is read through
 * the API, which answers only for the officer's granted accounts.
 */
export function useNewMessageNotifications(user: SessionUser): void {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { t } = useI18n();
  const text = useRef({ t, navigate });
  text.current = { t, navigate };

  useEffect(() => {
    // The unread count last seen per conversation: a notification only when it grows.
    const seen = new Map<string, number>();
    const check = async (id: string) => {
      const before = seen.get(id) ?? client.getQueryData<ConversationView>(queryKeys.conversation(id))?.unreadCount;
      let c: ConversationView;
      try {
        c = await api.request<ConversationView>(`/api/v1/conversations/${encodeURIComponent(id)}`);
      } catch {
        return; // not on my accounts, or gone
      }
      seen.set(id, c.unreadCount);
      const mine = c.assignee === null || c.assignee.id === user.id;
      if (!mine || c.unreadCount === 0 || (before !== undefined && c.unreadCount <= before)) {
        return;
      }
      const settings = notificationSettings();
      const { t: translate, navigate: go } = text.current;
      if (settings.desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const preview = c.lastMessagePreview ?? '';
        try {
          const notification = new Notification(
            translate('list.notify.newMessage', { name: conversationName(c, translate('msg.citizen')) }),
            { body: ATTACHMENT_PREVIEW.test(preview) ? translate('list.notify.attachment') : preview, tag: c.id },
          );
          notification.onclick = () => {
            window.focus();
            void go(`/inbox/${c.id}`);
            notification.close();
          };
        } catch {
          // Some mobile browsers allow notifications only from a service worker: the sound still plays.
        }
      }
      if (settings.sound) {
        beep();
      }
    };
    return addLiveEventListener((event) => {
      const { desktop, sound } = notificationSettings();
      if (event.type !== 'conversations.changed' || !event.newMessages || !(desktop || sound)) {
        return;
      }
      for (const id of (event.conversationIds ?? []).slice(0, MAX_PER_EVENT)) {
        void check(id);
      }
    });
  }, [client, user.id]);
}
