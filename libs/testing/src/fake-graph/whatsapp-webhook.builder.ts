/** A citizen as a WhatsApp `messages` webhook names them. */
export interface WhatsAppSender {
  waId: string;
  name: string;
}

export interface WhatsAppWebhookOptions {
  phoneNumberId: string;
  /** The WhatsApp Business Account id (`entry[].id`). */
  businessAccountId?: string;
  displayPhoneNumber?: string;
}

/**
 * The body Meta posts for WhatsApp `messages` (Cloud API), as in the real fixtures: one entry, one
 * change, the senders' profiles under `contacts` and the messages as given (id, from, timestamp, type…).
 */
export function whatsappMessagesWebhook(
  options: WhatsAppWebhookOptions,
  senders: WhatsAppSender[],
  messages: Record<string, unknown>[],
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: options.businessAccountId ?? '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: options.displayPhoneNumber ?? '905320000000',
                phone_number_id: options.phoneNumberId,
              },
              contacts: senders.map((s) => ({ profile: { name: s.name }, wa_id: s.waId })),
              messages,
            },
          },
        ],
      },
    ],
  };
}
